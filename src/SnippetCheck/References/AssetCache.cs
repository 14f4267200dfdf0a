using System.Text.Json;
using SnippetCheck.Caching.Store;

namespace SnippetCheck.References;

/// <summary>
/// Resolutions kept in the store: one <c>assets.json</c> per entry folder (a package set's restore, a project's build), with
/// the entry's whole key inside, so a folder's short name is never taken for the key itself.
/// </summary>
internal static class AssetCache
{
    /// <summary>3: with the resolved package versions; 4: with a project's chosen framework; 5: with the packages' satellite
    /// resource assemblies among the runtime assets.</summary>
    private const int FormatVersion = 5;

    private sealed record Entry(
        int Version, string Key, string[] Compile, string[] Runtime, bool AspNetCore, string[]? Usings, Dictionary<string, string>? PackageVersions,
        string? LibraryFramework);

    private static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, WriteIndented = true };

    /// <summary>
    /// The assets kept in <paramref name="folder"/> under <paramref name="key"/> (a <see cref="StoreKey"/>), else
    /// <paramref name="resolve"/>'s, made once however many runs ask at once (<see cref="StoreEntry"/>) and kept when they
    /// succeed. A failure is never kept: a package missing offline may be there tomorrow.
    /// </summary>
    public static async Task<ResolveOutcome> GetOrResolveAsync(string folder, string key, TimeSpan lockTimeout, Func<Task<ResolveOutcome>> resolve,
        CancellationToken cancellationToken)
    {
        var path = Path.Combine(folder, "assets.json");
        var (outcome, _) = await StoreEntry.GetOrCreateAsync(Path.Combine(folder, ".lock"), lockTimeout,
            () => TryRead(path, key) is { } kept ? new ResolveOutcome(kept, null, FromCache: true) : null,
            async () =>
            {
                var made = await resolve().ConfigureAwait(false);
                if (made.Assets is { } assets) Write(path, key, assets);
                return made;
            },
            cancellationToken).ConfigureAwait(false);
        return outcome;
    }

    /// <summary>The entry for <paramref name="key"/>, if it is there, whole, and every file it names still exists.</summary>
    private static ResolvedAssets? TryRead(string path, string key) => StoreFile.TryRead(path, bytes =>
    {
        var entry = JsonSerializer.Deserialize<Entry>(bytes, Options);
        if (entry is null || entry.Version != FormatVersion || entry.Key != key) return null;
        var assets = new ResolvedAssets(entry.Compile, entry.Runtime, entry.AspNetCore)
        {
            Usings = entry.Usings ?? [],
            PackageVersions = new Dictionary<string, string>(entry.PackageVersions ?? [], StringComparer.OrdinalIgnoreCase),
            LibraryFramework = entry.LibraryFramework,
        };
        return assets.AllExist ? assets : null;
    });

    private static void Write(string path, string key, ResolvedAssets assets)
    {
        var entry = new Entry(
            FormatVersion, key, [.. assets.Compile], [.. assets.Runtime], assets.UsesAspNetCore, [.. assets.Usings], new(assets.PackageVersions),
            assets.LibraryFramework);
        StoreFile.Write(path, JsonSerializer.SerializeToUtf8Bytes(entry, Options));
    }
}
