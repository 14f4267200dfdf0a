using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using SnippetCheck.Extraction.Snippets;
using SnippetCheck.Model;

namespace SnippetCheck.References;

/// <summary>
/// Adopt's package lookups over the run's <see cref="IPackageFeed"/>, made once per adopt by the trial pass that owns the
/// feed and handed to package inference: how many run at once (a few restores, each an SDK build; a post's candidates side
/// by side, as their searches wait on the network) and what a restore is read for where it happens (the ID as the
/// package's .nuspec spells it, its compile assemblies loaded once), so the inference reads no disk and throttles nothing.
/// </summary>
internal sealed partial class PackageLookups(IPackageFeed feed)
{
    /// <summary>Restores at once: each is an SDK build, and a cold adopt may try dozens of packages.</summary>
    private readonly SemaphoreSlim _restores = new(Math.Max(2, Environment.ProcessorCount));

    /// <summary>A package version as restored: the outcome, its ID as the package spells it, and its compile assemblies, loaded.</summary>
    /// <param name="References">The outcome's compile assets (<see cref="ResolvedAssets.Compile"/>) in order; empty when none restored.</param>
    public sealed record Restored(ResolveOutcome Outcome, string Id, IReadOnlyList<MetadataReference> References);

    /// <summary>The package's stable versions on the configured sources, newest first.</summary>
    public Task<IReadOnlyList<string>> StableVersionsAsync(string id, string folder, CancellationToken cancellationToken) =>
        feed.StableVersionsAsync(id, folder, cancellationToken);

    /// <summary>One package version restored (a few at a time), with its ID and assemblies read where it restored.</summary>
    public async Task<Restored> RestoreAsync(PackageRequest request, CancellationToken cancellationToken)
    {
        ResolveOutcome outcome;
        await _restores.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            outcome = await feed.ResolveAsync(new PackageSet([request]), web: false, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _restores.Release();
        }
        if (outcome.Assets is not { Compile.Count: > 0 } assets) return new(outcome, request.Id, []);
        return new(outcome, CanonicalId(assets.Compile, request.Id), [.. assets.Compile.Select(p => MetadataReference.CreateFromFile(p))]);
    }

    /// <summary>Each of <paramref name="items"/> looked up side by side, the answers in their order.</summary>
    public async Task<IReadOnlyList<TResult>> EachAsync<T, TResult>(IEnumerable<T> items, Func<T, Task<TResult>> lookup) =>
        await Task.WhenAll(items.Select(lookup)).ConfigureAwait(false);

    /// <summary>The ID as the package spells it (its .nuspec beside the assets): searches and folders are lower-case.</summary>
    private static string CanonicalId(IReadOnlyList<string> compile, string id)
    {
        foreach (var path in compile)
        {
            for (var folder = Path.GetDirectoryName(path); folder is not null; folder = Path.GetDirectoryName(folder))
            {
                var nuspec = Path.Combine(folder, id.ToLowerInvariant() + ".nuspec");
                if (!File.Exists(nuspec)) continue;
                return NuspecId().Match(File.ReadAllText(nuspec)) is { Success: true } m ? m.Groups["id"].Value : id;
            }
        }
        return id;
    }

    [GeneratedRegex(@"<id>\s*(?<id>[^<\s]+)\s*</id>")]
    private static partial Regex NuspecId();
}
