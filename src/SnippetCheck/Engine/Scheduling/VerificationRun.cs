using System.Collections.Concurrent;
using SnippetCheck.Caching;
using SnippetCheck.Compilation;
using SnippetCheck.Execution;
using SnippetCheck.Engine.Merging;
using SnippetCheck.References;
using SnippetCheck.Programs;
using SnippetCheck.Model;
using SnippetCheck.Results;
using SnippetCheck.Extraction.Snippets;

namespace SnippetCheck.Engine.Scheduling;

/// <summary>
/// Carries out a <see cref="RunPlan"/>: cached results first, then merged chunks, lone snippets and sessions in
/// parallel, raising an event as each unit finishes.
/// </summary>
/// <param name="shape">Whether programs run or only compile, and on whose runners (<see cref="RunShape"/>).</param>
internal sealed class VerificationRun(RunSettings settings, ResultCache? cache, RunShape shape)
{
    /// <summary>The runners kept between runs (a <c>VerifierSession</c>'s); null: the run starts and ends its own.</summary>
    private readonly RunnerPool? _keptPool = shape.KeptRunners?.Invoke();

    /// <summary>The observer of the run's compilations (<c>RunObserver</c>); null for a plain run.</summary>
    public SemanticCapture? Capture { get; init; }

    public event Action<IReadOnlyList<SnippetResult>>? ResultsReady;

    public int RunnersStarted { get; private set; }

    /// <summary>What the verdicts depended on beyond documents and config (see <see cref="DependencyResolver.DependencyFiles"/>).</summary>
    public IReadOnlyList<string> DependencyFiles { get; private set; } = [];

    /// <summary>The projects the run built for its snippets, and for which of their frameworks.</summary>
    public IReadOnlyList<LibraryBuild> Libraries { get; private set; } = [];

    /// <summary>The confinement the run's runners were under.</summary>
    public SandboxReport? Confinement { get; private set; }

    /// <summary>Confines the run's restores and builds as its runners are (the same <c>sandbox</c> setting), and records each.</summary>
    private readonly BuildSandbox _builds = new(settings.Runners.Sandbox) { PackagesFolder = settings.NuGetPackages };

    /// <summary>The restores and builds this run started for posts' code, and what each was granted.</summary>
    public IReadOnlyList<BuildGrant> Builds => _builds.Grants;
    public MergeStatistics Merging { get; private set; } = new(0, 0, 0);

    /// <summary>Each document's lone programs that did not come from the cache together, to be kept together once verified.</summary>
    private IReadOnlyList<IReadOnlyList<SnippetProgram>> KeepTogetherAfterwards { get; set; } = [];

    public async Task<IReadOnlyList<SnippetResult>> ExecuteAsync(
        RunPlan plan, Configuration.SnippetCheckConfig config, CancellationToken cancellationToken)
    {
        var results = new ConcurrentBag<SnippetResult>(plan.Known);
        var stale = new StalePolicy(settings.Stale, settings.RunIgnored);
        if (plan.Snippets == 0 && (!stale.IsOn || plan.Stale.Count == 0)) return [.. results];

        await using var ownPool = _keptPool is null ? new RunnerPool(settings.Runners, settings.Parallelism) : null;
        var pool = _keptPool ?? ownPool!;
        // Without a cache to answer from, every snippet will run: the runners start now, beside the reference
        // loading, cache keys and merge planning below, instead of after them.
        if (cache is null || cache.IsEmpty) pool.StartRunners(plan.Snippets);
        EnsureReferenceAssemblies();
        PhaseTrace.Mark("reference assemblies loaded");
        // Config references are built before anything runs: a bad one is a config error (exit code 2).
        var dependencies = await DependencyResolver.CreateAsync(
            config, settings.Library, settings.CurrentDirectory, settings.PackageCache, cancellationToken, settings.Framework, _builds,
            Checkout.Of(settings.CurrentDirectory, settings.Untrusted))
            .ConfigureAwait(false);
        DependencyFiles = dependencies.DependencyFiles;
        PhaseTrace.Mark("dependencies resolved");
        var context = new ProgramContext(pool, dependencies, shape.CompileOnly, Capture);
        var programCache = new ProgramCache(cache, settings.Runners, dependencies.Fingerprint, Capture);
        var merging = new MergeTally();

        void Report(IReadOnlyList<SnippetResult> finished)
        {
            foreach (var result in finished) results.Add(result);
            ResultsReady?.Invoke(finished);
        }

        // The first snippet the cache cannot answer starts Roslyn and a runner, while the other lookups go on.
        var firstMiss = 0;
        void OnMiss()
        {
            if (Interlocked.Exchange(ref firstMiss, 1) != 0) return;
            Compilation.CompilerWarmUp.Start(config);
            pool.StartRunners(1);
        }

        var units = PlanLone(plan.Lone, programCache, dependencies, merging, context, Report, OnMiss);
        var toCompile = units.Count;
        PhaseTrace.Mark($"cache looked up: {units.Count} units to verify");
        units.AddRange(PlanSessions(plan.Sessions, programCache, pool, context));
        // Runners start now, while the first programs compile, unless everything came from the cache.
        if (toCompile > 0) pool.StartRunners(toCompile);
        // Last: stale-tag checks only add hints, and must not hold up a verdict.
        units.AddRange(PlanStale(plan.Stale, stale, dependencies, context, settings.Untrusted));
        await Parallel.ForEachAsync(
            units, new ParallelOptions { MaxDegreeOfParallelism = settings.Parallelism, CancellationToken = cancellationToken },
            async (unit, token) => Report(await unit.RunGuardedAsync(token).ConfigureAwait(false))).ConfigureAwait(false);
        foreach (var document in KeepTogetherAfterwards) programCache.KeepTogether(document);
        Record(pool, dependencies, merging);
        return [.. stale.Apply(results)];
    }

    /// <summary>
    /// A cold run (no cache, or an empty one) will compile: Roslyn's first compilation starts now, beside what the run does
    /// before its first compile (reading the documents), instead of after it. A warm run skips it: most of its snippets come
    /// from the cache, and its first miss starts it.
    /// </summary>
    public static void WarmUpIfCold(ResultCache? cache, Configuration.SnippetCheckConfig config)
    {
        if (cache is null || cache.IsEmpty) CompilerWarmUp.Start(config);
    }

    /// <summary>Fails the run (exit code 2) when the targeting pack is missing: nothing could compile.</summary>
    public static void EnsureReferenceAssemblies()
    {
        try
        {
            _ = ReferenceAssemblies.Default;
        }
        catch (TargetingPackMissingException e)
        {
            throw new VerificationSetupException(DiagnosticCodes.TargetingPackMissing, e.Message);
        }
    }

    /// <summary>What the run reports besides its results: its runners, the projects it built, its confinement and merging.</summary>
    private void Record(RunnerPool pool, DependencyResolver dependencies, MergeTally merging)
    {
        RunnersStarted = pool.RunnersStarted;
        Libraries = dependencies.Libraries;
        // The run's restores and builds join the report's grants here, not in the pool: a shared pool outlives the run.
        var confinement = pool.Confinement;
        Confinement = confinement with { Grants = [.. confinement.Grants, .. Builds.Select(build => build.AsSandboxGrant())] };
        Merging = merging.Statistics;
    }

    /// <summary>Sessions: each one's results from the cache when it has not changed, else verified, with every runner started.</summary>
    private static IEnumerable<ScheduledVerification> PlanSessions(
        IReadOnlyList<SnippetProgram> sessions, ProgramCache programCache, RunnerPool pool, ProgramContext context) =>
        sessions.Select(session => new ScheduledVerification(session.Blocks, token =>
            programCache.GetOrVerifyAsync(session, () =>
            {
                pool.StartRunners(int.MaxValue);
                return VerificationEngine.VerifyAsync(WorkUnit.Session(session), context, token);
            })));

    /// <summary>
    /// Lone snippets: each one's passing result from the cache when its content has not changed; the others compiled
    /// together in merged chunks where they can be (<see cref="MergePolicy"/>), else one by one. Chunks come first:
    /// they are the longest units, and the rest fill in around them.
    /// </summary>
    private List<ScheduledVerification> PlanLone(IReadOnlyList<SnippetProgram> lone, ProgramCache programCache, DependencyResolver dependencies,
        MergeTally merging, ProgramContext context, Action<IReadOnlyList<SnippetResult>> report, Action onMiss)
    {
        var candidates = new MergeCandidate?[lone.Count];
        var cached = new bool[lone.Count];
        AnswerWholeDocuments(lone, programCache, report, cached);
        Parallel.For(0, lone.Count, i =>
        {
            if (cached[i]) return;
            try
            {
                if (programCache.TryGet(lone[i], out var hit))
                {
                    report(hit);
                    cached[i] = true;
                    return;
                }
                onMiss();
                if (settings.Merge) candidates[i] = MergePolicy.TryMerge(lone[i], dependencies);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // Verified alone then, where a bug on this snippet's path fails this snippet only (ScheduledVerification).
                candidates[i] = null;
            }
        });

        var units = new List<ScheduledVerification>();
        var inChunks = new HashSet<SnippetProgram>(ReferenceEqualityComparer.Instance);
        foreach (var chunk in MergePolicy.Chunks([.. candidates.OfType<MergeCandidate>()], settings.Parallelism, settings.Untrusted))
        {
            inChunks.UnionWith(chunk.Select(c => c.Program));
            units.Add(new ScheduledVerification([.. chunk.Select(c => c.Program.Blocks[0])], async token =>
            {
                var results = await VerificationEngine.VerifyAsync(MergedStrategy.Unit(chunk, merging, JudgingPolicy.Verdicts), context, token)
                    .ConfigureAwait(false);
                for (var i = 0; i < chunk.Count; i++) programCache.Keep(chunk[i].Program, [results[i]]);
                return results;
            }));
        }
        for (var i = 0; i < lone.Count; i++)
        {
            var program = lone[i];
            if (cached[i] || inChunks.Contains(program)) continue;
            units.Add(new ScheduledVerification(program.Blocks, async token =>
                programCache.Keep(program, await VerificationEngine.VerifyAsync(WorkUnit.Alone(program), context, token).ConfigureAwait(false))));
        }
        return units;
    }

    /// <summary>
    /// A document none of whose lone snippets changed since they all passed: one cache entry answers for all, reported
    /// and marked <paramref name="cached"/>. The other documents' programs are kept together once verified.
    /// </summary>
    private void AnswerWholeDocuments(
        IReadOnlyList<SnippetProgram> lone, ProgramCache programCache, Action<IReadOnlyList<SnippetResult>> report, bool[] cached)
    {
        var documents = lone.Select((program, index) => (program, index))
            .GroupBy(p => p.program.Blocks[0].Location.File, StringComparer.Ordinal)
            .Select(g => g.ToList())
            .ToList();
        Parallel.ForEach(documents, document =>
        {
            IReadOnlyList<IReadOnlyList<SnippetResult>> together;
            try
            {
                if (!programCache.TryGetTogether([.. document.Select(p => p.program)], out together)) return;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // Looked up one by one below, where a bug on one snippet's path fails that snippet only.
                return;
            }
            for (var k = 0; k < document.Count; k++)
            {
                report(together[k]);
                cached[document[k].index] = true;
            }
        });
        KeepTogetherAfterwards =
            [.. documents.Where(d => !cached[d[0].index]).Select(d => (IReadOnlyList<SnippetProgram>)[.. d.Select(p => p.program)])];
    }

    /// <summary>
    /// Units that compile (and with <c>--stale</c> run) the ignored blocks in merged chunks of their own, judged by
    /// <paramref name="stale"/>: they report no results, only its findings. A bug on this path costs the hint, never the run.
    /// </summary>
    private static IEnumerable<ScheduledVerification> PlanStale(
        IReadOnlyList<(Snippet Ignored, SnippetProgram Program)> candidates, StalePolicy stale,
        DependencyResolver dependencies, ProgramContext context, bool perDocument)
    {
        if (!stale.IsOn || candidates.Count == 0) return [];
        var mergeable = new List<MergeCandidate>();
        foreach (var (ignored, program) in candidates)
        {
            try
            {
                if (MergePolicy.TryMerge(program, dependencies) is not { } candidate) continue;
                stale.Expect(ignored, program);
                mergeable.Add(candidate);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // Not checked, then: a stale tag is a hint, never a reason to fail a run.
            }
        }
        return [.. MergePolicy.StaleChunks(mergeable, perDocument).Select(chunk => new ScheduledVerification([], async token =>
        {
            try
            {
                return await VerificationEngine.VerifyAsync(MergedStrategy.Unit(chunk, tally: null, stale), context, token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException && e is not OutOfMemoryException)
            {
                // As above: a bug on this path costs the hint, not the run.
                return [];
            }
        }))];
    }
}
