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

namespace SnippetCheck.Driver;

/// <summary>
/// Finds and reads the documents of a run: the config file, the paths and globs, each file's front matter and
/// snippets. One bad file never stops the run: whatever reading it throws becomes that file's error.
/// </summary>
internal sealed partial class DocumentLoader(VerifyOptions options, SnippetCheckConfig config)
{
    /// <summary>
    /// Settings laid over every file's, above its front matter (<c>adopt</c>'s trial of a page as a fixture with the
    /// docs' hidden fences); null for none.
    /// </summary>
    public SnippetCheckConfig? Trial { get; init; }

    /// <summary>Pins moved, blocks chosen, one framework: a tool's trial over the documents (<see cref="PinTrial"/>).</summary>
    public PinTrial Pins { get; init; } = PinTrial.None;

    /// <summary>
    /// Documents given as text (an editor's unsaved buffers): read instead of <see cref="VerifyOptions.Paths"/>, and
    /// never from disk. Null for a run over files.
    /// </summary>
    public IReadOnlyList<DocumentText>? Texts { get; init; }

    public static SnippetCheckConfig LoadConfig(VerifyOptions options)
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

    /// <summary>
    /// The files this run covers: the paths, include and exclude globs, then <c>--shard</c>.
    /// No file at all is a setup error; a shard that gets none is not.
    /// </summary>
    public IReadOnlyList<DocumentPath> FindDocuments()
    {
        // An editor's documents are the run: no discovery and no shard, but the same exclude globs and generated-file
        // rule, so the editor never shows findings for a file the CLI and the build leave out.
        if (Texts is { } texts)
        {
            var set = FileSet;
            return [.. texts.Where(t => set.Matching(set.Exclude, t.FullPath, Path.GetDirectoryName(t.FullPath)!) is null
                    && (set.IncludeGenerated || !FileSet.IsGeneratedText(t.FullPath, t.Text)))
                .Select(t => new DocumentPath(t.FullPath, DocumentDiscovery.DisplayPath(t.FullPath, options.CurrentDirectory)))];
        }
        Discovered discovered;
        try
        {
            discovered = DocumentDiscovery.Find(options.Paths, options.CurrentDirectory, FileSet, userInclude: config.Include is not null);
        }
        catch (DiscoveryException e)
        {
            throw new VerificationSetupException(DiagnosticCodes.NoDocuments, e.Message);
        }
        FileSetNotes = discovered.Notes;
        var paths = discovered.Files;
        if (paths.Count == 0) throw new VerificationSetupException(DiagnosticCodes.NoDocuments, NothingFound(discovered));
        return options.ParsedShard is { } shard ? shard.Select(paths) : paths;
    }

    /// <summary>Why a run found no document, and what would find some: the files left out, or the project beside the sources.</summary>
    private string NothingFound(Discovered discovered)
    {
        var where = options.Paths.Count == 0 ? "the current directory" : string.Join(", ", options.Paths);
        var message = $"no Markdown files matched in {where}";
        if (discovered.LeftOut.Count > 0)
            message = $"no documents to verify in {where}: every file found was left out: " +
                $"{string.Join(", ", discovered.LeftOut.Take(5))}{(discovered.LeftOut.Count > 5 ? ", ..." : "")}";
        var folders = (options.Paths.Count == 0 ? ["."] : options.Paths)
            .Select(p => Path.GetFullPath(p, options.CurrentDirectory)).Where(Directory.Exists);
        if (folders.SelectMany(ProjectsIn).FirstOrDefault() is { } project)
        {
            var shown = DocumentDiscovery.DisplayPath(project, options.CurrentDirectory);
            message += $"; for the examples in the doc comments of its C# files, verify the project: 'snippetcheck verify {shown}'";
        }
        return message;
    }

    /// <summary>The .csproj files of a folder, or else of the folder above it (a source folder such as src/Lib/Extensions).</summary>
    private static IEnumerable<string> ProjectsIn(string folder)
    {
        for (var current = new DirectoryInfo(folder); current is not null; current = current.Parent)
        {
            var projects = current.GetFiles("*.csproj").Select(f => f.FullName).Order(StringComparer.Ordinal).ToList();
            if (projects.Count > 0) return projects;
            if (!Directory.EnumerateFiles(current.FullName, "*.cs").Any()) break;
        }
        // Below: a repository root or a src folder holding the project's folder.
        return Directory.EnumerateFiles(folder, "*.csproj", new EnumerationOptions { RecurseSubdirectories = true, MaxRecursionDepth = 3 })
            .Where(p => !p.Split(Path.DirectorySeparatorChar).Any(s => s is "bin" or "obj" || s.StartsWith('.')))
            .Order(StringComparer.Ordinal);
    }

    /// <summary>Reads every document and its snippets, without compiling anything (what <c>list</c> shows).</summary>
    public (IReadOnlyList<PreparedDocument> Documents, IReadOnlyList<Diagnostic> Errors) Load()
    {
        var paths = FindDocuments();
        var errors = new ConcurrentBag<Diagnostic>();
        var documents = new PreparedDocument?[paths.Count];
        var references = ReferencesOrEmpty();
        var shared = SharedPreludes.Load(config, options.CurrentDirectory);
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

    private PreparedDocument? LoadGuarded(
        DocumentPath path, ImmutableArray<MetadataReference> references, IReadOnlyList<Prelude> shared, ConcurrentBag<Diagnostic> errors)
    {
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
            markdown = Texts?.FirstOrDefault(t => t.FullPath == path.FullPath) is { } given
                ? SourceDocument.FromText(path.FullPath, path.DisplayPath, given.Text)
                : SourceDocument.Load(path.FullPath, path.DisplayPath);
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
        fileConfig = fileConfig.Overlay(CommandLineLayer()).Overlay(Trial);

        var snippets = SnippetReader.Read(extracted, Settings.StrictTags.In(fileConfig), fileConfig.EngineWords, fileConfig.HiddenFences);
        if (options.Untrusted) snippets = snippets with { Snippets = [.. snippets.Snippets.Select(RefuseWideningTags)] };
        if (shared.Count > 0) snippets = snippets with { Preludes = [.. shared, .. snippets.Preludes] };
        snippets = References.PackageVersions.Apply(snippets, PinsOf(fileConfig));
        snippets = WithScopedUsings(WithPins(snippets), path);
        snippets = CheckScrubberNames(snippets, fileConfig, path.DisplayPath, fileErrors);
        fileErrors.AddRange(snippets.FileDiagnostics.Where(d => d.IsError).Select(d => Diagnostic.Error(d.Id, d.Message, d.Location)));
        var prepared = new PreparedDocument(snippets, new FileSettings(fileConfig, references), skip, fileErrors);
        return refused is null ? prepared : prepared with { SkipReason = refused };
    }

    /// <summary>A tool's trial laid over a document's blocks: pins moved, one framework, only the chosen blocks (<see cref="Pins"/>).</summary>
    private SnippetDocument WithPins(SnippetDocument snippets)
    {
        snippets = Pins.Moves.Apply(snippets);
        if (Pins.OnlyFramework is not null) snippets = snippets with { Snippets = [.. snippets.Snippets.Select(s => s.OnAnyFramework())] };
        if (Pins.OnlyBlocks is { } only)
            snippets = snippets with { Snippets = [.. snippets.Snippets.Where(s => only.Contains(s.Location) || InSessionWith(s, only, snippets))] };
        return snippets;
    }

    /// <summary>The library's scoped usings (<c>--using N@FILE[:LINE]</c>) given to the blocks they cover.</summary>
    private SnippetDocument WithScopedUsings(SnippetDocument snippets, DocumentPath path)
    {
        var scoped = options.Library.Usings.Select(References.ScopedUsing.TryParse).OfType<References.ScopedUsing>().ToList();
        if (scoped.Count == 0) return snippets;
        return snippets with { Snippets =
            [.. snippets.Snippets.Select(
                s => scoped.Where(u => u.Covers(path.FullPath, s.Location.Line, options.CurrentDirectory)).Select(u => u.Using)
                .ToList() is { Count: > 0 } usings
            ? s with { ScopedUsings = usings } : s)] };
    }

    /// <summary>The command line's settings; <c>outdated</c>'s pass on one framework is that framework alone.</summary>
    private SnippetCheckConfig CommandLineLayer() =>
        Pins.OnlyFramework is { } only ? options.CommandLine with { Frameworks = [only] } : options.CommandLine;

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
