using System.Diagnostics;
using System.Text;

namespace SnippetCheck.Execution;

/// <summary>
/// How a run ends badly: a snippet that wrote to the channel or past the output limit, and a runner that died, told by
/// its exit code and the stderr it left (read to its end first, so every path describes a crash alike).
/// </summary>
internal sealed partial class RunnerProcess
{
    /// <summary>
    /// The snippet wrote to the runner's channel (the pipe's descriptor is in its process): it fails, and the runner
    /// goes, so that nothing it wrote can be read as a later snippet's.
    /// </summary>
    private RunResult WroteToChannel(string what, BlockProgress blocks, Stopwatch clock)
    {
        Kill();
        return RunResult.Failed(RunStatus.WroteToChannel, $"the snippet wrote to the runner's channel ({what}); the runner was discarded",
            StderrText(), blocks, clock.Elapsed);
    }

    private RunResult RawOutputOverLimit(BlockProgress blocks, Stopwatch clock)
    {
        Kill();
        return RunResult.Failed(RunStatus.OutputLimit, "printed more than the output limit", StderrText(), blocks, clock.Elapsed);
    }

    /// <summary>The pipe broke mid-run: the runner died, and its exit code and stderr say how.</summary>
    private async Task<RunResult> CrashedAsync(BlockProgress blocks, Stopwatch clock)
    {
        var exitCode = await WaitForExitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        IsAlive = false;
        // The exit can be seen before the runtime's last words ("Process terminated. <FailFast's message>") are read.
        await Task.WhenAny(_stderrRead, Task.Delay(TimeSpan.FromSeconds(2))).ConfigureAwait(false);
        return RunResult.Failed(RunStatus.Crashed, DescribeCrash(exitCode), StderrText(), blocks, clock.Elapsed);
    }

    private async Task<string> ReadLateOutputAsync(long runId, TimeSpan limit)
    {
        var late = new StringBuilder();
        var reading = Task.Run(() =>
        {
            try
            {
                // Up to the output limit, and only the run's own: the runner is killed after this either way.
                while (_channel.Receive() is RunnerMessage.LateOutput output && output.RunId == runId)
                {
                    lock (late) late.Append(output.Text, 0, Math.Min(output.Text.Length, Math.Max(0, RunnerProtocol.OutputLimit - late.Length)));
                }
            }
            catch (Exception e) when (e is EndOfStreamException or IOException or ObjectDisposedException or InvalidDataException)
            {
                // The process is gone (all its late output has arrived), or it wrote what is no message: it is killed next.
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

    /// <summary>
    /// Reads what the runner's process writes to its stdout or stderr descriptor itself (the runtime's own messages,
    /// or a snippet that writes past Console), in chunks rather than lines: a line of any length costs no memory.
    /// The start is kept for a crash's description; stdout is counted against the run's output limit.
    /// </summary>
    private async Task ReadRawAsync(Stream stream, bool isStdout)
    {
        var buffer = new byte[16 * 1024];
        var chars = new char[Encoding.UTF8.GetMaxCharCount(buffer.Length)];
        var decoder = Encoding.UTF8.GetDecoder();
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer).ConfigureAwait(false)) > 0)
            {
                if (isStdout) Volatile.Read(ref _rawOutput).Add(read);
                var count = decoder.GetChars(buffer, 0, read, chars, 0);
                lock (_stderr)
                {
                    if (_stderr.Length < StderrKeep) _stderr.Append(chars, 0, Math.Min(count, StderrKeep - _stderr.Length));
                }
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // The process is gone.
        }
    }

    private RawOutput _rawOutput = new();

    /// <summary>Counts the raw stdout of the run about to start.</summary>
    private RawOutput StartCountingRawOutput()
    {
        var counter = new RawOutput();
        Volatile.Write(ref _rawOutput, counter);
        return counter;
    }

    /// <summary>What a run wrote to the runner's stdout descriptor itself, past Console (which the runner captures and limits).</summary>
    private sealed class RawOutput
    {
        private long _bytes;
        private readonly TaskCompletionSource _overLimit = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public long Bytes => Interlocked.Read(ref _bytes);

        /// <summary>Completes once the run wrote more than the output limit.</summary>
        public Task OverLimit => _overLimit.Task;

        public void Add(int count)
        {
            if (Interlocked.Add(ref _bytes, count) > RunnerProtocol.OutputLimit) _overLimit.TrySetResult();
        }
    }

    private string StderrText()
    {
        lock (_stderr) return _stderr.ToString();
    }
}
