using System.CommandLine;
using SnippetCheck.Configuration;
using SnippetCheck.Reporting;

namespace SnippetCheck.Cli.Commands;

/// <summary>
/// <c>snippetcheck init</c>: a commented starter <c>snippetcheck.json</c>, never over an existing one; then what to do
/// next. The result cache's folder, <c>.snippetcheck/</c>, ignores itself (<c>ToolFolder</c>), so nothing asks to add it to
/// <c>.gitignore</c>; <c>--gitignore</c> adds it there anyway.
/// </summary>
internal static class InitCommand
{
    private static readonly Option<bool> GitignoreOption =
        new("--gitignore") { Description = "Also add .snippetcheck/ to .gitignore (not needed: the folder ignores itself)" };

    private const string CacheEntry = ".snippetcheck/";

    public static Command Create()
    {
        var init = new Command("init", "Write a commented starter snippetcheck.json in the current directory") { GitignoreOption };
        init.SetAction(Run);
        return init;
    }

    private static int Run(ParseResult result)
    {
        var folder = WorkingDirectory.Current;
        var path = Path.Combine(folder, SnippetCheckConfig.FileName);
        if (File.Exists(path))
        {
            Console.Error.WriteLine(ConsoleWriter.ToolText($"{SnippetCheckConfig.FileName} already exists; not overwritten"));
            return ExitCodes.ToolError;
        }
        File.WriteAllText(path, SnippetCheckConfig.Starter);
        Console.WriteLine($"Wrote {SnippetCheckConfig.FileName}");

        // The cache folder ignores itself (ToolFolder writes a .gitignore of '*' into it), so the repository's own
        // .gitignore needs nothing; --gitignore still adds the line for whoever wants it said there too.
        var gitignore = Path.Combine(folder, ".gitignore");
        if (!result.GetValue(GitignoreOption))
        {
            Console.WriteLine($"{CacheEntry} (the result cache) ignores itself: it holds a .gitignore of '*', so git status stays clean.");
        }
        else if (!IsIgnored(gitignore))
        {
            AddLine(gitignore, CacheEntry);
            Console.WriteLine($"Added {CacheEntry} to .gitignore");
        }

        Console.WriteLine("""
            Next:
              1. Tag a C# block in a post: ```csharp run (or <!-- snippetcheck: run --> on the line above it),
                 with an ```output block below it if it prints.
              2. Verify: snippetcheck verify
              3. A blog with many untagged blocks: snippetcheck adopt proposes tags for the ones that already pass.
            Tags, output matching and sessions: docs/authoring.md.
            """);
        return ExitCodes.Success;
    }

    private static bool IsIgnored(string gitignore) =>
        File.Exists(gitignore) && File.ReadLines(gitignore).Any(l => l.Trim().Trim('/') == CacheEntry.TrimEnd('/'));

    private static void AddLine(string file, string line)
    {
        var existing = File.Exists(file) ? File.ReadAllText(file) : "";
        var separator = existing.Length > 0 && !existing.EndsWith('\n') ? Environment.NewLine : "";
        File.AppendAllText(file, separator + line + Environment.NewLine);
    }
}
