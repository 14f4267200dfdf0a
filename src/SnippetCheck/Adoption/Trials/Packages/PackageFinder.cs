using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SnippetCheck.Adoption.Inference;
using SnippetCheck.Adoption.Inference.Packages;
using SnippetCheck.Model;
using SnippetCheck.References;
using Found = SnippetCheck.Adoption.Inference.Packages.PackageInference.Found;

namespace SnippetCheck.Adoption.Trials.Packages;

/// <summary>
/// Adopt's look-up of one package candidate: found on the configured sources, restored through the package cache,
/// pinned, and read for the names its own assemblies declare. Each candidate is looked up once per run; how many restores
/// run at once, and what a restore is read for (its ID, its assemblies), is the lookups' (<see cref="PackageLookups"/>);
/// why one a source has would not restore is kept for the notes (<see cref="PackageInference.KeepRestoreError"/>).
/// </summary>
internal sealed class PackageFinder(PackageLookups lookups, PackageInference inference)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<Found?>>> _found = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How many of a package's newest stable versions are tried before it is given up: each is a restore.</summary>
    private const int VersionsTried = 3;

    /// <summary>
    /// The package as its newest stable version that restores for the run's framework (Microsoft.EntityFrameworkCore
    /// 11 does not restore for net10.0; 10 does), or the version the evidence names. A version that fails for another
    /// reason ends the search: the package is a setup problem (<see cref="PackageInference.Unrestorable"/>), never an older version.
    /// </summary>
    public Task<Found?> FindAsync(
        PackageCandidate candidate, string folder, ImmutableArray<MetadataReference> framework, CancellationToken cancellationToken) =>
        _found.GetOrAdd($"{candidate.Id}@{candidate.Version}", _ => new Lazy<Task<Found?>>(async () =>
        {
            IReadOnlyList<string> versions = candidate.Version is { } named
                ? [named]
                : [.. (await lookups.StableVersionsAsync(candidate.Id, folder, cancellationToken).ConfigureAwait(false)).Take(VersionsTried)];
            foreach (var version in versions)
            {
                var request = new PackageRequest(candidate.Id, version, new SourceLocation("", 0, 0));
                var (outcome, id, references) = await lookups.RestoreAsync(request, cancellationToken).ConfigureAwait(false);
                if (outcome.Assets is not { Compile.Count: > 0 } assets)
                {
                    if (outcome.Error is { } error) inference.KeepRestoreError(candidate.Id, error);
                    // An older version is tried only where this one is refused for good (not for this framework, not served):
                    // one that failed for a passing reason would take the older version on a cold cache alone.
                    if (outcome.Succeeded || outcome.VersionRefused) continue;
                    break;
                }
                // A version the post names that no source has restores as the nearest higher one (NU1603): adopt pins what
                // restored, never a version its blocks would not be verified at (SC2018).
                var served = assets.PackageVersions.GetValueOrDefault(candidate.Id) is { Length: > 0 } resolved
                    && !DependencyResolver.SameVersion(resolved, version) ? resolved : version;
                return new Found(request with { Id = id, Version = served }, Names(references, framework), assets.Compile)
                {
                    References = references,
                };
            }
            return null;
        })).Value;

    /// <summary>The package's stable versions on the configured sources.</summary>
    public Task<IReadOnlyList<string>> StableVersionsAsync(string id, string folder, CancellationToken cancellationToken) =>
        lookups.StableVersionsAsync(id, folder, cancellationToken);

    /// <summary>
    /// From now on a candidate that names no version finds <paramref name="version"/> of its package: the doc set's, an
    /// older major than the newest (<see cref="PackageInference"/>'s OlderMajors, tried by <see cref="PackageFinds"/>).
    /// </summary>
    public void Prefer(Found version)
    {
        foreach (var key in _found.Keys.Where(k => k.EndsWith('@') && _found[k].Value.IsCompletedSuccessfully
            && _found[k].Value.Result?.Package.Id.Equals(version.Package.Id, StringComparison.OrdinalIgnoreCase) == true).ToList())
            _found[key] = new Lazy<Task<Found?>>(Task.FromResult<Found?>(version));
    }

    /// <summary>What a block may call a package's assemblies by: their public types, extension methods and namespace names.</summary>
    private static IReadOnlySet<string> Names(IReadOnlyList<MetadataReference> own, ImmutableArray<MetadataReference> framework)
    {
        var compilation = CSharpCompilation.Create("package-index", references: [.. framework, .. own]);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var assembly in own.Select(compilation.GetAssemblyOrModuleSymbol).OfType<IAssemblySymbol>())
        {
            foreach (var (key, ns) in UsingInference.PublicNames(assembly.GlobalNamespace))
            {
                var name = key.TrimStart(UsingInference.ExtensionKey);
                names.Add(name);
                // '[Benchmark]' names BenchmarkAttribute.
                if (name.EndsWith("Attribute", StringComparison.Ordinal)) names.Add(name[..^"Attribute".Length]);
                names.UnionWith(ns.Split('.'));
            }
        }
        return names;
    }
}
