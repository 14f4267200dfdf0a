using Microsoft.CodeAnalysis.CSharp;
using SnippetCheck.Compilation;
using SnippetCheck.Configuration;
using SnippetCheck.Extraction.DocComments;
using SnippetCheck.Model;
using SnippetCheck.Extraction.Snippets;

using SnippetCheck.Execution;

namespace SnippetCheck.References;

/// <summary>
/// The one place a program's dependencies come from (docs/packages.md): config <c>references</c> (built once, up front),
/// the packages, projects, SDK and properties its blocks' and preludes' directives ask for (each package set
/// resolved once per run, and cached across runs). A failure fails only the program that needs it.
/// </summary>
internal sealed class DependencyResolver
{
    private readonly PackageRestorer _restorer;
    private readonly ProjectBuilder _projects;
    private readonly ResolvedAssets _configReferences;
    private readonly ResolvedAssets _configReferencesWithoutPackages;
    private readonly IReadOnlyList<PackageRequest> _configPackages;

    private readonly TargetFramework _framework;

    private DependencyResolver(PackageRestorer restorer, ProjectBuilder projects, RunReferences references, TargetFramework framework)
    {
        _framework = framework;
        _restorer = restorer;
        _projects = projects;
        _configReferences = references.Assets;
        _configReferencesWithoutPackages = references.AssetsWithoutPackages;
        _configPackages = references.Packages;
        Fingerprint = references.Fingerprint;
        DependencyFiles = references.DependencyFiles;
    }

    /// <inheritdoc cref="RunReferences.DependencyFiles"/>
    public IReadOnlyList<string> DependencyFiles { get; }

    /// <summary>The projects built for this run so far (<see cref="ProjectBuilder.Built"/>).</summary>
    public IReadOnlyList<LibraryBuild> Libraries => _projects.Built;

    /// <summary>The global usings examples in doc comments get: <c>--using</c>, and the referenced projects' <c>Using</c> items.</summary>
    private IReadOnlyList<string> DocCommentUsings => _configReferences.Usings;

    /// <inheritdoc cref="RunReferences.Fingerprint"/>
    public string Fingerprint { get; }

    /// <inheritdoc cref="RunReferences.CreateAsync"/>
    public static async Task<DependencyResolver> CreateAsync(
        SnippetCheckConfig config, string currentDirectory, string cacheRoot, CancellationToken cancellationToken) =>
        await CreateAsync(config, LibraryReferences.None, currentDirectory, cacheRoot, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// As above, with what the command line adds (<paramref name="library"/>): more references, assemblies only the
    /// runner loads, usings for doc-comment examples, and projects whose build is already at hand.
    /// </summary>
    /// <param name="framework">The framework of the matrix pass, which packages and projects are resolved for; the tool's own by default.</param>
    /// <param name="builds">What confines the restores and builds, and records them; as far as the machine allows by default.</param>
    public static async Task<DependencyResolver> CreateAsync(
        SnippetCheckConfig config, LibraryReferences library, string currentDirectory, string cacheRoot,
        CancellationToken cancellationToken, TargetFramework? framework = null, BuildSandbox? builds = null)
    {
        var baseDirectory = config.SourcePath is { } source ? Path.GetDirectoryName(source)! : currentDirectory;
        // A build at hand (the MSBuild task's) is of the tool's framework; another pass of a matrix builds its own.
        if (framework is { IsTool: false }) library = library with { ProjectOutputs = new Dictionary<string, string>() };
        builds ??= BuildSandbox.Auto();
        var restorer = new PackageRestorer(cacheRoot, PackageCache.FindNuGetConfig(baseDirectory), framework) { Sandbox = builds };
        var projects = new ProjectBuilder(cacheRoot, config.Configuration ?? BuildConfiguration.Debug, framework, builds);
        var references = await RunReferences.CreateAsync(config, library, baseDirectory, currentDirectory, projects, restorer, cancellationToken)
            .ConfigureAwait(false);
        return new DependencyResolver(restorer, projects, references, framework ?? TargetFramework.Tool);
    }

    private ProgramDependencies? _sharedForMarkdown, _sharedForCSharp;

    /// <summary>
    /// What a lone snippet with no directives of its own (nor in the document's file preludes) needs: the run's shared
    /// references, the same for every such snippet of one kind of document, so they can be compiled together. Null when
    /// the snippet has directives, or the shared references need the ASP.NET Core framework (resolved per program).
    /// </summary>
    public ProgramDependencies? SharedFor(SnippetDocument document, Snippet snippet)
    {
        if (!snippet.Directives.IsEmpty || !document.Preludes.All(p => p.Session is not null || p.Directives.IsEmpty)) return null;
        if (_configReferences.UsesAspNetCore) return null;
        var csharp = TakesDocCommentUsings(document);
        if (!csharp && _configReferences.Compile.Count == 0 && _configReferences.Runtime.Count == 0) return ProgramDependencies.None;
        ref var shared = ref csharp ? ref _sharedForCSharp : ref _sharedForMarkdown;
        return shared ??= ProgramDependencies.Resolved(_configReferences.Compile, _configReferences.Runtime, false, false, [])
            .WithUsings(csharp ? DocCommentUsings : []);
    }

    /// <summary>
    /// Resolves what one program needs: <paramref name="blocks"/> are the lone snippet or the session's blocks
    /// (ignored ones are left out), plus the document's preludes for that program.
    /// </summary>
    public async Task<ProgramDependencies> ResolveAsync(
        SnippetDocument document, IReadOnlyList<Snippet> blocks, string? session, CancellationToken cancellationToken)
    {
        var sources = document.Preludes
            .Where(p => p.Session is null || p.Session == session)
            .Select(p => (p.Directives, Owner: (Snippet?)null))
            .Concat(blocks.Where(b => b.Kind != SnippetKind.Ignore).Select(b => (b.Directives, Owner: (Snippet?)b)))
            .Where(s => !s.Directives.IsEmpty)
            .ToList();
        if (sources.Count == 0 && _configReferences.Compile.Count == 0 && _configReferences.Runtime.Count == 0 && !TakesDocCommentUsings(document))
            return ProgramDependencies.None;

        var firstBlock = blocks.FirstOrDefault(b => b.Kind != SnippetKind.Ignore) ?? blocks[0];
        Snippet Blame(Snippet? owner) => owner ?? firstBlock;
        ProgramDependencies Fail(Snippet? owner, FailureReason reason, string code, string message, SourceLocation location, string? detail = null) =>
            ProgramDependencies.Failure(new DependencyFailure(Blame(owner), reason, code, message, location, detail));

        foreach (var (directives, owner) in sources)
        {
            if (directives.Errors.FirstOrDefault() is { } error) return Fail(
                owner, FailureReason.Annotation, error.Id, error.Message, error.Location);
        }

        var packages = new Dictionary<string, (PackageRequest Request, Snippet? Owner)>(StringComparer.OrdinalIgnoreCase);
        var properties = new Dictionary<string, PropertyDirective>(StringComparer.Ordinal);
        var projects = new List<(ProjectRequest Request, Snippet? Owner)>();
        var web = false;
        foreach (var (directives, owner) in sources)
        {
            foreach (var package in directives.Packages)
            {
                if (!packages.TryGetValue(package.Id, out var earlier))
                {
                    packages[package.Id] = (package, owner);
                }
                else if (earlier.Request.Version != package.Version)
                {
                    return Fail(owner, FailureReason.Annotation, DiagnosticCodes.ConflictingDirective,
                        $"package '{package.Id}' is asked for in version {package.Version} here, but in {earlier.Request.Version} at line " +
                        $"{earlier.Request.Location.Line}; " +
                        "one program can use only one version of a package", package.Location);
                }
            }
            foreach (var property in directives.Properties)
            {
                if (properties.TryGetValue(property.Name, out var earlier) && earlier.Setting != property.Setting)
                    return Fail(owner, FailureReason.Annotation, DiagnosticCodes.ConflictingDirective,
                        $"'{property.Name}' is set to '{property.Value}' here, but to '{earlier.Value}' at line {earlier.Location.Line}",
                        property.Location);
                properties.TryAdd(property.Name, property);
                if (owner is not null && TagConflict(owner.Tags, property) is { } conflict)
                    return Fail(owner, FailureReason.Annotation, DiagnosticCodes.ConflictingDirective, conflict, property.Location);
            }
            projects.AddRange(directives.Projects.Select(p => (p, owner)));
            web |= directives.WebSdk is not null;
        }

        // A program with packages of its own restores the config's with them, as one set, where its own version of a
        // package wins; the others share the config's, restored once for the run.
        var configured = packages.Count > 0 && _configPackages.Count > 0 ? _configReferencesWithoutPackages : _configReferences;
        if (packages.Count > 0)
        {
            foreach (var package in _configPackages) packages.TryAdd(package.Id, (package, null));
        }
        var compile = new List<string>(configured.Compile);
        var runtime = new List<string>(configured.Runtime);
        var aspNetCore = web || configured.UsesAspNetCore;

        var markdownFolder = Path.GetDirectoryName(document.Source.Document.FullPath)!;
        foreach (var (request, owner) in projects.DistinctBy(p => Path.GetFullPath(p.Request.Path, markdownFolder)))
        {
            var built = await _projects.BuildAsync(Path.GetFullPath(request.Path, markdownFolder), cancellationToken).ConfigureAwait(false);
            if (built.Assets is not { } assets)
            {
                return Fail(owner, FailureReason.Package, DiagnosticCodes.Package,
                    $"project '{request.Path}' could not be built: {FirstLine(built.Error)}", request.Location, MoreThanOneLine(built.Error));
            }
            compile.AddRange(assets.Compile);
            runtime.AddRange(assets.Runtime);
            aspNetCore |= assets.UsesAspNetCore;
        }

        if (packages.Count > 0)
        {
            var set = new PackageSet(packages.Values.Select(p => p.Request));
            var restored = await _restorer.ResolveAsync(set, web, cancellationToken).ConfigureAwait(false);
            if (restored.Assets is not { } assets)
            {
                // Pin the failure on the package the restore names, else on the first one asked for.
                var named = packages.Values.FirstOrDefault(p => restored.Error!.Contains(p.Request.Id, StringComparison.OrdinalIgnoreCase));
                var (request, owner) = named.Request is not null ? named : packages.Values.First();
                return Fail(owner, FailureReason.Package, DiagnosticCodes.Package,
                    $"package restore failed: {FirstLine(restored.Error)}", request.Location, MoreThanOneLine(restored.Error));
            }
            compile.AddRange(assets.Compile);
            runtime.AddRange(assets.Runtime);
            aspNetCore |= assets.UsesAspNetCore;
            // A pin the source lacks is never silently compiled against another version (issue 54): the block is not
            // verified at the version it names, a setup problem its message says, not rot. The config's packages are
            // resolved for the run, not at a block's directive: a config pin the source lacks stops the run (RunReferences).
            foreach (var (request, owner) in packages.Values.Where(p => !_configPackages.Contains(p.Request)))
            {
                if (SubstitutedVersion(request, assets) is { } substituted)
                    return Fail(owner, FailureReason.PinNotServed, substituted.Id, substituted.Message, request.Location);
            }
        }

        if (aspNetCore)
        {
            var problem = AspNetCoreProblem();
            if (problem is not null)
                return Fail(null, FailureReason.Package, DiagnosticCodes.Package, problem,
                    sources.Select(s => s.Directives.WebSdk).FirstOrDefault(l => l is not null) ?? firstBlock.Location);
            // The package and project assemblies come first: the runner takes the first of each name.
            runtime.AddRange(AspNetCoreFramework.RuntimeAssemblies!);
        }

        return ProgramDependencies.Resolved(
            [.. compile.Distinct(StringComparer.Ordinal)],
            [.. runtime.Distinct(StringComparer.Ordinal)],
            aspNetCore, web,
            [.. properties.Values.Select(p => p.Setting)])
            .WithUsings(TakesDocCommentUsings(document) ? DocCommentUsings : []);
    }

    /// <summary>
    /// SC2018 at the pin: the pinned version is on no source, and the restore took the nearest higher one (NuGet's NU1603,
    /// a warning <c>dotnet run</c> shows and goes on).
    /// </summary>
    internal static Diagnostic? SubstitutedVersion(PackageRequest request, ResolvedAssets assets) =>
        assets.PackageVersions.TryGetValue(request.Id, out var used) && used.Length > 0 && !SameVersion(used, request.Version)
            ? Diagnostic.Error(DiagnosticCodes.PinNotServed, $"{request.Id} {request.Version} is on no package source (the nearest it has is " +
                $"{used}, which NuGet would take instead: NU1603): not verified at {request.Version}; pin {used}" +
                (request.PinLocation is { } pin ? $" (the pin is at {pin})" : "") + $", or add a source that has {request.Version}", request.Location)
            : null;

    /// <summary>NuGet writes a version without its trailing zero parts beyond three (1.0 is 1.0.0): compare them so.</summary>
    internal static bool SameVersion(string a, string b) => Normalized(a).Equals(Normalized(b), StringComparison.OrdinalIgnoreCase);

    private static string Normalized(string version)
    {
        var (release, suffix) = version.IndexOf('-') is var dash and >= 0 ? (version[..dash], version[dash..]) : (version, "");
        var parts = release.Split('.').Select(p => int.TryParse(p, out var n) ? n.ToString(System.Globalization.CultureInfo.InvariantCulture) : p)
            .ToList();
        while (parts.Count < 3) parts.Add("0");
        while (parts.Count > 3 && parts[^1] == "0") parts.RemoveAt(parts.Count - 1);
        return string.Join('.', parts) + suffix;
    }

    /// <summary>Examples in a C# file's doc comments see the library's global usings; Markdown keeps a console app's.</summary>
    private bool TakesDocCommentUsings(SnippetDocument document) =>
        DocCommentUsings.Count > 0 && DocumentExtractor.IsCSharpSource(document.Source.Document.FullPath);

    private string? AspNetCoreProblem()
    {
        if (!_framework.IsTool)
            return $"ASP.NET Core snippets verify on {TargetFramework.Tool} only, not yet on {_framework}; narrow the block with the tag " +
                $"'frameworks={TargetFramework.Tool}'";
        try
        {
            _ = ReferenceAssemblies.Web;
        }
        catch (TargetingPackMissingException e)
        {
            return e.Message;
        }
        return AspNetCoreFramework.RuntimeAssemblies is null
            ? $"the ASP.NET Core shared framework ({AspNetCoreFramework.Name}) for .NET {Environment.Version.Major}.{Environment.Version.Minor} is " +
            $"not installed under '{DotnetInstallation.Root}'"
            : null;
    }

    /// <summary>A <c>#:property</c> that says the opposite of the block's own tag.</summary>
    private static string? TagConflict(SnippetTags tags, PropertyDirective property)
    {
        string Message(string tag) => $"'#:property {property.Name}={property.Value}' contradicts the tag '{tag}' of this block; keep one";
        return property.Setting switch
        {
            CompileProperty.LangVersion { Version: var version } when tags.LangVersion is { } tag &&
                tag.MapSpecifiedToEffectiveVersion() != version.MapSpecifiedToEffectiveVersion() => Message($"langversion={tag.ToDisplayString()}"),
            CompileProperty.Nullable { Options: var options } when tags.Nullable is { } tag && options != tag =>
                Message($"nullable={tag.ToString().ToLowerInvariant()}"),
            CompileProperty.AllowUnsafeBlocks { Allow: false } when tags.Unsafe => Message("unsafe"),
            CompileProperty.TreatWarningsAsErrors { Treat: false } when tags.WarnAsError => Message("warnaserror"),
            CompileProperty.TargetFramework { Framework: var framework } when tags.Frameworks is { } set && !set.Contains(framework) =>
                Message($"frameworks={set.Text}"),
            _ => null,
        };
    }

    private static string FirstLine(string? text) => (text ?? "").Split('\n')[0].Trim();

    /// <summary>The whole text as a detail, unless the message already said all of it.</summary>
    private static string? MoreThanOneLine(string? text) => text is not null && text.Trim().Contains('\n') ? text : null;
}
