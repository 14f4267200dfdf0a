using System.Collections.Concurrent;

namespace SnippetCheck.Execution;

/// <summary>
/// Runner processes, at most <c>size</c> at once, each reused across runs and replaced when a run kills it.
/// </summary>
internal sealed class RunnerPool : IAsyncDisposable
{
    private readonly RunnerOptions _options;
    private readonly SemaphoreSlim _slots;
    private readonly ConcurrentBag<RunnerProcess> _idle = [];
    private readonly ConcurrentQueue<Task<RunnerProcess>> _spares = new();
    private readonly int _size;
    private int _sparesStarted;
    private readonly string _workRoot;
    private int _runCount;

    public RunnerPool(RunnerOptions options, int size)
    {
        _options = options;
        _size = Math.Max(1, size);
        _slots = new SemaphoreSlim(_size);
        _workRoot = Path.Combine(Path.GetTempPath(), $"snippetcheck-{Environment.ProcessId}-{Guid.NewGuid():N}"[..40]);
        ProcessTracker.TrackWorkRoot(_workRoot);
    }

    /// <summary>Runs an image in a fresh, empty working directory, removed afterwards.</summary>
    public async Task<RunResult> RunAsync(ProgramImage image, string stdin, string[] args, string[] dependencyPaths, TimeSpan timeout, CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var result = await RunOnceAsync(image, stdin, args, dependencyPaths, timeout, cancellationToken).ConfigureAwait(false);
            // A runner can also die from a thread an earlier snippet left behind; only a second crash on a
            // fresh runner is this snippet's own.
            if (result.Status == RunStatus.Crashed && !cancellationToken.IsCancellationRequested)
                result = await RunOnceAsync(image, stdin, args, dependencyPaths, timeout, cancellationToken).ConfigureAwait(false);
            return result;
        }
        finally
        {
            _slots.Release();
        }
    }

    private async Task<RunResult> RunOnceAsync(ProgramImage image, string stdin, string[] args, string[] dependencyPaths, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var workingDirectory = Path.Combine(_workRoot, Interlocked.Increment(ref _runCount).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Directory.CreateDirectory(workingDirectory);
        cancellationToken.ThrowIfCancellationRequested();
        StartSpareRunnersOnce();
        var runner = _idle.TryTake(out var idle) ? idle
            : _spares.TryDequeue(out var spare) ? await spare.ConfigureAwait(false)
            : await StartRunnerAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await runner.RunAsync(new RunRequest(image.Bytes, image.Id, image.EntryType, stdin, args, workingDirectory, dependencyPaths), timeout, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (runner.IsAlive && !cancellationToken.IsCancellationRequested) _idle.Add(runner);
            else await runner.DisposeAsync().ConfigureAwait(false);
            TryDelete(workingDirectory);
        }
    }

    /// <summary>
    /// Starts runners in the background (one per slot, at most <paramref name="programs"/>), so their start-up
    /// overlaps the compilation of the first programs instead of following it. Only the first call does anything.
    /// </summary>
    public void StartRunners(int programs)
    {
        if (Interlocked.Exchange(ref _sparesStarted, 1) != 0) return;
        for (var i = 0; i < Math.Min(_size, programs); i++) _spares.Enqueue(StartRunnerAsync(CancellationToken.None));
    }

    /// <summary>Without <see cref="StartRunners"/>, the first run starts the other slots' runners (it starts its own).</summary>
    private void StartSpareRunnersOnce() => StartRunners(_size - 1);

    /// <summary>How many runner processes this pool started: one per slot when nothing kills them.</summary>
    public int RunnersStarted => _runnersStarted;

    private int _runnersStarted;

    private Task<RunnerProcess> StartRunnerAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _runnersStarted);
        return RunnerProcess.StartAsync(_options, cancellationToken);
    }

    private static void TryDelete(string directory)
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

    public async ValueTask DisposeAsync()
    {
        while (_idle.TryTake(out var runner)) await runner.DisposeAsync().ConfigureAwait(false);
        while (_spares.TryDequeue(out var spare))
        {
            try
            {
                await (await spare.ConfigureAwait(false)).DisposeAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is InvalidOperationException or IOException or FileNotFoundException)
            {
                // A spare that never started has nothing to clean up.
            }
        }
        TryDelete(_workRoot);
        if (!Directory.Exists(_workRoot)) ProcessTracker.UntrackWorkRoot(_workRoot);
        _slots.Dispose();
    }
}
