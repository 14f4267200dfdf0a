using System.Collections.Concurrent;
using System.Text.Json;

namespace SnippetCheck.Packages;

/// <summary>
/// The newest stable version of a NuGet package on the sources a folder's NuGet.Config names, as
/// <c>dotnet package search ID --exact-match</c> lists them: how <c>adopt</c> pins a package it infers. Each answer,
/// "not found" included, is kept under the package cache (<c>search/</c>), so a second <c>adopt</c> asks no source again;
/// <c>snippetcheck</c>'s cache folder can be deleted to ask afresh.
/// </summary>
internal sealed class PackageSearch(string cacheRoot)
{
    private static readonly TimeSpan SearchTimeout = TimeSpan.FromMinutes(2);

    /// <summary>Searches at once: each is a <c>dotnet</c> process, and many at once time out on a small machine.</summary>
    private readonly SemaphoreSlim _running = new(4);

    private readonly ConcurrentDictionary<string, Lazy<Task<string?>>> _answers = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The newest stable version of <paramref name="id"/>; null when no source has one.</summary>
    public Task<string?> LatestStableAsync(string id, string workingDirectory, CancellationToken cancellationToken) =>
        _answers.GetOrAdd($"{id}|{workingDirectory}", _ => new Lazy<Task<string?>>(() => SearchAsync(id, workingDirectory, cancellationToken))).Value;

    private async Task<string?> SearchAsync(string id, string workingDirectory, CancellationToken cancellationToken)
    {
        var nugetConfig = PackageCache.FindNuGetConfig(workingDirectory);
        var configText = nugetConfig is null ? "none" : await File.ReadAllTextAsync(nugetConfig, cancellationToken).ConfigureAwait(false);
        var file = Path.Combine(cacheRoot, "search", AssetCache.Hash($"{id.ToLowerInvariant()}|{AssetCache.Hash(configText)}") + ".txt");
        if (File.Exists(file)) return await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false) is { Length: > 0 } known ? known : null;

        DotnetResult result;
        await _running.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            result = await DotnetCli.RunAsync(["package", "search", id, "--exact-match", "--format", "json"], workingDirectory, SearchTimeout, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _running.Release();
        }
        // A failed search (no network) is not an answer: it is asked again next time.
        if (!result.Succeeded) return null;
        var version = Newest(result.Stdout);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllTextAsync(file, version ?? "", cancellationToken).ConfigureAwait(false);
        return version;
    }

    /// <summary>The highest stable version in <c>dotnet package search --format json</c>'s output; null for none.</summary>
    internal static string? Newest(string json)
    {
        var start = json.IndexOf('{', StringComparison.Ordinal);
        if (start < 0) return null;
        using var document = JsonDocument.Parse(json[start..]);
        if (!document.RootElement.TryGetProperty("searchResult", out var sources)) return null;
        var versions = new List<(Version Number, string Text)>();
        foreach (var source in sources.EnumerateArray())
        {
            if (!source.TryGetProperty("packages", out var packages)) continue;
            foreach (var package in packages.EnumerateArray())
            {
                var text = package.TryGetProperty("version", out var v) ? v.GetString() : null;
                // Stable only: a post shows the package as its readers install it.
                if (text is not null && !text.Contains('-', StringComparison.Ordinal) && Version.TryParse(text.Split('+')[0], out var number)) versions.Add((number, text));
            }
        }
        return versions.Count == 0 ? null : versions.MaxBy(v => v.Number).Text;
    }
}
