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

    private RunnerProcess(Process process, NamedPipeServerStream pipe, RunnerKind kind, string workRoot)
    {
        _process = process;
        _pipe = pipe;
        _channel = new RunnerChannel(pipe);
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

    public async Task<RunResult> RunAsync(RunRequest request, TimeSpan timeout, CancellationToken cancellationToken)
    {
        lock (_stderr) _stderr.Clear();
        var clock = Stopwatch.StartNew();
        var blocks = new BlockProgress();
        var reportTask = Task.Run(() =>
        {
            _channel.Send(new RunnerMessage.Run(request));
            while (true)
            {
                switch (_channel.Receive())
                {
                    case RunnerMessage.BlockEntered entered:
                        blocks.Enter(entered.BlockId, entered.PreviousOutput);
                        break;
                    case RunnerMessage.Finished finished:
                        return finished.Report;
                    case var other:
                        throw new InvalidDataException($"the runner sent {other.GetType().Name} during a run");
                }
            }
        }, CancellationToken.None);

        RunReport report;
        try
        {
            // WaitAsync drops its timer as soon as the report is in: no timer per run left waiting for the timeout.
            report = await reportTask.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException)
        {
            Kill();
            cancellationToken.ThrowIfCancellationRequested();
            return RunResult.Failed(RunStatus.Timeout, $"did not finish within {FormatDuration(timeout)}; killed with its process tree",
                StderrText(), blocks, clock.Elapsed);
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or ObjectDisposedException or InvalidDataException)
        {
            return await CrashedAsync(blocks, clock).ConfigureAwait(false);
        }

        try
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
                report = report with { Stdout = report.Stdout + await ReadLateOutputAsync(TimeSpan.FromSeconds(2)).ConfigureAwait(false) };
                Kill();
            }
            else if (!report.Reusable)
            {
                Kill();
            }
            return RunResult.FromReport(report, clock.Elapsed, exitCode) with { Confinement = Confinement.Filesystem || Confinement.NetworkBlocked ? Confinement : null };
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or ObjectDisposedException or InvalidDataException)
        {
            return await CrashedAsync(blocks, clock).ConfigureAwait(false);
        }
    }

    /// <summary>The pipe broke mid-run: the runner died, and its exit code and stderr say how.</summary>
    private async Task<RunResult> CrashedAsync(BlockProgress blocks, Stopwatch clock)
    {
        var exitCode = await WaitForExitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        IsAlive = false;
        return RunResult.Failed(RunStatus.Crashed, DescribeCrash(exitCode), StderrText(), blocks, clock.Elapsed);
    }

    private async Task<string> ReadLateOutputAsync(TimeSpan limit)
    {
        var late = new StringBuilder();
        var reading = Task.Run(() =>
        {
            try
            {
                while (_channel.Receive() is RunnerMessage.LateOutput output)
                {
                    lock (late) late.Append(output.Text);
                }
            }
            catch (Exception e) when (e is EndOfStreamException or IOException or ObjectDisposedException)
            {
                // The process is gone: all its late output has arrived.
            }
        });
        await Task.WhenAny(reading, Task.Delay(limit)).ConfigureAwait(false);
        lock (late) return late.ToString();
    }

    private string DescribeCrash(int? exitCode)
    {
        var stderr = StderrText();
        if (stderr.Contains("Stack overflow", StringComparison.OrdinalIgnoreCase)) return "stack overflow";
        var lines = stderr.Split('\n');
        var terminated = Array.FindIndex(lines, l => l.StartsWith("Process terminated.", StringComparison.Ordinal));
        if (terminated >= 0)
        {
            var reason = lines[terminated]["Process terminated.".Length..].Trim();
            if (reason.Length == 0 && terminated + 1 < lines.Length) reason = lines[terminated + 1].Trim();
            return $"Environment.FailFast: {reason}";
        }
        return exitCode is { } code
            ? $"the process ended abruptly with exit code {code}{(code > 128 ? $" (signal {code - 128})" : "")}"
            : "the process ended abruptly";
    }

    private async Task<int?> WaitForExitAsync(TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await _process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            return _process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            Kill();
            return null;
        }
    }

    private void KeepStderr(string? line)
    {
        if (line is null) return;
        lock (_stderr)
        {
            if (_stderr.Length < StderrKeep) _stderr.Append(line).Append('\n');
        }
    }

    private string StderrText()
    {
        lock (_stderr) return _stderr.ToString();
    }

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
