using System.Globalization;
using SnippetCheck.Authoring;
using SnippetCheck.Execution;
using SnippetCheck.Reporting;
using SnippetCheck.Model;
using SnippetCheck.Verification;

namespace SnippetCheck.Cli;

/// <summary>
/// <c>--watch</c> on the console: the first run as usual, then for each save a header line, that run's failures
/// and summary line, and one line for where all files stand. Ctrl+C ends it with exit code 0 and no runner
/// process left behind.
/// </summary>
internal static class WatchCommand
{
    public static async Task<int> RunAsync(VerifyOptions options, TerminalSettings terminal, bool verbose, CancellationToken cancellationToken)
    {
        var session = new WatchSession(options);
        IDisposable? progress = null;
        session.VerifierCreated += verifier =>
        {
            progress?.Dispose();
            progress = ProgressDisplay.Attach(verifier, terminal);
        };
        session.SetupFailed += e =>
        {
            progress?.Dispose();
            Console.Error.WriteLine($"snippetcheck: error {e.Code}: {e.Message}");
        };
        var reporter = new ConsoleReporter(Console.Out, terminal.UseColor, verbose);
        try
        {
            await session.RunAsync(run =>
            {
                progress?.Dispose();
                Write(run, reporter);
                return Task.CompletedTask;
            }, cancellationToken);
            return ExitCodes.Success;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl+C is how a watch ends; it is not a failure.
            progress?.Dispose();
            await Console.Out.WriteLineAsync("snippetcheck: stopped watching");
            return ExitCodes.Success;
        }
        finally
        {
            // A run cut short by Ctrl+C may leave a runner mid-snippet; none may outlive the tool.
            ProcessTracker.KillAll();
        }
    }

    private static void Write(WatchRun run, ConsoleReporter reporter)
    {
        var time = DateTime.Now.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
        if (!run.IsFull) Console.Out.WriteLine($"[{time}] changed: {string.Join(", ", run.Changed)}");
        foreach (var removed in run.Removed) Console.Out.WriteLine($"[{time}] removed: {removed}");
        if (run.Report.FileCount > 0 || run.IsFull) reporter.Write(run.Report);
        var totals = SummaryLine.For(run.Totals);
        // The totals have no duration of their own: drop the summary's " in 1.2s".
        Console.Out.WriteLine($"watching: {totals[..totals.LastIndexOf(" in ", StringComparison.Ordinal)]}; press Ctrl+C to stop");
    }
}
