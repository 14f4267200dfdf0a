using System.CommandLine;
using SnippetCheck.Configuration;
using SnippetCheck.Reporting;

namespace SnippetCheck.Cli.Commands;

/// <summary><c>snippetcheck init</c>: a commented starter <c>snippetcheck.json</c>, never over an existing one.</summary>
internal static class InitCommand
{
    public static Command Create()
    {
        var init = new Command("init", "Write a commented starter snippetcheck.json in the current directory");
        init.SetAction(Run);
        return init;
    }

    private static int Run(ParseResult result)
    {
        var path = Path.Combine(Environment.CurrentDirectory, ConfigLoader.FileName);
        if (File.Exists(path))
        {
            Console.Error.WriteLine(ToolMessage.Text($"{ConfigLoader.FileName} already exists; not overwritten"));
            return ExitCodes.ToolError;
        }
        File.WriteAllText(path, ConfigLoader.StarterConfig);
        Console.WriteLine($"Wrote {ConfigLoader.FileName}");
        return ExitCodes.Success;
    }
}
