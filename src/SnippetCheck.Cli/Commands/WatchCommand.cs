using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using SnippetCheck.Authoring;
using SnippetCheck.Driver;
using SnippetCheck.Reporting;

namespace SnippetCheck.Cli.Commands;

/// <summary>
/// <c>snippetcheck [verify] --watch</c> on the console: the first run as usual, then for each save a header line,
/// that run's failures and summary line, and one line for where all files stand. Ctrl+C ends it with exit code 0
/// and no runner process left behind.
/// </summary>
internal static class WatchCommand
{
    public static readonly Option<bool> WatchOption =
        new("--watch") { Description = "Verify, then re-verify each post when it is saved, until Ctrl+C" };

    /// <summary>What <c>--watch</c> cannot be combined with, as parse errors (verify's command validator).</summary>
    public static void ValidateCombinations(CommandResult result)
    {
        if (result.GetValue(WatchOption) is not true) return;
        if (result.GetValue(VerifyCommand.AcceptOption))
            result.AddError("--accept cannot be combined with --watch (a snippet with changing output would rewrite its post on every run)");
        if (result.GetValue(VerifyCommand.ReportOption) is { Length: > 0 })
            result.AddError("--report cannot be combined with --watch; reports are for one-off runs");
        if (string.Equals(result.GetValue(VerifyCommand.CiOption), "github", StringComparison.OrdinalIgnoreCase))
            result.AddError("--ci github cannot be combined with --watch; CI output is for one-off runs");
        if (result.GetValue(VerifyCommand.PackagesOption) == "newest")
            result.AddError("--packages newest cannot be combined with --watch; it is for one-off and scheduled runs ('snippetcheck outdated')");
    }

    public static async Task<int> RunAsync(VerifyOptions options, TerminalSettings terminal, bool verbose, CancellationToken cancellationToken)
    {
        ProgressDisplay? progress = null;
        var session = new WatchSession(options)
        {
            ObserverPerRun = () =>
            {
                progress?.Dispose();
                return progress = ProgressDisplay.For(terminal);
            },
        };
        session.SetupFailed += e =>
        {
            progress?.Dispose();
            new ConsoleWriter(Console.Error).Write(e);
        };
        session.RunStarting += (changed, everything) =>
        {
            // Said before the run, so a slow run never looks like an ignored save.
            var files = changed.Count == 0 ? "" : $"changed: {string.Join(", ", changed)}";
            var scope = everything ? (files.Length == 0 ? "verifying every file" : " (verifying every file)") : "";
            Console.Out.WriteLine($"[{Now()}] {files}{scope}");
        };
        var console = new ConsoleWriter(Console.Out, terminal.UseColor);
        try
        {
            await session.RunAsync(run =>
            {
                progress?.Dispose();
                Write(run, console, verbose);
                return Task.CompletedTask;
            }, cancellationToken);
            return ExitCodes.Success;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl+C is how a watch ends; it is not a failure.
            progress?.Dispose();
            await Console.Out.WriteLineAsync(ConsoleWriter.ToolText("stopped watching"));
            return ExitCodes.Success;
        }
        finally
        {
            // A run cut short by Ctrl+C may leave a runner mid-snippet; none may outlive the tool.
            Verifier.KillRunners();
        }
    }

    private static string Now() => DateTime.Now.ToString("HH:mm:ss", CultureInfo.InvariantCulture);

    private static void Write(WatchRun run, ConsoleWriter console, bool verbose)
    {
        foreach (var removed in run.Removed) Console.Out.WriteLine($"[{Now()}] removed: {removed}");
        if (run.Report.FileCount > 0 || run.IsFull) console.WriteRun(run.Report, verbose);
        // As verify -v says it: which of a library's frameworks its examples ran against.
        if (verbose) foreach (var library in run.Report.LibraryNotes) new ConsoleWriter(Console.Error).Write(library);
        var totals = ConsoleWriter.Summary(run.Totals);
        // The totals have no duration of their own: drop the summary's " in 1.2s".
        Console.Out.WriteLine($"watching: {totals[..totals.LastIndexOf(" in ", StringComparison.Ordinal)]}; press Ctrl+C to stop");
    }
}
