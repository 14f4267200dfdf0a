using System.Collections.Concurrent;
using System.Diagnostics;
using SnippetCheck.Caching;
using SnippetCheck.Compilation;
using SnippetCheck.Configuration;
using SnippetCheck.Discovery;
using SnippetCheck.Execution;
using SnippetCheck.Markdown;
using SnippetCheck.Model;
using SnippetCheck.Packages;
using SnippetCheck.Snippets;

namespace SnippetCheck.Verification;

/// <summary>Raised when the tool cannot do its job at all (exit code 2): bad config, nothing to verify.</summary>
public sealed class VerificationSetupException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}

/// <summary>
/// The pipeline: discover documents → extract blocks → snippets with tags → compile → run → compare → report.
/// The CLI and the MSBuild task are thin shells over this one class.
/// </summary>
public sealed class Verifier
{
    private readonly VerifyOptions _options;
    private readonly SnippetCheckConfig _config;

    private readonly RunnerOptions _runnerOptions;

    /// <summary>The config references as built for this run: a rebuilt library changes every cache key.</summary>
    private string _dependencyFingerprint = "";
    private readonly ResultCache? _cache;

    public Verifier(VerifyOptions options)
    {
        _options = options;
        _config = LoadConfig(options);
        _runnerOptions = new RunnerOptions
        {
            AllowedEnvironment = [.. RunnerOptions.DefaultAllowedEnvironment, .. _config.Environment ?? []],
            MemoryLimitBytes = _config.MemoryLimit ?? RunnerOptions.DefaultMemoryLimitBytes,
        };
        _cache = options.NoCache || _config.Cache == false ? null : new ResultCache(CacheDirectory(options, _config));
    }

    /// <summary>The cache in use, or null with <c>--no-cache</c>.</summary>
    public ResultCache? Cache => _cache;

    private static string CacheDirectory(VerifyOptions options, SnippetCheckConfig config)
    {
        if (options.CacheDirectory is not null) return Path.GetFullPath(options.CacheDirectory, options.CurrentDirectory);
        var root = config.SourcePath is not null ? Path.GetDirectoryName(config.SourcePath)! : options.CurrentDirectory;
        return Path.Combine(root, ResultCache.DefaultFolder);
    }

    /// <summary>Called as each program finishes, for progress displays.</summary>
    public event Action<IReadOnlyList<SnippetResult>>? ResultsReady;

    /// <summary>Called once per run, before anything compiles, with how many snippets the run will verify.</summary>
    public event Action<int>? Planned;

    public SnippetCheckConfig Config => _config;

    /// <summary>Runner processes the last run started (a measure of how often snippets killed theirs).</summary>
    public int RunnersStarted { get; private set; }

    /// <summary>What merged compilation did in the last run.</summary>
    public MergeStatistics Merging { get; private set; } = new(0, 0, 0, 0);

    /// <summary>Reads every document and its snippets, without compiling anything (what <c>list</c> shows).</summary>
    public (IReadOnlyList<PreparedDocument> Documents, IReadOnlyList<FileError> Errors) Prepare()
    {
        var paths = FindDocuments();
        var errors = new ConcurrentBag<FileError>();
        var documents = new PreparedDocument?[paths.Count];
        Parallel.For(0, paths.Count, i => documents[i] = PrepareDocumentGuarded(paths[i], errors));
        return ([.. documents.Where(d => d is not null).Select(d => d!)],
            [.. errors.OrderBy(e => e.File, StringComparer.Ordinal).ThenBy(e => e.Line)]);
    }

    public async Task<VerificationReport> RunAsync(CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var (documents, fileErrors) = Prepare();
        var errors = fileErrors.ToList();
        var results = new ConcurrentBag<SnippetResult>();
        var units = new List<VerificationUnit>();
        var lone = new List<(PreparedDocument Document, Snippet Snippet)>();

        foreach (var document in documents)
        {
            errors.AddRange(document.Errors);
            PlanDocument(document, units, lone, results);
        }
        Planned?.Invoke(units.Sum(u => u.Snippets) + lone.Count);

        if (units.Count > 0 || lone.Count > 0)
        {
            EnsureReferenceAssemblies();
            var parallelism = _options.Parallelism ?? _config.Parallelism ?? Environment.ProcessorCount;
            // Config references are built before anything runs: a bad one is a config error (exit code 2).
            var dependencies = await DependencyResolver.CreateAsync(_config, _options.CurrentDirectory, PackageCache.DefaultRoot, cancellationToken).ConfigureAwait(false);
            _dependencyFingerprint = dependencies.Fingerprint;
            await using var pool = new RunnerPool(_runnerOptions, parallelism);
            var verifier = new ProgramVerifier(pool, dependencies);
            var sessionUnits = units.Count;
            // Merged chunks first: they are the longest units, and the rest fill in around them.
            units.InsertRange(0, PlanLoneSnippets(lone, verifier, parallelism, results));
            // Runners start now, while the first programs compile, unless everything came from the cache.
            if (units.Count > sessionUnits) verifier.StartRunners(units.Count);
            await Parallel.ForEachAsync(units, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
                async (unit, token) =>
                {
                    var unitResults = await unit.RunGuardedAsync(verifier, token).ConfigureAwait(false);
                    foreach (var result in unitResults) results.Add(result);
                    ResultsReady?.Invoke(unitResults);
                }).ConfigureAwait(false);
            RunnersStarted = pool.RunnersStarted;
            Merging = verifier.Merging;
        }

        if (!string.IsNullOrEmpty(_options.Filter) && results.IsEmpty && documents.Count > 0)
        {
            // A typo in a CI filter must not pass silently.
            throw new VerificationSetupException(DiagnosticCodes.NoDocuments, $"--filter '{_options.Filter}' matched no snippet");
        }

        var ordered = results
            .OrderBy(r => r.Location.File, StringComparer.Ordinal)
            .ThenBy(r => r.Location.Line)
            .ToList();
        return new VerificationReport(documents.Count, ordered, errors, clock.Elapsed)
        {
            Documents = [.. documents.Select(d => d.Snippets.Source.Document)],
        };
    }

    private void PlanDocument(PreparedDocument document, List<VerificationUnit> units, List<(PreparedDocument, Snippet)> lone, ConcurrentBag<SnippetResult> results)
    {
        var snippets = document.Snippets.Snippets.Where(Matches).ToList();
        if (document.Skip)
        {
            foreach (var snippet in snippets) results.Add(SnippetResult.Of(snippet, SnippetStatus.Skipped, "skipped by 'snippetcheck: skip' in front matter"));
            return;
        }

        var verifyUntagged = _options.All || document.Settings.Mode == VerifyMode.All;
        foreach (var snippet in snippets.Where(s => s.Tags.Session is null))
        {
            if (!snippet.IsTagged && !verifyUntagged)
            {
                results.Add(SnippetResult.Of(snippet, SnippetStatus.Untagged));
                continue;
            }
            lone.Add((document, snippet));
        }

        // A session runs whole, even when the filter picked only some of its blocks.
        foreach (var session in snippets.Where(s => s.Tags.Session is not null).Select(s => s.Tags.Session!).Distinct())
        {
            var blocks = document.Snippets.Snippets.Where(s => s.Tags.Session == session).ToList();
            units.Add(new VerificationUnit(blocks, (verifier, token) => CachedAsync(document, blocks, session, verifier, () => verifier.VerifySessionAsync(document.Snippets, document.Settings, session, blocks, token))));
        }
    }

    /// <summary>
    /// Lone snippets: each one's passing result from the cache when its content has not changed; the others
    /// compiled together in merged chunks where they can be (see <see cref="MergePlan"/>), else one by one.
    /// </summary>
    private List<VerificationUnit> PlanLoneSnippets(
        List<(PreparedDocument Document, Snippet Snippet)> lone, ProgramVerifier verifier, int parallelism, ConcurrentBag<SnippetResult> results)
    {
        var keys = new string?[lone.Count];
        var candidates = new MergeCandidate?[lone.Count];
        var cached = new bool[lone.Count];
        Parallel.For(0, lone.Count, i =>
        {
            var (document, snippet) = lone[i];
            try
            {
                if (_cache is not null && !snippet.HasAnnotationErrors)
                {
                    keys[i] = CacheKey.For(document.Snippets, document.Settings, [snippet], null, _runnerOptions, _dependencyFingerprint);
                    if (_cache.TryGet(keys[i]!, [snippet]) is { } hit)
                    {
                        foreach (var result in hit) results.Add(result);
                        ResultsReady?.Invoke(hit);
                        cached[i] = true;
                        return;
                    }
                }
                if (!_options.NoMerge) candidates[i] = verifier.TryMerge(document.Snippets, document.Settings, snippet);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // Verified alone then, where a bug on this snippet's path fails this snippet only (VerificationUnit).
                keys[i] = null;
                candidates[i] = null;
            }
        });

        var keyOf = new Dictionary<Snippet, string?>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < lone.Count; i++) keyOf[lone[i].Snippet] = keys[i];
        var units = new List<VerificationUnit>();
        var merged = new HashSet<Snippet>(ReferenceEqualityComparer.Instance);
        foreach (var chunk in MergePlan.Chunks([.. candidates.Where(c => c is not null).Select(c => c!)], parallelism))
        {
            merged.UnionWith(chunk.Select(c => c.Snippet));
            units.Add(new VerificationUnit([.. chunk.Select(c => c.Snippet)],
                async (programVerifier, token) => Kept(await programVerifier.VerifyMergedAsync(chunk, token).ConfigureAwait(false), keyOf)));
        }
        for (var i = 0; i < lone.Count; i++)
        {
            var (document, snippet) = lone[i];
            if (cached[i] || merged.Contains(snippet)) continue;
            units.Add(new VerificationUnit([snippet],
                async (programVerifier, token) => Kept(await programVerifier.VerifyLoneAsync(document.Snippets, document.Settings, snippet, token).ConfigureAwait(false), keyOf)));
        }
        return units;
    }

    /// <summary>Keeps each lone snippet's result in the cache under its key (the cache itself keeps only passes).</summary>
    private IReadOnlyList<SnippetResult> Kept(IReadOnlyList<SnippetResult> results, Dictionary<Snippet, string?> keyOf)
    {
        if (_cache is null) return results;
        foreach (var result in results)
        {
            if (keyOf.TryGetValue(result.Snippet, out var key) && key is not null) _cache.Store(key, [result]);
        }
        return results;
    }

    /// <summary>A program's results from the cache when it passed before with the same content, else verified and kept.</summary>
    private async Task<IReadOnlyList<SnippetResult>> CachedAsync(
        PreparedDocument document, IReadOnlyList<Snippet> blocks, string? session, ProgramVerifier verifier, Func<Task<IReadOnlyList<SnippetResult>>> verify)
    {
        string? key = null;
        if (_cache is not null && !blocks.Any(b => b.HasAnnotationErrors))
        {
            key = CacheKey.For(document.Snippets, document.Settings, blocks, session, _runnerOptions, _dependencyFingerprint);
            if (_cache.TryGet(key, blocks) is { } cached) return cached;
        }
        verifier.StartRunners(int.MaxValue);
        var results = await verify().ConfigureAwait(false);
        if (key is not null) _cache!.Store(key, results);
        return results;
    }

    private bool Matches(Snippet snippet)
    {
        var filter = _options.Filter;
        if (string.IsNullOrEmpty(filter)) return true;
        if (snippet.Tags.Name == filter) return true;
        var file = snippet.Location.File;
        var colon = filter.LastIndexOf(':');
        if (colon > 0 && int.TryParse(filter[(colon + 1)..], out var line))
        {
            return file.EndsWith(filter[..colon], StringComparison.Ordinal) && line >= snippet.Location.Line && line <= snippet.Block.EndLine;
        }
        return file.Contains(filter, StringComparison.Ordinal);
    }

    /// <summary>One bad file must never stop the run: whatever reading it throws becomes that file's error.</summary>
    private PreparedDocument? PrepareDocumentGuarded(DocumentPath path, ConcurrentBag<FileError> errors)
    {
        try
        {
            return PrepareDocument(path, errors);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            errors.Add(new FileError(path.DisplayPath, 1, 1, DiagnosticCodes.InternalError,
                $"internal error while reading this file ({e.GetType().Name}: {e.Message}); the other files were still verified"));
            return null;
        }
    }

    private PreparedDocument? PrepareDocument(DocumentPath path, ConcurrentBag<FileError> errors)
    {
        MarkdownDocument markdown;
        try
        {
            markdown = MarkdownDocument.Load(path.FullPath, path.DisplayPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.Add(new FileError(path.DisplayPath, 1, 1, DiagnosticCodes.UnreadableFile, $"cannot read the file: {e.Message}"));
            return null;
        }

        ExtractedDocument extracted;
        try
        {
            extracted = FenceExtractor.Extract(markdown);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Whatever the parser chokes on stays this file's problem; the other files are still verified.
            errors.Add(new FileError(path.DisplayPath, 1, 1, DiagnosticCodes.UnreadableFile, $"cannot parse the Markdown: {e.GetType().Name}: {e.Message}"));
            return null;
        }
        var fileErrors = new List<FileError>();
        var config = _config;
        var skip = false;
        try
        {
            var frontMatter = FrontMatterReader.Read(path.DisplayPath, extracted.FrontMatter);
            config = _config.Overlay(frontMatter.Config);
            skip = frontMatter.Skip;
        }
        catch (ConfigException e)
        {
            fileErrors.Add(new FileError(path.DisplayPath, e.Line, 1, DiagnosticCodes.BadFrontMatter, e.Message));
        }
        config = config.Overlay(CommandLineLayer());

        var snippets = SnippetReader.Read(extracted, config.StrictTags ?? false);
        fileErrors.AddRange(snippets.FileDiagnostics.Where(d => d.IsError).Select(FileError.From));
        var settings = new FileSettings(config, ReferencesOrEmpty());
        return new PreparedDocument(snippets, settings, skip, fileErrors);
    }

    private static System.Collections.Immutable.ImmutableArray<Microsoft.CodeAnalysis.MetadataReference> ReferencesOrEmpty()
    {
        try
        {
            return ReferenceAssemblies.Default;
        }
        catch (TargetingPackMissingException)
        {
            return [];
        }
    }

    private static void EnsureReferenceAssemblies()
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

    private SnippetCheckConfig CommandLineLayer() => new()
    {
        Mode = _options.All ? VerifyMode.All : null,
        Timeout = _options.Timeout,
        Parallelism = _options.Parallelism,
    };

    /// <summary>
    /// The files this run covers: the paths, include and exclude globs, then <c>--shard</c>.
    /// No file at all is a setup error; a shard that gets none is not.
    /// </summary>
    public IReadOnlyList<DocumentPath> FindDocuments()
    {
        IReadOnlyList<DocumentPath> paths;
        try
        {
            paths = DocumentDiscovery.Find(_options.Paths, _options.CurrentDirectory,
                _config.Include ?? SnippetCheckConfig.DefaultInclude, _config.Exclude ?? []);
        }
        catch (DiscoveryException e)
        {
            throw new VerificationSetupException(DiagnosticCodes.NoDocuments, e.Message);
        }
        if (paths.Count == 0)
        {
            var where = _options.Paths.Count == 0 ? "the current directory" : string.Join(", ", _options.Paths);
            throw new VerificationSetupException(DiagnosticCodes.NoDocuments, $"no Markdown files matched in {where}");
        }
        return _options.Shard is { } shard ? shard.Select(paths) : paths;
    }

    private static SnippetCheckConfig LoadConfig(VerifyOptions options)
    {
        var path = options.ConfigPath is not null
            ? Path.GetFullPath(options.ConfigPath, options.CurrentDirectory)
            : ConfigLoader.Find(options.CurrentDirectory);
        if (path is null) return new SnippetCheckConfig();
        if (!File.Exists(path)) throw new VerificationSetupException(DiagnosticCodes.BadConfig, $"config file '{options.ConfigPath}' does not exist");
        try
        {
            return ConfigLoader.Load(path);
        }
        catch (ConfigException e)
        {
            var display = DocumentDiscovery.DisplayPath(Path.GetFullPath(e.File), options.CurrentDirectory);
            throw new VerificationSetupException(DiagnosticCodes.BadConfig, $"{display}({e.Line},1): {e.Message}");
        }
    }
}

/// <summary>One program to verify (a lone snippet or a whole session) and the snippets it judges.</summary>
internal sealed record VerificationUnit(IReadOnlyList<Snippet> Blocks, Func<ProgramVerifier, CancellationToken, Task<IReadOnlyList<SnippetResult>>> Verify)
{
    /// <summary>How many snippets it judges.</summary>
    public int Snippets => Blocks.Count;

    /// <summary>A bug on one snippet's path (in Roslyn, say, on hostile code) fails that snippet, not the run.</summary>
    public async Task<IReadOnlyList<SnippetResult>> RunGuardedAsync(ProgramVerifier verifier, CancellationToken cancellationToken)
    {
        try
        {
            return await Verify(verifier, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException && e is not OutOfMemoryException)
        {
            return [.. Blocks.Select(snippet => new SnippetResult(snippet, SnippetStatus.Failed, FailureReason.Crash, DiagnosticCodes.InternalError,
                $"internal error while verifying this snippet: {e.GetType().Name}: {e.Message}", snippet.Location, e.ToString(),
                snippet.Annotations, null, TimeSpan.Zero))];
        }
    }
}

/// <summary>A document read and ready to verify.</summary>
public sealed record PreparedDocument(SnippetDocument Snippets, FileSettings Settings, bool Skip, IReadOnlyList<FileError> Errors);
