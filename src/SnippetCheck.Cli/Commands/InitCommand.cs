using System.CommandLine;
using SnippetCheck.Configuration;
using SnippetCheck.Reporting;

namespace SnippetCheck.Cli.Commands;

/// <summary>
/// <c>snippetcheck init</c>: a commented starter <c>snippetcheck.json</c>, never over an existing one; then what to do
/// next, and <c>.snippetcheck/</c> (the result cache) in <c>.gitignore</c> when asked (<c>--gitignore</c>, or yes at the prompt).
/// </summary>
internal static class InitCommand
{
    private static readonly Option<bool> GitignoreOption = new("--gitignore") { Description = "Also add .snippetcheck/ (the result cache) to .gitignore, without asking" };

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
        var path = Path.Combine(folder, ConfigLoader.FileName);
        if (File.Exists(path))
        {
            Console.Error.WriteLine(ToolMessage.Text($"{ConfigLoader.FileName} already exists; not overwritten"));
            return ExitCodes.ToolError;
        }
        File.WriteAllText(path, ConfigLoader.StarterConfig);
        Console.WriteLine($"Wrote {ConfigLoader.FileName}");

        var gitignore = Path.Combine(folder, ".gitignore");
        if (!IsIgnored(gitignore))
        {
            if (result.GetValue(GitignoreOption) || AskYes($"Add {CacheEntry} (the result cache) to .gitignore? [Y/n] "))
            {
                AddLine(gitignore, CacheEntry);
                Console.WriteLine($"Added {CacheEntry} to .gitignore");
            }
            else
            {
                Console.WriteLine($"Keep {CacheEntry} out of version control: add it to .gitignore (snippetcheck init --gitignore does it).");
            }
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

    /// <summary>Asks on a terminal; without one (CI, a pipe) the answer is no, and the hint says how to do it.</summary>
    private static bool AskYes(string question)
    {
        if (Console.IsInputRedirected || Console.IsOutputRedirected) return false;
        Console.Write(question);
        var answer = Console.ReadLine()?.Trim();
        return answer is null or "" || answer.StartsWith('y') || answer.StartsWith('Y');
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
