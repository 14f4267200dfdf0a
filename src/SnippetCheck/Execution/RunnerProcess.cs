using System.Diagnostics;
using System.IO.Pipes;
using System.Text;

namespace SnippetCheck.Execution;

/// <summary>
/// One runner process and the pipe to it. Reused across runs until a snippet kills it or runs out of time;
/// then it is dead and the pool starts another.
/// </summary>
internal sealed partial class RunnerProcess : IAsyncDisposable
{
    private const int StderrKeep = 16 * 1024;

    private readonly Process _process;
    private readonly NamedPipeServerStream _pipe;
    private readonly RunnerChannel _channel;
    private readonly StringBuilder _stderr = new();

    /// <summary>The reading of the process's stderr, done at its end: a crash is described once what it wrote has arrived.</summary>
    private Task _stderrRead = Task.CompletedTask;

    private RunnerProcess(Process process, NamedPipeServerStream pipe, RunnerKind kind, string workRoot)
    {
        _process = process;
        _pipe = pipe;
        _channel = new RunnerChannel(pipe, RunnerProtocol.MaxReportFrame);
        Kind = kind;
        WorkRoot = workRoot;
        Folders = new RunFolders(workRoot);
    }

    public bool IsAlive { get; private set; } = true;

    /// <summary>What this runner may touch besides the system; fixed for its life.</summary>
    public RunnerKind Kind { get; }

    /// <summary>The runner's own folder: its snippets' working and temp folders, the only place it may write.</summary>
    public string WorkRoot { get; }

    /// <summary>The confinement the runner reported once it had applied it.</summary>
    public SandboxStatus Confinement { get; private set; } = new(0, false, false, false, false, 0, "not started");

    /// <summary>This runner's working and temp folders for each run, inside <see cref="WorkRoot"/>.</summary>
    public RunFolders Folders { get; }

    private string[] _cgroups = [];

    /// <summary>
    /// True when the runner's pipe holds bytes nobody asked for: between runs the runner sends nothing, so they were
    /// written by a snippet that ran on it (or a callback it left), and the runner must not serve another run.
    /// </summary>
    public bool HasUnreadInput
    {
        get
        {
            // On Unix the pipe is a socket; Windows' named pipes would need PeekNamedPipe, and are left to the run's own checks.
            if (OperatingSystem.IsWindows()) return false;
            try
            {
                _pipeSocket ??= new System.Net.Sockets.Socket(
                    new System.Net.Sockets.SafeSocketHandle(_pipe.SafePipeHandle.DangerousGetHandle(), ownsHandle: false));
                return _pipeSocket.Available > 0;
            }
            catch (Exception e) when (e is System.Net.Sockets.SocketException or ObjectDisposedException or InvalidOperationException)
            {
                return true;
            }
        }
    }

    private System.Net.Sockets.Socket? _pipeSocket;

    public async Task<RunResult> RunAsync(RunRequest request, TimeSpan timeout, CancellationToken cancellationToken)
    {
        lock (_stderr) _stderr.Clear();
        var rawOutput = StartCountingRawOutput();
        var clock = Stopwatch.StartNew();
        var blocks = new BlockProgress();
        request = request with { RunId = NewRunToken() };
        var reportTask = Task.Run(() => ReadRun(request, blocks), CancellationToken.None);

        RunReport report;
        try
        {
            // WaitAsync drops its timer as soon as the report is in: no timer per run left waiting for the timeout.
            var first = await Task.WhenAny(reportTask, rawOutput.OverLimit).WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
            if (first != reportTask) return RawOutputOverLimit(blocks, clock);
            report = await reportTask.ConfigureAwait(false);
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException)
        {
            Kill();
            cancellationToken.ThrowIfCancellationRequested();
            return RunResult.Failed(RunStatus.Timeout, $"did not finish within {FormatDuration(timeout)}; killed with its process tree",
                StderrText(), blocks, clock.Elapsed);
        }
        catch (InvalidDataException e)
        {
            return WroteToChannel(e.Message, blocks, clock);
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or ObjectDisposedException)
        {
            return await CrashedAsync(blocks, clock).ConfigureAwait(false);
        }

        try
        {
            return await SettleAsync(report, request.RunId, rawOutput, blocks, clock).ConfigureAwait(false);
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or ObjectDisposedException or InvalidDataException)
        {
            return await CrashedAsync(blocks, clock).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The run's result once its report is in: a runner the snippet is ending (or that may not serve again) is waited
    /// for or killed, keeping what its last-chance handlers print; raw output counts against the output limit.
    /// </summary>
    private async Task<RunResult> SettleAsync(RunReport report, long runId, RawOutput rawOutput, BlockProgress blocks, Stopwatch clock)
    {
        int? exitCode = null;
        if (report.Ending is RunEnding.Exited or RunEnding.OutputLimit)
        {
            // The runner is on its way out; its exit code is the snippet's.
            exitCode = await WaitForExitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
            IsAlive = false;
        }
        else if (!report.Reusable && report.Ending == RunEnding.Exception)
        {
            // The snippet's own last-chance handlers still run; keep what they print.
            report = report with { Stdout =
                report.Stdout + await ReadLateOutputAsync(runId, TimeSpan.FromSeconds(2)).ConfigureAwait(false) };
            Kill();
        }
        else if (!report.Reusable)
        {
            Kill();
        }
        // What the snippet wrote to the raw stdout descriptor shares the limit of what it printed through Console.
        if (report.Stdout.Length + rawOutput.Bytes > RunnerProtocol.OutputLimit) return RawOutputOverLimit(blocks, clock);
        return RunResult.FromReport(
            report, clock.Elapsed, exitCode) with { Confinement = Confinement.Filesystem || Confinement.NetworkBlocked ? Confinement : null };
    }

    /// <summary>
    /// Sends the request and reads the run's messages, on a thread of its own (the reads block). Only what the run's
    /// own turn allows is taken: block marks and one report, each naming this run, then the runner's answer to a
    /// fence, which only its serving loop gives once the run is over. Anything else (a frame for another run, a second
    /// report, a report while the snippet still runs, bytes that are no frame) was written by the snippet, which
    /// shares the runner's process and so its pipe: <see cref="InvalidDataException"/>.
    /// </summary>
    private RunReport ReadRun(RunRequest request, BlockProgress blocks)
    {
        var runId = request.RunId;
        _channel.Send(new RunnerMessage.Run(request));
        RunReport? report = null;
        var fence = NewRunToken();
        while (true)
        {
            switch (_channel.Receive())
            {
                case RunnerMessage.BlockEntered entered when report is null && entered.RunId == runId:
                    blocks.Enter(entered.BlockId, entered.PreviousOutput);
                    break;
                case RunnerMessage.Finished finished when report is null && finished.RunId == runId:
                    report = finished.Report;
                    // A runner on its way out is asked nothing more: it is not reused.
                    if (!report.Reusable || report.Ending is RunEnding.Exited or RunEnding.OutputLimit) return report;
                    _channel.Send(new RunnerMessage.Fence(fence));
                    break;
                case RunnerMessage.Fenced fenced when report is not null && fenced.Token == fence:
                    return report;
                case var other:
                    throw new InvalidDataException(Describe(other, runId, report is not null));
            }
        }
    }

    private static string Describe(RunnerMessage message, long runId, bool reported) => message switch
    {
        RunnerMessage.BlockEntered entered when entered.RunId != runId => "a message for another run",
        RunnerMessage.Finished finished when finished.RunId != runId => "a message for another run",
        RunnerMessage.Finished when reported => "a second report of its run",
        RunnerMessage.BlockEntered when reported => "a block mark after its run's report",
        _ => $"a {message.GetType().Name} message out of turn",
    };

    /// <summary>A fresh random number the snippets of earlier runs cannot have known.</summary>
    private static long NewRunToken() => BitConverter.ToInt64(System.Security.Cryptography.RandomNumberGenerator.GetBytes(8));

    public void Kill()
    {
        IsAlive = false;
        ProcessTracker.KillTreeAndGroup(_process);
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await _process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or InvalidOperationException)
        {
            // Best effort: the process was killed; waiting is only for tidiness.
        }
        ProcessTracker.Untrack(_process);
        RunFolders.TryDelete(WorkRoot);
        foreach (var cgroup in _cgroups) ProcessTracker.RemoveCgroupWhenEmpty(cgroup);
        _pipeSocket?.Dispose();
        try
        {
            _channel.Dispose();
            await _pipe.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException)
        {
            // Disposing flushes; a dead runner's pipe is broken (or was never connected), and that is fine now.
        }
        _process.Dispose();
    }

    /// <summary>Session blocks as the runner enters them, with the finished ones' output.</summary>
    internal sealed class BlockProgress
    {
        private readonly Dictionary<int, string> _finished = [];
        private int _current = -1;

        public void Enter(int id, string previousOutput)
        {
            lock (_finished)
            {
                if (_current >= 0) _finished[_current] = previousOutput;
                _current = id;
            }
        }

        public (int Current, Dictionary<int, string> Finished) Snapshot()
        {
            lock (_finished) return (_current, new Dictionary<int, string>(_finished));
        }
    }

    internal static string FormatDuration(TimeSpan duration) =>
        duration.TotalSeconds >= 1 && duration.Milliseconds == 0 ? $"{duration.TotalSeconds:0}s" : $"{duration.TotalMilliseconds:0}ms";
}
