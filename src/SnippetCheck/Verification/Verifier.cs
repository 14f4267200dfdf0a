using System.Collections.Concurrent;
using System.Diagnostics;
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

    public Verifier(VerifyOptions options)
    {
        _options = options;
        _config = LoadConfig(options);
    }

    /// <summary>Called as each program finishes, for progress displays.</summary>
    public event Action<IReadOnlyList<SnippetResult>>? ResultsReady;

    public SnippetCheckConfig Config => _config;

    /// <summary>Reads every document and its snippets, without compiling anything (what <c>list</c> shows).</summary>
    public (IReadOnlyList<PreparedDocument> Documents, IReadOnlyList<FileError> Errors) Prepare()
    {
        var paths = Discover();
        var errors = new ConcurrentBag<FileError>();
        var documents = new PreparedDocument?[paths.Count];
        Parallel.For(0, paths.Count, i => documents[i] = PrepareDocument(paths[i], errors));
        return ([.. documents.Where(d => d is not null).Select(d => d!)],
            [.. errors.OrderBy(e => e.File, StringComparer.Ordinal).ThenBy(e => e.Line)]);
    }

    public async Task<VerificationReport> RunAsync(CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var (documents, fileErrors) = Prepare();
        var errors = fileErrors.ToList();
        var results = new ConcurrentBag<SnippetResult>();
        var units = new List<Func<ProgramVerifier, Task<IReadOnlyList<SnippetResult>>>>();

        foreach (var document in documents)
        {
            errors.AddRange(document.Errors);
            PlanDocument(document, units, results);
        }

        if (units.Count > 0)
        {
            EnsureReferenceAssemblies();
            var parallelism = _options.Parallelism ?? _config.Parallelism ?? Environment.ProcessorCount;
            var runnerOptions = new RunnerOptions
            {
                AllowedEnvironment = [.. RunnerOptions.DefaultAllowedEnvironment, .. _config.Environment ?? []],
            };
            // Config references are built before anything runs: a bad one is a config error (exit code 2).
            var dependencies = await DependencyResolver.CreateAsync(_config, _options.CurrentDirectory, PackageCache.DefaultRoot, cancellationToken).ConfigureAwait(false);
            await using var pool = new RunnerPool(runnerOptions, parallelism);
            var verifier = new ProgramVerifier(pool, dependencies);
            await Parallel.ForEachAsync(units, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
                async (unit, token) =>
                {
                    var unitResults = await unit(verifier).ConfigureAwait(false);
                    foreach (var result in unitResults) results.Add(result);
                    ResultsReady?.Invoke(unitResults);
                }).ConfigureAwait(false);
        }

        var ordered = results
            .OrderBy(r => r.Location.File, StringComparer.Ordinal)
            .ThenBy(r => r.Location.Line)
            .ToList();
        return new VerificationReport(documents.Count, ordered, errors, clock.Elapsed);
    }

    private void PlanDocument(PreparedDocument document, List<Func<ProgramVerifier, Task<IReadOnlyList<SnippetResult>>>> units, ConcurrentBag<SnippetResult> results)
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
            units.Add(verifier => verifier.VerifyLoneAsync(document.Snippets, document.Settings, snippet, default));
        }

        // A session runs whole, even when the filter picked only some of its blocks.
        foreach (var session in snippets.Where(s => s.Tags.Session is not null).Select(s => s.Tags.Session!).Distinct())
        {
            var blocks = document.Snippets.Snippets.Where(s => s.Tags.Session == session).ToList();
            units.Add(verifier => verifier.VerifySessionAsync(document.Snippets, document.Settings, session, blocks, default));
        }
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

    private PreparedDocument? PrepareDocument(DocumentPath path, ConcurrentBag<FileError> errors)
    {
        MarkdownDocument markdown;
        try
        {
            markdown = MarkdownDocument.Load(path.FullPath, path.DisplayPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.Add(new FileError(path.DisplayPath, 0, 0, DiagnosticCodes.UnreadableFile, $"cannot read the file: {e.Message}"));
            return null;
        }

        var extracted = FenceExtractor.Extract(markdown);
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

    private IReadOnlyList<DocumentPath> Discover()
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
        return paths;
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

/// <summary>A document read and ready to verify.</summary>
public sealed record PreparedDocument(SnippetDocument Snippets, FileSettings Settings, bool Skip, IReadOnlyList<FileError> Errors);
