using System.Collections.Concurrent;
using SnippetCheck.Model;

namespace SnippetCheck.Execution;

/// <summary>
/// Runner processes, at most <c>size</c> at once, each reused across runs and replaced when a run kills it. Under
/// <see cref="RunnerOptions.PerDocument"/> a runner is reused only by snippets of the document it first ran.
/// </summary>
internal sealed class RunnerPool : IAsyncDisposable
{
    private readonly RunnerOptions _options;
    private readonly SemaphoreSlim _slots;
    /// <summary>Idle runners by kind and, under <see cref="RunnerOptions.PerDocument"/>, by the document they ran (else null).</summary>
    private readonly ConcurrentDictionary<(RunnerKind Kind, string? Document), ConcurrentBag<RunnerProcess>> _idle = new();
    /// <summary>The blocks that ran in runners with the network, for the report's grants.</summary>
    private readonly ConcurrentDictionary<SourceLocation, byte> _networkBlocks = new();
    /// <summary>Each folder a runner kind read beyond the default (packages, references, projects' output), with the blocks that ran there.</summary>
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<SourceLocation, byte>> _readBlocks = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<Task<RunnerProcess>> _spares = new();
    private readonly int _size;
    private int _sparesStarted;
    private readonly string _workRoot;
    private int _runnerCount;
    private SandboxStatus? _confinement;

    public RunnerPool(RunnerOptions options, int size)
    {
        _options = options;
        _size = Math.Max(1, size);
        _slots = new SemaphoreSlim(_size);
        RunFolders.SweepLeftoversOnce();
        _workRoot = Path.Combine(Path.GetTempPath(), $"snippetcheck-{Environment.ProcessId}-{Guid.NewGuid():N}"[..40]);
        ProcessTracker.TrackWorkRoot(_workRoot);
    }

    /// <summary>
    /// The confinement the pool's runners are under: what the first runner of the default kind reported, or what
    /// the sandbox settings promise when no such runner started (a fully cached run).
    /// </summary>
    public SandboxReport Confinement => DefaultConfinement with { Grants = Grants };

    private SandboxReport DefaultConfinement
    {
        get
        {
            if (_confinement is not { } status) return _options.Sandbox.Expected();
            var confined = status.Filesystem || status.PidNamespace;
            return confined || _options.Sandbox.Enabled
                ? new SandboxReport(
                    confined, status.LandlockAbi, status.Filesystem, status.NetworkBlocked, status.Signals, status.PidNamespace, status.ProcessLimit,
                    confined ? status.Off : $"the runner could not confine itself: {status.Off}", status.UnixSocketsBlocked, status.UdpBlocked)
                : SandboxReport.Disabled(_options.Sandbox.OffReason ?? "off");
        }
    }

    /// <summary>
    /// What the run granted beyond the default runner's confinement: the config's grants, and the network to the runners
    /// of the blocks that had it. Where a process the tool starts for a post (a build) is confined or not, its entry
    /// joins these through <see cref="AddGrant"/>.
    /// </summary>
    private IReadOnlyList<SandboxGrant> Grants
    {
        get
        {
            var grants = new List<SandboxGrant>(_options.Grants);
            if (!_networkBlocks.IsEmpty && _options.Sandbox.Enabled) grants.Add(ToBlocks("network", _networkBlocks.Keys, "network ", int.MaxValue));
            grants.AddRange(_readBlocks.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => ToBlocks("read " + r.Key, r.Value.Keys, "", 5)));
            grants.AddRange(_otherGrants);
            return grants;
        }
    }

    /// <summary><paramref name="what"/> to the runners of <paramref name="locations"/>, the first <paramref name="named"/> of them named.</summary>
    private static SandboxGrant ToBlocks(string what, ICollection<SourceLocation> locations, string kind, int named)
    {
        var blocks = locations.OrderBy(b => b.File, StringComparer.Ordinal).ThenBy(b => b.Line).ToList();
        var more = blocks.Count > named ? $" and {blocks.Count - named} more" : "";
        var from = string.Join(", ", blocks.Take(named).Select(b => $"{b.File}:{b.Line}")) + more;
        return new SandboxGrant($"the runners of {blocks.Count} {kind}block{(blocks.Count == 1 ? "" : "s")}", what, from);
    }

    private readonly ConcurrentQueue<SandboxGrant> _otherGrants = new();

    /// <summary>Notes a grant of the run's beyond the runners' own (a build's confinement), for <see cref="Confinement"/>.</summary>
    public void AddGrant(SandboxGrant grant) => _otherGrants.Enqueue(grant);

    /// <summary>Runs an image in an empty working directory and temp folder of its own (<see cref="RunFolders.Take"/>).</summary>
    /// <param name="network">The program may open TCP connections: it runs in a runner of that kind.</param>
    /// <param name="owner">Whose program it is: the document decides the runners it may share under <see cref="RunnerOptions.PerDocument"/>.</param>
    public async Task<RunResult> RunAsync(
        ProgramImage image, string stdin, string[] args, string[] dependencyPaths, bool network, RunOwner owner, TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        // The loader refused every network grant under --untrusted; this is the last line that holds if a path forgot one.
        if (network && _options.PerDocument) throw new InvalidOperationException("--untrusted gives no runner the network");
        var kind = RunnerKind.For(network, dependencyPaths);
        var key = (kind, _options.PerDocument ? owner.Document : null);
        if (network)
        {
            foreach (var block in owner.Blocks) _networkBlocks.TryAdd(block, 0);
        }
        // Every folder a runner is granted is named in the run's report, with the blocks it was granted for.
        foreach (var folder in _options.Sandbox.Enabled ? kind.ReadPaths : [])
        {
            var blocks = _readBlocks.GetOrAdd(folder, _ => new());
            foreach (var block in owner.Blocks) blocks.TryAdd(block, 0);
        }
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var result = await RunOnceAsync(image, stdin, args, dependencyPaths, key, timeout, cancellationToken).ConfigureAwait(false);
            // A runner can also die from a thread an earlier snippet left behind; only a second crash on a
            // fresh runner is this snippet's own.
            if (result.Status == RunStatus.Crashed && !cancellationToken.IsCancellationRequested)
                result = await RunOnceAsync(image, stdin, args, dependencyPaths, key, timeout, cancellationToken).ConfigureAwait(false);
            return result;
        }
        finally
        {
            _slots.Release();
        }
    }

    private async Task<RunResult> RunOnceAsync(
        ProgramImage image, string stdin, string[] args, string[] dependencyPaths, (RunnerKind Kind, string? Document) key,
        TimeSpan timeout, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        StartSpareRunnersOnce();
        var runner = await TakeRunnerAsync(key, HearsEarlierRuns(image.Bytes), cancellationToken).ConfigureAwait(false);
        var (working, temp) = runner.Folders.Take();
        try
        {
            return await runner.RunAsync(
                new RunRequest(image.Bytes, image.Id, image.EntryType, stdin, args, working, temp, dependencyPaths) { TestTypes = image.TestTypes },
                timeout, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            runner.Folders.Return(runner.IsAlive);
            if (runner.IsAlive && !cancellationToken.IsCancellationRequested) Idle((runner.Kind, key.Document)).Add(runner);
            else await runner.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>An idle runner of the kind (and document), a spare (spares are of the default kind and have run nothing), or a new one.</summary>
    /// <param name="fresh">Only a runner that has run nothing yet (a spare or a new one).</param>
    private async Task<RunnerProcess> TakeRunnerAsync((RunnerKind Kind, string? Document) key, bool fresh, CancellationToken cancellationToken)
    {
        while (!fresh && Idle(key).TryTake(out var idle))
        {
            if (!idle.HasUnreadInput) return idle;
            // Something wrote to its pipe after its last run: a later snippet must not read it as its own.
            await idle.DisposeAsync().ConfigureAwait(false);
        }
        if (key.Kind.Equals(RunnerKind.Default) && _spares.TryDequeue(out var spare)) return await spare.ConfigureAwait(false);
        // Idle runners of other kinds (or documents) would only add up: one goes for every runner of a new kind.
        foreach (var other in _idle.Where(pair => !pair.Key.Equals(key)))
        {
            if (other.Value.TryTake(out var surplus))
            {
                await surplus.DisposeAsync().ConfigureAwait(false);
                break;
            }
        }
        return await StartRunnerAsync(key.Kind, cancellationToken).ConfigureAwait(false);
    }

    private static readonly byte[] UnobservedEventUtf8 = System.Text.Encoding.UTF8.GetBytes("UnobservedTaskException");
    private static readonly byte[] UnobservedEventUtf16 = System.Text.Encoding.Unicode.GetBytes("UnobservedTaskException");

    /// <summary>
    /// A program that names <c>TaskScheduler.UnobservedTaskException</c> (in its metadata, or in a string for reflection)
    /// would hear the faulted tasks an earlier snippet on a reused runner forgot: as garbage, or still running when that
    /// snippet returned. With <c>dotnet run</c> its process holds no one else's tasks, so it gets a runner that has run
    /// nothing (MergePolicy keeps it out of chunks, so this is the snippet's own image).
    /// </summary>
    private static bool HearsEarlierRuns(byte[] image) =>
        // A merged chunk's image runs once per member: it is searched once.
        HeardEarlierRuns.GetValue(
            image, bytes => bytes.AsSpan().IndexOf(UnobservedEventUtf8) >= 0 || bytes.AsSpan().IndexOf(UnobservedEventUtf16) >= 0 ? Hears
            : Deaf) == Hears;

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<byte[], object> HeardEarlierRuns = new();
    private static readonly object Hears = new(), Deaf = new();

    private ConcurrentBag<RunnerProcess> Idle((RunnerKind Kind, string? Document) key) => _idle.GetOrAdd(key, _ => []);

    /// <summary>
    /// Starts runners in the background (one per slot, at most <paramref name="programs"/> in all, however often it
    /// is called), so their start-up overlaps the compilation of the first programs instead of following it.
    /// </summary>
    public void StartRunners(int programs)
    {
        var wanted = Math.Min(_size, programs);
        while (true)
        {
            var started = Volatile.Read(ref _sparesStarted);
            if (started >= wanted) return;
            if (Interlocked.CompareExchange(ref _sparesStarted, started + 1, started) == started)
                _spares.Enqueue(StartRunnerAsync(RunnerKind.Default, CancellationToken.None));
        }
    }

    /// <summary>Without <see cref="StartRunners"/>, the first run starts the other slots' runners (it starts its own).</summary>
    private void StartSpareRunnersOnce() => StartRunners(_size - 1);

    /// <summary>How many runner processes this pool started: one per slot when nothing kills them.</summary>
    public int RunnersStarted => _runnersStarted;

    private int _runnersStarted;

    private async Task<RunnerProcess> StartRunnerAsync(RunnerKind kind, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _runnersStarted);
        var root = Path.Combine(_workRoot, "r" + Interlocked.Increment(ref _runnerCount).ToString(System.Globalization.CultureInfo.InvariantCulture));
        var runner = await RunnerProcess.StartAsync(_options, kind, root, cancellationToken).ConfigureAwait(false);
        if (_options.PerDocument && !runner.Confinement.Filesystem)
        {
            // The settings promised Landlock (RunSettings refuses a machine without it); a runner that could not apply it runs nothing.
            await runner.DisposeAsync().ConfigureAwait(false);
            throw new InvalidOperationException(
                $"--untrusted runs snippets only confined, and the runner could not confine its filesystem: {runner.Confinement.Off}");
        }
        if (kind.Equals(RunnerKind.Default)) Interlocked.CompareExchange(ref _confinement, runner.Confinement, null);
        return runner;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var bag in _idle.Values)
        {
            while (bag.TryTake(out var runner)) await runner.DisposeAsync().ConfigureAwait(false);
        }
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
        RunFolders.TryDelete(_workRoot);
        if (!Directory.Exists(_workRoot)) ProcessTracker.UntrackWorkRoot(_workRoot);
        _slots.Dispose();
    }
}
