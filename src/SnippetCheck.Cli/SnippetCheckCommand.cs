using System.CommandLine;
using SnippetCheck.Cli.Commands;
using SnippetCheck.Reporting;

namespace SnippetCheck.Cli;

/// <summary>
/// The command line (docs/commands.md): <c>verify</c>, <c>list</c>, <c>init</c>, <c>adopt</c>, <c>outdated</c>, <c>render</c> and <c>lsp</c>, one
/// file each in
/// Commands/; options are fields, validators are named methods, the work is the core's.
/// </summary>
public static class SnippetCheckCommand
{
    public static RootCommand Build()
    {
        var root = new RootCommand(
            "SnippetCheck: verify the C# snippets in Markdown posts with Roslyn ('snippetcheck PATHS' is 'snippetcheck verify PATHS')")
        {
            VerifyCommand.Create(), ListCommand.Create(), InitCommand.Create(), AdoptCommand.Create(), OutdatedCommand.Create(),
            RenderCommand.Create(), LspCommand.Create(),
        };
        foreach (var version in root.Options.OfType<VersionOption>()) version.Action = new PrintVersionAction();
        // 'snippetcheck posts' means 'snippetcheck verify posts'.
        VerifyCommand.AddTo(root);
        return root;
    }

    /// <summary>
    /// One invocation, as <c>snippetcheck ARGS</c> in <paramref name="workingDirectory"/> (default: the current directory)
    /// gives it: what it prints and its exit code. Each run's runners end with the run; the process's own exit
    /// (Program.cs) is what kills any left over. The process's current directory is never changed, so invocations may
    /// run side by side in one process.
    /// </summary>
    public static async Task<int> InvokeAsync(string[] args, string? workingDirectory = null)
    {
        WorkingDirectory.Set(workingDirectory);
        var parseResult = Build().Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            var errors = new ConsoleWriter(Console.Error, jsonLines: VerifyCommand.WantsJsonLines(parseResult));
            foreach (var error in parseResult.Errors) errors.WriteToolError(error.Message);
            errors.Write("Run 'snippetcheck --help' for usage.");
            return ExitCodes.ToolError;
        }
        // Our own signal handling instead of System.CommandLine's: it must also kill runners and remove work folders.
        using var signals = new TerminationSignals();
        var exitCode = await parseResult.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null }, signals.Token);
        // --watch says "stopped watching" and exits 0 on Ctrl+C: one line is enough.
        if (signals.Received is { } signal && exitCode != ExitCodes.Success)
            new ConsoleWriter(Console.Error, jsonLines: VerifyCommand.WantsJsonLines(parseResult)).WriteToolError(
                $"stopped by {signal}");
        return exitCode;
    }
}
