using Microsoft.CodeAnalysis.CSharp;
using SnippetCheck.Compilation;
using SnippetCheck.Configuration;
using SnippetCheck.Model;
using SnippetCheck.Extraction.Snippets;

using SnippetCheck.Execution;

namespace SnippetCheck.References;

/// <summary>
/// The one place a program's dependencies come from (docs/packages.md): config <c>references</c> (built once, up front),
/// the packages, projects, SDK and properties its blocks' and preludes' directives ask for (each package set
/// resolved once per run, and cached across runs). A failure fails only the program that needs it.
/// </summary>
internal sealed partial class DependencyResolver
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
    /// <param name="checkout">The run's checkout, which bounds what references, projects and feeds may reach (<see cref="Checkout"/>);
    /// a trusted run's in <paramref name="currentDirectory"/> by default.</param>
    public static async Task<DependencyResolver> CreateAsync(
        SnippetCheckConfig config, LibraryReferences library, string currentDirectory, string cacheRoot,
        CancellationToken cancellationToken, TargetFramework? framework = null, BuildSandbox? builds = null, Checkout? checkout = null)
    {
        var baseDirectory = config.SourcePath is { } source ? Path.GetDirectoryName(source)! : currentDirectory;
        // A build at hand (the MSBuild task's) is of the tool's framework; another pass of a matrix builds its own.
        if (framework is { IsTool: false }) library = library with { ProjectOutputs = new Dictionary<string, string>() };
        builds ??= BuildSandbox.Auto();
        checkout ??= Checkout.Of(currentDirectory, untrusted: false);
        // Under --untrusted, a nuget.config of the checkout that names a feed inside it stops the run at its line.
        LocalFeeds.RefuseInCheckout(baseDirectory, checkout);
        var restorer = new PackageRestorer(cacheRoot, PackageCache.FindNuGetConfig(baseDirectory), framework)
        {
            Sandbox = builds,
            Checkout = checkout,
        };
        var projects = new ProjectBuilder(cacheRoot, config.Configuration ?? BuildConfiguration.Debug, framework, builds, checkout);
        var references = await RunReferences.CreateAsync(config, library, baseDirectory, currentDirectory, projects, restorer, cancellationToken,
            checkout, Path.Combine(cacheRoot, "references")).ConfigureAwait(false);
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
            .Concat(blocks.Where(b => b.Kind.Rule().Verified).Select(b => (b.Directives, Owner: (Snippet?)b)))
            .Where(s => !s.Directives.IsEmpty)
            .ToList();
        if (sources.Count == 0 && _configReferences.Compile.Count == 0 && _configReferences.Runtime.Count == 0 && !TakesDocCommentUsings(document))
            return ProgramDependencies.None;

        var blame = new Blame(blocks.FirstOrDefault(b => b.Kind.Rule().Verified) ?? blocks[0]);
        if (AskedFor.Merge(sources, blame, out var asked) is { } conflict) return conflict;

        // A program with packages of its own restores the config's with them, as one set, where its own version of a
        // package wins; the others share the config's, restored once for the run.
        var configured = asked.Packages.Count > 0 && _configPackages.Count > 0 ? _configReferencesWithoutPackages : _configReferences;
        if (asked.Packages.Count > 0)
        {
            foreach (var package in _configPackages) asked.Packages.TryAdd(package.Id, (package, null));
        }
        var gathered = new Gathered(configured, asked.Web);

        var markdownFolder = Path.GetDirectoryName(document.Source.Document.FullPath)!;
        if (await AddProjectsAsync(asked.Projects, markdownFolder, gathered, blame, cancellationToken).ConfigureAwait(false) is { } unbuilt)
            return unbuilt;
        if (asked.Packages.Count > 0
            && await AddPackagesAsync(asked.Packages, asked.Web, gathered, blame, cancellationToken).ConfigureAwait(false) is { } unrestored)
            return unrestored;

        if (gathered.AspNetCore)
        {
            var problem = AspNetCoreProblem();
            if (problem is not null)
                return blame.Fail(null, FailureReason.Package, DiagnosticCodes.Package, problem,
                    sources.Select(s => s.Directives.WebSdk).FirstOrDefault(l => l is not null) ?? blame.FirstBlock.Location);
            // The package and project assemblies come first: the runner takes the first of each name.
            gathered.Runtime.AddRange(AspNetCoreFramework.RuntimeAssemblies!);
        }

        return ProgramDependencies.Resolved(
            [.. gathered.Compile.Distinct(StringComparer.Ordinal)],
            [.. gathered.Runtime.Distinct(StringComparer.Ordinal)],
            gathered.AspNetCore, asked.Web,
            [.. asked.Properties.Values.Select(p => p.Setting)])
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
