using System.Diagnostics;
using System.IO.Pipes;
using System.Text;

namespace SnippetCheck.Execution;

/// <summary>
/// One runner process and the pipe to it. Reused across runs until a snippet kills it or runs out of time;
/// then it is dead and the pool starts another.
/// </summary>
internal sealed class RunnerProcess : IAsyncDisposable
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
    }

    public bool IsAlive { get; private set; } = true;

    /// <summary>What this runner may touch besides the system; fixed for its life.</summary>
    public RunnerKind Kind { get; }

    /// <summary>The runner's own folder: its snippets' working and temp folders, the only place it may write.</summary>
    public string WorkRoot { get; }

    /// <summary>The confinement the runner reported once it had applied it.</summary>
    public SandboxStatus Confinement { get; private set; } = new(0, false, false, false, false, 0, "not started");

    private int _runs;
    private string[] _cgroups = [];
    private (string Working, string Temp)? _runFolders;
    private UnixFileMode _freshFolderMode;

    /// <summary>
    /// An empty working folder and temp folder for the next run, inside <see cref="WorkRoot"/>. A run that left
    /// both as it found them (empty, same mode, still plain folders) hands them on; otherwise they go and the next
    /// run gets new ones. Most snippets never touch the disk, so most runs make and remove no folder at all.
    /// </summary>
    public (string Working, string Temp) TakeRunFolders()
    {
        if (_runFolders is { } kept) return kept;
        var run = (++_runs).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var folders = (Path.Combine(WorkRoot, "runs", run), Path.Combine(WorkRoot, "tmp", run));
        Directory.CreateDirectory(folders.Item1);
        Directory.CreateDirectory(folders.Item2);
        if (!OperatingSystem.IsWindows()) _freshFolderMode = new DirectoryInfo(folders.Item1).UnixFileMode;
        _runFolders = folders;
        return folders;
    }

    /// <summary>After a run: keeps its folders for the next one if they are as fresh ones would be, else removes them.</summary>
    public void ReturnRunFolders()
    {
        if (_runFolders is not { } used) return;
        if (IsAlive && IsUntouched(used.Working) && IsUntouched(used.Temp)) return;
        _runFolders = null;
        TryDelete(used.Working);
        TryDelete(used.Temp);
    }

    private bool IsUntouched(string folder)
    {
        var info = new DirectoryInfo(folder);
        if (!info.Exists || info.Attributes.HasFlag(FileAttributes.ReparsePoint)) return false;
        if (!OperatingSystem.IsWindows() && info.UnixFileMode != _freshFolderMode) return false;
        using var entries = Directory.EnumerateFileSystemEntries(folder).GetEnumerator();
        return !entries.MoveNext();
    }

    internal static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A killed snippet may still hold a file for a moment; the pool removes its whole root at the end.
        }
    }

    /// <param name="workRoot">A folder for this runner alone, made here and removed with the runner.</param>
    public static async Task<RunnerProcess> StartAsync(RunnerOptions options, RunnerKind kind, string workRoot, CancellationToken cancellationToken)
    {
        if (!File.Exists(options.RunnerPath))
            throw new FileNotFoundException($"the snippet runner was not found at '{options.RunnerPath}'", options.RunnerPath);

        var pipeName = $"snippetcheck-{Environment.ProcessId}-{Guid.NewGuid():N}"[..40];
        // On Unix a rooted name is the socket's path: the runner's TMPDIR is its own folder, not the tool's.
        if (!OperatingSystem.IsWindows()) pipeName = Path.Combine(Path.GetTempPath(), pipeName);
        var pipe = new NamedPipeServerStream(pipeName, PipeDirection.InOut, 1, PipeTransmissionMode.Byte, PipeOptions.Asynchronous);
        // A self-contained build ships the runner with its own launcher and runtime; otherwise 'dotnet exec' it.
        var launcher = Path.ChangeExtension(options.RunnerPath, OperatingSystem.IsWindows() ? ".exe" : null);
        var (program, arguments) = File.Exists(launcher) ? (launcher, new[] { pipeName }) : (DotnetHost, ["exec", options.RunnerPath, pipeName]);
        (program, arguments) = options.Sandbox.Launch(program, arguments, kind);
        Directory.CreateDirectory(Path.Combine(workRoot, "tmp"));
        var start = new ProcessStartInfo(program, arguments)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workRoot,
        };
        start.Environment.Clear();
        foreach (var (name, value) in options.BuildEnvironment(Environment.GetEnvironmentVariables())) start.Environment[name] = value;
        // The runtime's own temporary files (named mutexes, the PAL's shared files) stay in the runner's folder too.
        start.Environment["TMPDIR"] = Path.Combine(workRoot, "tmp");

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var runner = new RunnerProcess(process, pipe, kind, workRoot);
        if (options.Sandbox.Enabled) runner._cgroups = RunnerCgroups.Create(Path.GetFileName(Path.GetDirectoryName(workRoot)) + "-" + Path.GetFileName(workRoot));
        process.ErrorDataReceived += (_, e) => runner.KeepStderr(e.Data);
        process.OutputDataReceived += (_, e) => runner.KeepStderr(e.Data);
        process.Start();
        ProcessTracker.Track(process, runner._cgroups, options.Sandbox.Enabled && Sandbox.NamespacesWork);
        process.StandardInput.Close();
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();

        using var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        connectTimeout.CancelAfter(TimeSpan.FromSeconds(30));
        try
        {
            // A runner killed before it connects (the tool shutting down on a signal) must not be waited for.
            var connecting = pipe.WaitForConnectionAsync(connectTimeout.Token);
            if (await Task.WhenAny(connecting, process.WaitForExitAsync(connectTimeout.Token)) != connecting) await connectTimeout.CancelAsync();
            await connecting;
            await runner.ConfineAsync(options.Sandbox.PolicyFor(kind, options.RunnerPath, workRoot, runner._cgroups), connectTimeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await runner.DisposeAsync();
            throw new InvalidOperationException($"the snippet runner did not start: {runner.StderrText()}");
        }
        catch (OperationCanceledException)
        {
            await runner.DisposeAsync();
            throw;
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or InvalidDataException)
        {
            await runner.DisposeAsync();
            throw new InvalidOperationException($"the snippet runner did not start: {runner.StderrText()}", e);
        }
        return runner;
    }

    /// <summary>Tells the runner what it may touch and waits until it says that is in force.</summary>
    private async Task ConfineAsync(SandboxPolicy policy, CancellationToken cancellationToken)
    {
        var answer = Task.Run(() =>
        {
            _channel.Send(new RunnerMessage.Confine(policy));
            return _channel.Receive();
        }, CancellationToken.None);
        await answer.WaitAsync(cancellationToken).ConfigureAwait(false);
        Confinement = answer.Result is RunnerMessage.Confined confined
            ? confined.Status
            : throw new InvalidDataException($"the runner answered {answer.Result.GetType().Name} to its confinement");
    }

    /// <summary>The <c>dotnet</c> host of the installation the tool runs on.</summary>
    private static string DotnetHost
    {
        get
        {
            var candidate = Path.Combine(DotnetInstallation.Root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
            return File.Exists(candidate) ? candidate : "dotnet";
        }
    }

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
        TryDelete(WorkRoot);
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
