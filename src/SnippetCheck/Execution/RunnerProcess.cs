using System.Diagnostics;
using System.IO.Pipes;
using System.Text;
using SnippetCheck.Compilation;

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
    private readonly BinaryReader _reader;
    private readonly BinaryWriter _writer;
    private readonly StringBuilder _stderr = new();

    private RunnerProcess(Process process, NamedPipeServerStream pipe)
    {
        _process = process;
        _pipe = pipe;
        _reader = new BinaryReader(pipe, RunnerProtocol.Encoding, leaveOpen: true);
        _writer = new BinaryWriter(pipe, RunnerProtocol.Encoding, leaveOpen: true);
    }

    public bool IsAlive { get; private set; } = true;

    public static async Task<RunnerProcess> StartAsync(RunnerOptions options, CancellationToken cancellationToken)
    {
        if (!File.Exists(options.RunnerPath))
            throw new FileNotFoundException($"the snippet runner was not found at '{options.RunnerPath}'", options.RunnerPath);

        var pipeName = $"snippetcheck-{Environment.ProcessId}-{Guid.NewGuid():N}"[..40];
        var pipe = new NamedPipeServerStream(pipeName, PipeDirection.InOut, 1, PipeTransmissionMode.Byte, PipeOptions.Asynchronous);
        var start = new ProcessStartInfo(DotnetHost, ["exec", options.RunnerPath, pipeName])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.Environment.Clear();
        foreach (var (name, value) in options.BuildEnvironment(Environment.GetEnvironmentVariables())) start.Environment[name] = value;

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var runner = new RunnerProcess(process, pipe);
        process.ErrorDataReceived += (_, e) => runner.KeepStderr(e.Data);
        process.OutputDataReceived += (_, e) => runner.KeepStderr(e.Data);
        process.Start();
        ProcessTracker.Track(process);
        process.StandardInput.Close();
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();

        using var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        connectTimeout.CancelAfter(TimeSpan.FromSeconds(30));
        try
        {
            await pipe.WaitForConnectionAsync(connectTimeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await runner.DisposeAsync();
            throw new InvalidOperationException($"the snippet runner did not start: {runner.StderrText()}");
        }
        return runner;
    }

    /// <summary>The <c>dotnet</c> host of the installation the tool runs on.</summary>
    private static string DotnetHost
    {
        get
        {
            var candidate = Path.Combine(ReferenceAssemblies.DotnetRoot, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
            return File.Exists(candidate) ? candidate : "dotnet";
        }
    }

    public async Task<RunResult> RunAsync(RunRequest request, TimeSpan timeout, CancellationToken cancellationToken)
    {
        lock (_stderr) _stderr.Clear();
        var clock = Stopwatch.StartNew();
        var currentBlock = -1;
        var reportTask = Task.Run(() =>
        {
            request.WriteTo(_writer);
            while (_reader.ReadByte() == RunnerProtocol.BlockEnteredMessage)
            {
                Volatile.Write(ref currentBlock, _reader.ReadInt32());
            }
            return RunReport.ReadFrom(_reader);
        }, CancellationToken.None);

        var finished = await Task.WhenAny(reportTask, Task.Delay(timeout, cancellationToken)).ConfigureAwait(false);
        if (finished != reportTask)
        {
            Kill();
            cancellationToken.ThrowIfCancellationRequested();
            return RunResult.Failed(RunStatus.Timeout, $"did not finish within {FormatDuration(timeout)}; killed with its process tree",
                StderrText(), Volatile.Read(ref currentBlock), clock.Elapsed);
        }

        try
        {
            var report = await reportTask.ConfigureAwait(false);
            int? exitCode = null;
            if (report.Ending is RunEnding.Exited or RunEnding.OutputLimit)
            {
                exitCode = await WaitForExitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
                IsAlive = false;
            }
            return RunResult.FromReport(report, clock.Elapsed, exitCode);
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or ObjectDisposedException)
        {
            var exitCode = await WaitForExitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
            IsAlive = false;
            return RunResult.Failed(RunStatus.Crashed, DescribeCrash(exitCode), StderrText(), Volatile.Read(ref currentBlock), clock.Elapsed);
        }
    }

    private string DescribeCrash(int? exitCode)
    {
        var stderr = StderrText();
        if (stderr.Contains("Stack overflow", StringComparison.OrdinalIgnoreCase)) return "stack overflow";
        var terminated = stderr.Split('\n').FirstOrDefault(l => l.StartsWith("Process terminated.", StringComparison.Ordinal));
        if (terminated is not null) return $"Environment.FailFast: {terminated["Process terminated.".Length..].Trim()}";
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
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Already gone.
        }
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
        try
        {
            _reader.Dispose();
            _writer.Dispose();
            await _pipe.DisposeAsync().ConfigureAwait(false);
        }
        catch (IOException)
        {
            // Disposing flushes the pipe, which is broken once the runner is dead; there is nothing left to send.
        }
        _process.Dispose();
    }

    internal static string FormatDuration(TimeSpan duration) =>
        duration.TotalSeconds >= 1 && duration.Milliseconds == 0 ? $"{duration.TotalSeconds:0}s" : $"{duration.TotalMilliseconds:0}ms";
}
