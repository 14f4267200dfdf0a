using System.Runtime.InteropServices;
using SnippetCheck.Driver;
using SnippetCheck.Reporting;

namespace SnippetCheck.Cli;

/// <summary>
/// Ctrl+C (SIGINT), SIGTERM from CI and SIGHUP: cancel the run, kill every runner with what its snippet started,
/// remove the work folders, and end within <see cref="Grace"/> even if something does not unwind. A second signal
/// ends the process at once, after the same clean-up.
/// </summary>
internal sealed class TerminationSignals : IDisposable
{
    /// <summary>How long a cancelled run may take to unwind before the process ends anyway.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(10);

    private readonly CancellationTokenSource _cancellation = new();
    private readonly List<PosixSignalRegistration> _registrations = [];
    private int _signals;

    public TerminationSignals()
    {
        foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP })
        {
            try
            {
                _registrations.Add(PosixSignalRegistration.Create(signal, OnSignal));
            }
            catch (PlatformNotSupportedException)
            {
                // SIGHUP has no meaning on Windows; Ctrl+C still arrives as SIGINT there.
            }
        }
    }

    /// <summary>Cancelled by the first signal.</summary>
    public CancellationToken Token => _cancellation.Token;

    /// <summary>The signal that ended the run, if one did.</summary>
    public PosixSignal? Received { get; private set; }

    private void OnSignal(PosixSignalContext context)
    {
        // The default would end the process before the runners and work folders are gone.
        context.Cancel = true;
        if (Interlocked.Increment(ref _signals) > 1)
        {
            Verifier.ShutdownRunners();
            Environment.Exit(ExitCodes.ToolError);
        }
        Received = context.Signal;
        // Cancel first, so nothing starts a runner again (a crash retry) once the runners are killed.
        _cancellation.Cancel();
        Verifier.ShutdownRunners();
        _ = Task.Run(async () =>
        {
            await Task.Delay(Grace).ConfigureAwait(false);
            Verifier.ShutdownRunners();
            await Console.Error.WriteLineAsync(
                ConsoleWriter.ToolText($"stopped by {context.Signal}; the run did not unwind within {Grace.TotalSeconds:0}s")).ConfigureAwait(false);
            Environment.Exit(ExitCodes.ToolError);
        });
    }

    public void Dispose()
    {
        foreach (var registration in _registrations) registration.Dispose();
        _cancellation.Dispose();
    }
}
