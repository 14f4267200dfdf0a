using System.Diagnostics;
using SnippetCheck.Caching;
using SnippetCheck.Configuration;
using SnippetCheck.Engine;
using SnippetCheck.Execution;
using SnippetCheck.References;
using SnippetCheck.Results;
using SnippetCheck.Model;
using SnippetCheck.Programs;
using SnippetCheck.Engine.Scheduling;
using SnippetCheck.Loading;

namespace SnippetCheck.Driver;

/// <summary>
/// The façade every host calls (the CLI, <c>--watch</c>, the language server, and through the CLI the MSBuild task): discover documents →
/// extract blocks → snippets with tags → compile → run → compare → report. Each step lives in a type of its own:
/// <see cref="DocumentLoader"/>, <see cref="RunPlanner"/>, <see cref="MatrixRun"/> and its <see cref="VerificationRun"/>s,
/// <see cref="Judge"/>. Each run starts and ends its own runners; an editor keeps them between checks in a <see cref="VerifierSession"/>.
/// </summary>
public sealed partial class Verifier : IBlockTrials
{
    private readonly VerifyOptions _options;
    private readonly VerifyOptions _given;
    private readonly DocumentLoader _loader;
    private readonly RunSettings _settings;
    private readonly ResultCache? _cache;
    private readonly DocumentTrial _trial;

    /// <summary>Loads the config and settles the run's settings; no document is read and nothing compiles until a run starts.</summary>
    /// <exception cref="VerificationSetupException">The config file is missing or invalid.</exception>
    public Verifier(VerifyOptions options) : this(options, DocumentTrial.None)
    {
    }

    /// <summary>
    /// A trial over the documents <paramref name="options"/> name: their pins read as other versions (<paramref name="moves"/>,
    /// package ID in any case to the version its pins are read as;
    /// <c>verify --packages newest</c>, <c>outdated</c>), only <paramref name="onlyBlocks"/> with the other blocks of their
    /// sessions, or every block on <paramref name="onlyFramework"/> alone, whatever its tags, front matter or config say.
    /// </summary>
    /// <exception cref="VerificationSetupException">The config file is missing or invalid.</exception>
    public Verifier(
        VerifyOptions options, IReadOnlyDictionary<string, string> moves, IReadOnlySet<SourceLocation>? onlyBlocks = null,
        TargetFramework? onlyFramework = null)
        : this(options, new DocumentTrial(new PackageMoves(moves), onlyBlocks, onlyFramework))
    {
    }

    /// <summary>The same trial, for the core's own callers (adopt), with the moves already made.</summary>
    internal Verifier(VerifyOptions options, PackageMoves moves, IReadOnlySet<SourceLocation>? onlyBlocks = null)
        : this(options, new DocumentTrial(moves, onlyBlocks))
    {
    }

    private Verifier(VerifyOptions options, DocumentTrial trial)
    {
        _given = options;
        options = WithProjectReferences(options);
        _options = options;
        _trial = trial;
        Config = trial.Moves.Apply(WithProjectFrameworks(DocumentLoader.LoadConfig(options.Loading), options));
        _loader = new DocumentLoader(options.Loading, Config, DiskDocuments.Instance, trial);
        _settings = RunSettingsResolver.Resolve(options, Config);
        _cache = _settings.CacheDirectory is { } cacheDirectory ? new ResultCache(cacheDirectory) { ReadOnly = _settings.Untrusted } : null;
        PhaseTrace.Mark("config loaded");
    }

    /// <summary>The config in force for the run: the config file with the command line laid over it.</summary>
    public SnippetCheckConfig Config { get; }

    /// <summary>The options the run was made with (project references added).</summary>
    internal VerifyOptions Options => _options;

    /// <summary>
    /// What the host watches of each run and trial: progress, and for <c>render</c>, the compiler's notes (the observer
    /// keeps them). Null for none.
    /// </summary>
    public RunObserver? Observer { get; init; }

    /// <summary>The result cache's folder; null when the run keeps no cache (<c>--no-cache</c>, or <c>"cache": false</c>).</summary>
    public string? CacheDirectory => _settings.CacheDirectory;

    /// <summary>
    /// The tool is ending (a signal, or the end of the command): kills every runner any verifier started, removes
    /// every work folder, and kills any runner that still starts afterwards.
    /// </summary>
    public static void ShutdownRunners() => ProcessTracker.Shutdown();

    /// <summary>Kills every runner process still alive, with its tree and group (a host stopping a watch).</summary>
    public static void KillRunners() => ProcessTracker.KillAll();

    /// <summary>Reads every document and its snippets, without compiling anything (what <c>list</c> shows).</summary>
    public (IReadOnlyList<PreparedDocument> Documents, IReadOnlyList<Diagnostic> Errors) Prepare() => _loader.Load();

    /// <summary>
    /// The documents read again with <paramref name="trial"/> laid over each file's settings (<see cref="DocumentTrial"/>):
    /// adopt's page fixtures, read as fixtures. Document loading, not a trial, so not on adopt's seam.
    /// </summary>
    internal (IReadOnlyList<PreparedDocument> Documents, IReadOnlyList<Diagnostic> Errors) PrepareAs(SnippetCheckConfig trial) =>
        new DocumentLoader(_options.Loading, Config, DiskDocuments.Instance, _trial with { Settings = trial }).Load();

    /// <inheritdoc cref="DocumentLoader.FileSetNotes"/>
    public IReadOnlyList<Diagnostic> FileSetNotes => _loader.FileSetNotes;

    /// <summary>
    /// The documents the run covers, globs, excludes and <c>--shard</c> applied, without reading them: each full path with the
    /// path results report (<see cref="DocumentLoader.FindDocuments"/>).
    /// </summary>
    public IReadOnlyDictionary<string, string> FindDocuments() =>
        _loader.FindDocuments().ToDictionary(d => d.FullPath, d => d.DisplayPath, StringComparer.Ordinal);

    /// <summary>
    /// Verifies the documents <see cref="VerifyOptions.Paths"/> name: finds, reads, compiles, runs and judges every
    /// snippet, and reports them in file and line order.
    /// </summary>
    /// <exception cref="VerificationSetupException">Nothing to verify, or a <see cref="VerifyOptions.Filter"/> that matched no snippet.</exception>
    public Task<VerificationReport> RunAsync(CancellationToken cancellationToken = default) => RunAsync(_loader, RunShape.Plain, cancellationToken);

    /// <summary>With <c>SNIPPETCHECK_TRACE=1</c>, writes that a host's <paramref name="phase"/> ended now (bench/README.md).</summary>
    public static void TracePhase(string phase) => PhaseTrace.Mark(phase);

    /// <summary>Opens an editor's long-lived session over this verifier's config: its checks keep their runners until it is disposed.</summary>
    public VerifierSession OpenSession() => new(this);

    /// <summary>Verifies documents given as text, never read from disk (adopt's trial of its pins), as a run over files would.</summary>
    internal Task<VerificationReport> VerifyTextsAsync(IReadOnlyList<DocumentText> texts, CancellationToken cancellationToken = default) =>
        RunTextsAsync(texts, RunShape.Plain, cancellationToken);

    /// <summary>
    /// A verifier of its own for the pages as written: their config is not this run's (pins and models laid over), made from
    /// the options this one was given (project references are added again) with <paramref name="commandLine"/>, no filter.
    /// </summary>
    Task<VerificationReport> IBlockTrials.VerifyWrittenAsync(
        SnippetCheckConfig commandLine, IReadOnlyList<DocumentText> texts, IReadOnlySet<SourceLocation>? onlyBlocks,
        CancellationToken cancellationToken) =>
        new Verifier(_given with { Filter = null, CommandLine = commandLine }, PackageMoves.None, onlyBlocks)
            .VerifyTextsAsync(texts, cancellationToken);

    /// <summary>
    /// Documents given as text through the same pipeline as a run over files: the same config, cache, planning and judge,
    /// executed as <paramref name="shape"/> says (a session's: compile only, or on its kept runners).
    /// </summary>
    internal Task<VerificationReport> RunTextsAsync(IReadOnlyList<DocumentText> texts, RunShape shape, CancellationToken cancellationToken) =>
        RunAsync(new DocumentLoader(_options.Loading, Config, new GivenTexts(texts), _trial), shape, cancellationToken);

    /// <summary>A pool of runners with the run's settings, for a session to keep.</summary>
    internal RunnerPool NewRunnerPool() => new(_settings.Runners, _settings.Parallelism);

    private async Task<VerificationReport> RunAsync(DocumentLoader loader, RunShape shape, CancellationToken cancellationToken)
    {
        var options = _options;
        var clock = Stopwatch.StartNew();
        PhaseTrace.Mark("run starts");
        var matrix = new MatrixRun(_settings, _cache, Packs, Watch);
        // A cold run's compiler warms up beside the reading of the documents, instead of after it.
        matrix.WarmUpIfCold(Config);
        var (documents, fileErrors) = loader.Load();
        PhaseTrace.Mark($"{documents.Count} documents read");
        var frameworks = PreparedDocument.RunFrameworks(documents);
        var (results, tally) = await matrix.ExecuteAsync(documents, frameworks, options.Filter, shape, Config, cancellationToken)
            .ConfigureAwait(false);
        if (!string.IsNullOrEmpty(options.Filter) && results.Count == 0 && documents.Count > 0)
        {
            // A typo in a CI filter must not pass silently.
            throw new VerificationSetupException(DiagnosticCodes.NoDocuments, $"--filter '{options.Filter}' matched no snippet");
        }

        var ordered = VerifiedPackages.Named(results.OrderBy(r => r.Location.File, StringComparer.Ordinal).ThenBy(r => r.Location.Line),
            documents, Config.Packages, moved: _trial.Moves.Versions.Count > 0);
        // A --filter run speaks of the files it matched, not of every file it read to find them.
        var fileCount = string.IsNullOrEmpty(options.Filter) ? documents.Count
            : ordered.Select(r => r.Location.File).Distinct(StringComparer.Ordinal).Count();
        return new VerificationReport(fileCount, ordered, [.. fileErrors, .. documents.SelectMany(d => d.Errors)], clock.Elapsed)
        {
            Sources = [.. documents.Select(d => d.Snippets.Source)],
            Sandbox = tally.Sandbox,
            Builds = tally.Builds,
            Libraries = tally.Libraries,
            RunnersStarted = tally.RunnersStarted,
            Merging = tally.Merging,
            Frameworks = frameworks,
            RequireVerified = _settings.RequireVerified,
            MinCoverage = _settings.MinCoverage,
            MinCheckCoverage = _settings.MinCheckCoverage,
            Warnings = [.. loader.FileSetNotes, .. documents.Where(d => !d.Skip).SelectMany(d => d.Snippets.FileDiagnostics.Where(w => !w.IsError))],
            Paths = loader.Source.PathsOf(options.Loading),
            DependencyFiles = [.. tally.DependencyFiles.Distinct(StringComparer.Ordinal),
                .. SharedPreludes.FilesOf(Config, options.CurrentDirectory).Select(p => p.Full)],
        };
    }

    /// <summary>The observer as the engine calls it: one wiring for a run's passes and adopt's trials.</summary>
    private RunWatch Watch => Observer is { } observer ? new(observer.Capture, observer.Planned, observer.ResultsReady) : RunWatch.None;

    private FrameworkPacks? _packs;

    /// <summary>The packs of a matrix's frameworks, restored through the package cache with the NuGet.Config nearest the config.</summary>
    private FrameworkPacks Packs => _packs ??= new FrameworkPacks(_options.PackageCacheRoot,
        PackageCache.FindNuGetConfig(Config.SourcePath is { } source ? Path.GetDirectoryName(source)! : _options.CurrentDirectory),
        _options.NuGetPackages);
}
