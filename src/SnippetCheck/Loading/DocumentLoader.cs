using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using SnippetCheck.Compilation;
using SnippetCheck.Configuration;
using SnippetCheck.Extraction;
using SnippetCheck.Extraction.Discovery;
using SnippetCheck.Extraction.Markdown;
using SnippetCheck.Model;
using SnippetCheck.References;
using SnippetCheck.Programs;
using SnippetCheck.Extraction.Snippets;
using Diagnostic = SnippetCheck.Model.Diagnostic;

namespace SnippetCheck.Loading;

/// <summary>
/// Finds and reads the documents of a run: the config file, the documents its <paramref name="source"/> gives, each file's
/// front matter and snippets, with the caller's <paramref name="trial"/> laid over each. One bad file never stops the run:
/// whatever reading it throws becomes that file's error.
/// </summary>
/// <param name="source">Where the documents and their text come from: the disk, or texts a host holds.</param>
/// <param name="trial">What a tool tries over the documents; <see cref="DocumentTrial.None"/> for a plain run.</param>
internal sealed partial class DocumentLoader(LoadOptions options, SnippetCheckConfig config, IDocumentSource source, DocumentTrial trial)
{
    /// <summary>Where the documents come from (<see cref="IDocumentSource"/>).</summary>
    public IDocumentSource Source => source;

    public static SnippetCheckConfig LoadConfig(LoadOptions options)
    {
        var path = options.ConfigPath is not null
            ? Path.GetFullPath(options.ConfigPath, options.CurrentDirectory)
            : ConfigLoader.Find(options.CurrentDirectory);
        if (path is null) return new SnippetCheckConfig();
        if (!File.Exists(path)) throw new VerificationSetupException(DiagnosticCodes.BadConfig, $"config file '{options.ConfigPath}' does not exist");
        try
        {
            return ConfigLoader.Load(path, options.Untrusted);
        }
        catch (ConfigException e)
        {
            var display = DocumentDiscovery.DisplayPath(Path.GetFullPath(e.File, options.CurrentDirectory), options.CurrentDirectory);
            throw new VerificationSetupException(e.Code ?? DiagnosticCodes.BadConfig, new SourceLocation(display, e.Line, 1), e.Message);
        }
    }

    /// <summary>The run's file set: the config's globs, relative to its folder, and its generated-file rule (<see cref="FileSet"/>).</summary>
    public FileSet FileSet => new(
        config.SourcePath is { } source ? Path.GetDirectoryName(source)! : options.CurrentDirectory,
        Settings.Include.In(config), Settings.Exclude.In(config), Settings.IncludeGenerated.In(config), config.SourcePath);

    /// <summary>What discovery said about the file set: globs that matched nothing, generated files left out.</summary>
    public IReadOnlyList<Model.Diagnostic> FileSetNotes { get; private set; } = [];

    /// <summary>The documents this run covers (<see cref="IDocumentSource.Find"/>).</summary>
    public IReadOnlyList<DocumentPath> FindDocuments()
    {
        var (documents, notes) = source.Find(options, config, FileSet);
        FileSetNotes = notes;
        return documents;
    }

    /// <summary>Reads every document and its snippets, without compiling anything (what <c>list</c> shows).</summary>
    public (IReadOnlyList<PreparedDocument> Documents, IReadOnlyList<Diagnostic> Errors) Load()
    {
        var paths = FindDocuments();
        var errors = new ConcurrentBag<Diagnostic>();
        var documents = new PreparedDocument?[paths.Count];
        var references = ReferencesOrEmpty();
        // The command line's hidden code is adopt's, not yet written (a dry run's proof): it stands where the config's would.
        var shared = SharedPreludes.Load(
            options.CommandLine.HiddenCode is { Count: > 0 } hidden ? config with { HiddenCode = hidden } : config, options.CurrentDirectory,
            options.Untrusted);
        PhaseTrace.Mark($"{paths.Count} documents found, reference assemblies loaded");
        Parallel.For(0, paths.Count, i => documents[i] = LoadGuarded(paths[i], references, shared, errors));
        return ([.. documents.Where(d => d is not null).Select(d => d!)],
            [.. errors.OrderBy(e => e.Location.File, StringComparer.Ordinal).ThenBy(e => e.Location.Line)]);
    }

    private IReadOnlyList<PackageRequest>? _pins;

    /// <summary>
    /// The pins <c>packages=Id</c> tags take their versions from: the config's <c>packageVersions</c>, then its
    /// <c>packages</c> (run-only keys: the same for every file), located in the config file.
    /// </summary>
    private IReadOnlyList<PackageRequest> PinsOf(SnippetCheckConfig fileConfig) => _pins ??=
    [
        .. ConfigPins.Of(fileConfig.PackageVersions, config.SourcePath, options.CurrentDirectory),
        .. ConfigPins.Of(fileConfig.Packages, config.SourcePath, options.CurrentDirectory),
    ];

    private PreparedDocument? LoadGuarded(
        DocumentPath path, ImmutableArray<MetadataReference> references, IReadOnlyList<Prelude> shared, ConcurrentBag<Diagnostic> errors)
    {
        if (options.Untrusted && RefuseLinkedPost(path) is { } refused)
        {
            errors.Add(refused);
            return null;
        }
        try
        {
            return Load(path, references, shared, errors);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            errors.Add(FileError(path.DisplayPath, 1, DiagnosticCodes.InternalError,
                $"internal error while reading this file ({e.GetType().Name}: {e.Message}); the other files were still verified"));
            return null;
        }
    }

    /// <param name="shared">Config preludes (<see cref="SharedPreludes"/>), which come before the document's own.</param>
    private PreparedDocument? Load(
        DocumentPath path, ImmutableArray<MetadataReference> references, IReadOnlyList<Prelude> shared, ConcurrentBag<Diagnostic> errors)
    {
        SourceDocument markdown;
        try
        {
            markdown = source.Read(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.Add(FileError(path.DisplayPath, 1, DiagnosticCodes.UnreadableFile, $"cannot read the file: {e.Message}"));
            return null;
        }

        ExtractedDocument extracted;
        try
        {
            extracted = DocumentExtractor.Extract(markdown);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Whatever the parser chokes on stays this file's problem; the other files are still verified.
            errors.Add(FileError(
                path.DisplayPath, 1, DiagnosticCodes.UnreadableFile, $"cannot parse the file: {e.GetType().Name}: {e.Message}"));
            return null;
        }
        var fileErrors = new List<Diagnostic>();
        var fileConfig = config;
        var skip = false;
        string? refused = null;
        try
        {
            var frontMatter = FrontMatterReader.ReadPage(path.DisplayPath, extracted, options.Untrusted);
            fileConfig = config.Overlay(frontMatter.Config);
            skip = frontMatter.Skip;
        }
        catch (ConfigException e)
        {
            fileErrors.Add(FileError(path.DisplayPath, e.Line, e.Code ?? DiagnosticCodes.BadFrontMatter, e.Message));
            // A post whose front matter asks for more than --untrusted gives runs none of its snippets.
            if (e.Code == DiagnosticCodes.UntrustedRefused) (skip, refused) = (true, $"not run: {e.Message}");
        }
        fileConfig = trial.Over(fileConfig, options.CommandLine);

        var snippets = SnippetReader.Read(extracted, Settings.StrictTags.In(fileConfig), fileConfig.EngineWords, fileConfig.HiddenFences);
        if (options.Untrusted) snippets = snippets with { Snippets = [.. snippets.Snippets.Select(RefuseWideningTags)] };
        if (shared.Count > 0) snippets = snippets with { Preludes = [.. shared, .. snippets.Preludes] };
        snippets = References.PackageVersions.Apply(snippets, PinsOf(fileConfig));
        snippets = WithScopedUsings(trial.Apply(snippets), path);
        snippets = CheckScrubberNames(snippets, fileConfig, path.DisplayPath, fileErrors);
        fileErrors.AddRange(snippets.FileDiagnostics.Where(d => d.IsError).Select(d => Diagnostic.Error(d.Id, d.Message, d.Location)));
        var prepared = new PreparedDocument(snippets, new FileSettings(fileConfig, references), skip, fileErrors);
        return refused is null ? prepared : prepared with { SkipReason = refused };
    }

    /// <summary>The library's scoped usings (<c>--using N@FILE[:LINE]</c>) given to the blocks they cover.</summary>
    private SnippetDocument WithScopedUsings(SnippetDocument snippets, DocumentPath path)
    {
        var scoped = options.Usings.Select(References.ScopedUsing.TryParse).OfType<References.ScopedUsing>().ToList();
        if (scoped.Count == 0) return snippets;
        return snippets with { Snippets =
            [.. snippets.Snippets.Select(
                s => scoped.Where(u => u.Covers(path.FullPath, s.Location.Line, options.CurrentDirectory)).Select(u => u.Using)
                .ToList() is { Count: > 0 } usings
            ? s with { ScopedUsings = usings } : s)] };
    }

    private static ImmutableArray<MetadataReference> ReferencesOrEmpty()
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
}
