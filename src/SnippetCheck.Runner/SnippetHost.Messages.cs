using SnippetCheck.Execution;

namespace SnippetCheck.Runner;

// What the runner tells the tool besides a run's report: a block entered, late output, an output limit reached, and
// the process ending (an unhandled exception, an exit) while a run is under way.
internal sealed partial class SnippetHost
{
    private void OnUnhandledException(object sender, UnhandledExceptionEventArgs e)
    {
        // The runtime has left the thread's ExecutionContext by now, so the AsyncLocal is gone; the exception
        // belongs to the active run. Runs that leave threads behind get a fresh runner (see Serve), so an
        // earlier snippet's thread can hardly be the culprit.
        var capture = _active;
        if (capture is null || !capture.TryClaimReport()) return;
        // The runtime ends the process after the remaining handlers, the snippet's own among them; what
        // they print follows the report as late output, until the process is gone.
        Send(capture, capture.ToReport(RunEnding.Exception, 0, e.ExceptionObject as Exception) with { Reusable = false });
        capture.IsDying = true;
    }

    private void OnProcessExit(object? sender, EventArgs e)
    {
        // The runtime may raise this on another thread than the one that called Exit, so no AsyncLocal here.
        var capture = _active;
        if (capture is null || !capture.TryClaimReport()) return;
        Send(capture, capture.ToReport(RunEnding.Exited, Environment.ExitCode));
    }

    private void OnOutputLimit(RunCapture capture)
    {
        if (capture != _active || !capture.TryClaimReport()) return;
        Send(capture, capture.ToReport(RunEnding.OutputLimit, 0));
        // The snippet may be in a tight print loop; the only safe way out is to end this process.
        Environment.Exit(3);
    }

    private void SendLateOutput(RunCapture capture, string text) =>
        Send(new RunnerMessage.LateOutput(capture.RunId, text.Length > LateOutputChunk ? text[..LateOutputChunk] : text));

    /// <summary>The most of one late write that is sent: the tool keeps at most the output limit of it in all.</summary>
    private const int LateOutputChunk = 64 * 1024;

    /// <summary>
    /// Told as it happens, with what the previous block printed, so a timeout or crash can still be pinned on
    /// the block that was running and the blocks before it judged on their output.
    /// </summary>
    private void SendBlockEntered(RunCapture capture, int id, string previousOutput) =>
        Send(new RunnerMessage.BlockEntered(capture.RunId, id, previousOutput));

    private void Send(RunCapture capture, RunReport report) => Send(new RunnerMessage.Finished(capture.RunId, report));

    private void Send(RunnerMessage message)
    {
        try
        {
            _channel.Send(message);
        }
        catch (IOException)
        {
            // The tool has gone; nothing left to tell.
        }
    }
}
