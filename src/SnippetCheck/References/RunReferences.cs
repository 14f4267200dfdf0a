using SnippetCheck.Configuration;
using SnippetCheck.Extraction.Discovery;
using SnippetCheck.Model;
using SnippetCheck.Extraction.Snippets;
using SnippetCheck.Caching.Store;

namespace SnippetCheck.References;

/// <summary>
/// The references every program of a run gets: config <c>references</c>, <c>--reference</c> and the library project,
/// resolved once, up front, where a bad one stops the run; kept apart from the per-program directives, which fail one program.
/// </summary>
internal sealed class RunReferences
{
    private RunReferences(ResolvedAssets assets, string fingerprint, IReadOnlyList<string> dependencyFiles)
    {
        Assets = assets;
        AssetsWithoutPackages = assets;
        Fingerprint = fingerprint;
        DependencyFiles = dependencyFiles;
    }

    /// <summary>What the references and the config's packages compile against and load, with the usings doc-comment examples get.</summary>
    public ResolvedAssets Assets { get; }

    /// <summary>
    /// <see cref="Assets"/> without the config's <see cref="Packages"/>: a program with packages of its own restores
    /// them together with the config's, as one set (its own version of a package wins).
    /// </summary>
    public ResolvedAssets AssetsWithoutPackages { get; private init; }

    /// <summary>Config <c>packages</c>: what every program gets as if its blocks had the <c>#:package</c> lines.</summary>
    public IReadOnlyList<PackageRequest> Packages { get; private init; } = [];

    /// <summary>
    /// Identifies what config references compile to (their paths and contents, hashed); "" without any. A result cache
    /// must include it in its key, so a changed library re-verifies the posts that use it.
    /// </summary>
    public string Fingerprint { get; }

    /// <summary>
    /// The files the verdicts depend on beyond the documents and the config: each referenced assembly, and each source
    /// file of a referenced project's stamp. <c>--dependency-file</c> writes them for MSBuild's incremental check.
    /// </summary>
    public IReadOnlyList<string> DependencyFiles { get; }

    /// <summary>
    /// Resolves config <c>references</c> (relative to the config file's folder): a <c>.dll</c> is used as it is,
    /// a <c>.csproj</c> is built (unless unchanged since its last build). A reference that is missing, of another
    /// kind, or does not build is a config error: <see cref="VerificationSetupException"/>, exit code 2.
    /// </summary>
    /// <param name="library">What the command line adds: more references, assemblies only the runner loads, usings for
    /// doc-comment examples, and projects whose build is already at hand.</param>
    /// <param name="baseDirectory">The config file's folder, where its references are relative to.</param>
    /// <param name="projects">Builds a referenced <c>.csproj</c>.</param>
    /// <param name="restorer">Restores config <c>packages</c>; one that cannot be restored is a config error too.</param>
    /// <param name="checkout">The run's checkout: under <c>--untrusted</c> a config reference must lie inside it, and every
    /// assembly is copied into <paramref name="copies"/> (<see cref="AssemblyCopies"/>).</param>
    public static async Task<RunReferences> CreateAsync(
        SnippetCheckConfig config, LibraryReferences library, string baseDirectory, string currentDirectory,
        ProjectBuilder projects, PackageRestorer restorer, CancellationToken cancellationToken, Checkout? checkout = null, string? copies = null)
    {
        var where = config.SourcePath is { } path ? DocumentDiscovery.DisplayPath(path, currentDirectory) : "config";
        var references = (config.References ?? []).Select(r => (Given: r, Full: Path.GetFullPath(r, baseDirectory), Where: where))
            .Concat(library.References.Select(r => (Given: r, Full: Path.GetFullPath(r, currentDirectory), Where: "--reference")))
            .Select(r => library.Projects.Contains(r.Full, StringComparer.Ordinal) ? r with { Where = "" } : r)
            .DistinctBy(r => r.Full)
            .ToList();
        // Validated as the config was read; each at its line and column in the config.
        var packages = ConfigPins.Of(config.Packages, config.SourcePath, currentDirectory);
        if (references.Count == 0 && library.RuntimeAssemblies.Count == 0 && !library.GlobalUsings.Any() && packages.Count == 0)
            return new RunReferences(ResolvedAssets.None, "", []);

        if (checkout is { Untrusted: true }) RefuseOutside(config, references.Where(r => r.Where == where).Select(r => (r.Given, r.Full)), checkout);
        var gathered = new Gathered(library.GlobalUsings) { Copies = checkout is { Untrusted: true } ? copies : null };
        gathered.AddRuntimeAssemblies(library.RuntimeAssemblies.Select(a => Path.GetFullPath(a, currentDirectory)));
        foreach (var (reference, full, from) in references)
        {
            await gathered.AddReferenceAsync(reference, full, from, library, currentDirectory, projects, cancellationToken).ConfigureAwait(false);
        }
        foreach (var global in gathered.Usings) gathered.Fingerprint.Add("using", global);
        var withoutPackages = gathered.AssetsOf(gathered.Compile, gathered.Runtime, gathered.AspNetCore);
        var withPackages = withoutPackages;
        if (packages.Count > 0)
        {
            var restored = await restorer.ResolveAsync(new PackageSet(packages), web: false, cancellationToken).ConfigureAwait(false);
            if (restored.Assets is not { } assets)
                throw new VerificationSetupException(
                    DiagnosticCodes.BadConfig,
                    $"{where}: packages could not be restored (a bad package stops the run: exit code 2): {restored.Error}");
            // A config pin the source lacks would be compiled, for every block, against the version NuGet took instead.
            if (packages.Select(p => DependencyResolver.SubstitutedVersion(p, assets)).FirstOrDefault(d => d is not null) is { } substituted)
                throw new VerificationSetupException(DiagnosticCodes.BadConfig, substituted.Location,
                    $"packages: {substituted.Message} (a config pin stops the run: exit code 2)");
            withPackages = gathered.AssetsOf(
                [.. gathered.Compile, .. assets.Compile], [.. gathered.Runtime, .. assets.Runtime], gathered.AspNetCore || assets.UsesAspNetCore);
            gathered.Fingerprint.Add("packages", new PackageSet(packages).Key);
        }
        return new RunReferences(withPackages, gathered.Fingerprint.Hash(),
            [.. gathered.DependencyFiles.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)])
        {
            AssetsWithoutPackages = withoutPackages,
            Packages = packages,
        };
    }

    /// <summary>Under <c>--untrusted</c>, a config reference outside the checkout or in a <c>.git</c> stops the run at its line.</summary>
    private static void RefuseOutside(SnippetCheckConfig config, IEnumerable<(string Given, string Full)> references, Checkout checkout)
    {
        foreach (var (given, full) in references)
        {
            if (checkout.Refusal(full) is not { } reason) continue;
            var place = new SourceLocation(DocumentDiscovery.DisplayPath(config.SourcePath!, checkout.CurrentDirectory),
                ConfigLoader.LineOfKey(config.SourcePath!, Settings.References.Key), 1);
            throw new VerificationSetupException(DiagnosticCodes.UntrustedRefused, place,
                Untrusted.Message($"'{Settings.References.Key}' ('{given}')", reason));
        }
    }

    /// <summary>What the run's references add up to as each is checked, with what identifies them and the files they depend on.</summary>
    private sealed class Gathered(IEnumerable<string> globalUsings)
    {
        /// <summary>Under <c>--untrusted</c>, where assemblies are copied for the runners (<see cref="AssemblyCopies"/>); else null.</summary>
        public string? Copies { get; init; }

        /// <summary>What compiles and loads <paramref name="assembly"/>: a copy under <c>--untrusted</c>, else itself.</summary>
        private string Loaded(string assembly) => Copies is null ? assembly : AssemblyCopies.Into(Copies, assembly);

        public List<string> Compile { get; } = [];

        /// <summary>
        /// Assemblies named only for the runner come first: the runner takes the first of each name, and a --reference
        /// may be a package's reference assembly, which must never be loaded to run.
        /// </summary>
        public List<string> Runtime { get; } = [];

        public List<string> Usings { get; } = new(globalUsings);
        public bool AspNetCore { get; private set; }
        public StoreKey Fingerprint { get; } = new();
        public List<string> DependencyFiles { get; } = [];

        /// <summary><c>--runtime-assembly</c>: loaded by the runner only; one that is missing stops the run.</summary>
        public void AddRuntimeAssemblies(IEnumerable<string> assemblies)
        {
            foreach (var assembly in assemblies)
            {
                if (!File.Exists(assembly))
                    throw new VerificationSetupException(
                        DiagnosticCodes.BadConfig, $"--runtime-assembly '{assembly}' does not exist (a bad reference stops the run: exit code 2)");
                try
                {
                    Runtime.Add(Loaded(assembly));
                }
                catch (BadImageFormatException)
                {
                    throw new VerificationSetupException(DiagnosticCodes.BadConfig, $"--runtime-assembly '{assembly}' is no .NET assembly");
                }
                Fingerprint.Add("runtime assembly", assembly).Add("content", ContentHash.OfFile(assembly));
                DependencyFiles.Add(assembly);
            }
        }

        /// <summary>
        /// One reference (<paramref name="from"/>: where it was given, "" for the project given to verify): a <c>.dll</c> as
        /// it is, a <c>.csproj</c> built; one that is missing, of another kind or does not build stops the run.
        /// </summary>
        public async Task AddReferenceAsync(
            string reference, string full, string from, LibraryReferences library, string currentDirectory, ProjectBuilder projects,
            CancellationToken cancellationToken)
        {
            VerificationSetupException Bad(string problem) => from.Length == 0
                // The project given to verify: its build is the library every example uses.
                ? new(DiagnosticCodes.LibraryBuildFailed, $"{DocumentDiscovery.DisplayPath(full, currentDirectory)}: the library {problem}")
                : new(DiagnosticCodes.BadConfig, $"{from}: reference '{reference}' {problem} (a bad reference stops the run: exit code 2)");

            // A project whose build the caller already has (the MSBuild task's own project) is not built again:
            // building it would run its own check, which would build it again, without end.
            var assembly = library.ProjectOutputs.TryGetValue(full, out var output) ? output : full;
            switch (Path.GetExtension(assembly).ToLowerInvariant())
            {
                case ".dll" or ".exe":
                    if (!File.Exists(assembly)) throw Bad($"does not exist (looked for {assembly})");
                    string loaded;
                    try
                    {
                        loaded = Loaded(assembly);
                    }
                    catch (BadImageFormatException)
                    {
                        throw Bad("is no .NET assembly");
                    }
                    Compile.Add(loaded);
                    Runtime.Add(loaded);
                    Fingerprint.Add("assembly", assembly).Add("content", ContentHash.OfFile(assembly));
                    DependencyFiles.Add(assembly);
                    break;
                case ".csproj":
                    if (!File.Exists(full)) throw Bad($"does not exist (looked for {full})");
                    var built = await projects.BuildAsync(full, cancellationToken).ConfigureAwait(false);
                    if (built.Assets is not { } assets) throw Bad($"did not build:\n{built.Error}");
                    Compile.AddRange(assets.Compile);
                    Runtime.AddRange(assets.Runtime);
                    Usings.AddRange(assets.Usings);
                    AspNetCore |= assets.UsesAspNetCore;
                    Fingerprint.Add("project", full).Add("stamp", ProjectBuilder.Stamp(Path.GetDirectoryName(full)!));
                    DependencyFiles.AddRange(ProjectBuilder.StampedFiles(Path.GetDirectoryName(full)!));
                    break;
                default:
                    throw Bad("is neither a .dll nor a .csproj");
            }
        }

        /// <summary>The assets of <paramref name="compiled"/> and <paramref name="loaded"/>, each once, with the usings gathered.</summary>
        public ResolvedAssets AssetsOf(IEnumerable<string> compiled, IEnumerable<string> loaded, bool web) =>
            new([.. compiled.Distinct(StringComparer.Ordinal)], [.. loaded.Distinct(StringComparer.Ordinal)], web) { Usings =
                [.. Usings.Distinct(StringComparer.Ordinal)] };
    }
}
