using System.Runtime.InteropServices;
using System.Text.Json;

namespace SnippetCheck.References;

/// <summary>
/// The assemblies a program needs beyond the base class library: what it compiles against, and what the
/// runner loads when it runs. Resolved by the SDK itself, so framework conflicts and transitive packages
/// come out as <c>dotnet build</c> would have them.
/// </summary>
/// <param name="Compile">Reference assemblies for Roslyn: package compile assets, project outputs.</param>
/// <param name="Runtime">Implementation assemblies for the runner's load context.</param>
/// <param name="UsesAspNetCore">True when a package or project needs the ASP.NET Core shared framework.</param>
internal sealed record ResolvedAssets(IReadOnlyList<string> Compile, IReadOnlyList<string> Runtime, bool UsesAspNetCore)
{
    internal static readonly ResolvedAssets None = new([], [], false);

    /// <summary>A built project's global usings (its <c>Using</c> items), for the examples in its doc comments.</summary>
    internal IReadOnlyList<string> Usings { get; init; } = [];

    /// <summary>
    /// The version NuGet resolved for each package (by ID, any case): a version a snippet pinned that no source has
    /// resolves to the nearest higher one (NU1603), which the snippet's warning names.
    /// </summary>
    internal IReadOnlyDictionary<string, string> PackageVersions { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// A built project's target framework, the one of its list that the snippets' framework consumes
    /// (<see cref="NearestFramework"/>); null for a package set.
    /// </summary>
    internal string? LibraryFramework { get; init; }

    /// <summary>False when a cached entry points at files that are gone (a cleared NuGet cache, a deleted build).</summary>
    internal bool AllExist => Compile.Concat(Runtime).All(File.Exists);

    /// <summary>
    /// Reads what <c>dotnet build -getItem:ReferencePath -getItem:RuntimeCopyLocalItems
    /// -getItem:RuntimeTargetsCopyLocalItems -getItem:ResourceCopyLocalItems</c> printed. The base framework's own references are left out:
    /// the compiler has them already.
    /// </summary>
    internal static ResolvedAssets FromMSBuildItems(string json, IEnumerable<string> extraCompile, IEnumerable<string> extraRuntime)
    {
        using var document = JsonDocument.Parse(json);
        var items = document.RootElement.GetProperty("Items");
        var compile = new List<string>(extraCompile);
        var usesAspNetCore = false;
        var versions = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in Items(items, "ReferencePath").Concat(Items(items, "RuntimeCopyLocalItems")))
        {
            if (Metadata(item, "NuGetPackageId") is { Length: > 0 } id) versions.TryAdd(id, Metadata(item, "NuGetPackageVersion"));
        }
        foreach (var item in Items(items, "ReferencePath"))
        {
            var framework = Metadata(item, "FrameworkReferenceName");
            // A netstandard2.0 library's build references the .NET Standard facades as a package; the snippets' own
            // framework has those types, and the facades beside it would make them ambiguous.
            if (Metadata(item, "NuGetPackageId").Equals(NetStandardLibrary, StringComparison.OrdinalIgnoreCase)) continue;
            if (framework.Length == 0) compile.Add(Metadata(item, "FullPath") is { Length: > 0 } full ? full : Metadata(item, "Identity"));
            else if (framework == "Microsoft.AspNetCore.App") usesAspNetCore = true;
        }

        var runtime = new Dictionary<string, (string Path, int Rank)>(StringComparer.OrdinalIgnoreCase);
        foreach (var path in extraRuntime) runtime[Path.GetFileName(path)] = (path, int.MaxValue);
        foreach (var item in Items(items, "RuntimeCopyLocalItems").Where(IsManaged))
            runtime.TryAdd(Path.GetFileName(Metadata(item, "Identity")), (Metadata(item, "Identity"), RuntimeRanks.Count));
        // Satellite resource assemblies (de/Humanizer.resources.dll), one per culture folder, each under its own key: a
        // package's translations live in other packages' folders, where the runtime's probing beside the parent never looks.
        foreach (var item in Items(items, "ResourceCopyLocalItems").Where(IsSatellite))
            runtime.TryAdd(Metadata(item, "DestinationSubDirectory") + Path.GetFileName(Metadata(item, "Identity")),
                (Metadata(item, "Identity"), RuntimeRanks.Count));
        foreach (var item in Items(items, "RuntimeTargetsCopyLocalItems").Where(IsManaged))
        {
            // A RID-specific asset replaces the portable one when it fits this machine; the closest RID wins.
            var rank = RuntimeRanks.IndexOf(Metadata(item, "RuntimeIdentifier"));
            if (rank < 0) continue;
            var name = Path.GetFileName(Metadata(item, "Identity"));
            if (!runtime.TryGetValue(name, out var current) || rank < current.Rank) runtime[name] = (Metadata(item, "Identity"), rank);
        }
        return new ResolvedAssets(
            [.. compile.Distinct(StringComparer.Ordinal)],
            [.. runtime.Values.Select(v => v.Path).Order(StringComparer.Ordinal)],
            usesAspNetCore)
        {
            Usings = [.. Items(items, "Using").Select(UsingText).Distinct(StringComparer.Ordinal)],
            PackageVersions = versions,
        };
    }

    private const string NetStandardLibrary = "NETStandard.Library";

    /// <summary>
    /// A <c>Using</c> item as <see cref="Compilation.CompileSettings.Usings"/> holds it: <c>N</c>, <c>static N.T</c> or <c>A = N.T</c>.
    /// </summary>
    private static string UsingText(JsonElement item)
    {
        var name = Metadata(item, "Identity");
        if (Metadata(item, "Alias") is { Length: > 0 } alias) return $"{alias} = {name}";
        return Metadata(item, "Static").Equals("true", StringComparison.OrdinalIgnoreCase) ? "static " + name : name;
    }

    private static bool IsSatellite(JsonElement item) =>
        Metadata(item, "DestinationSubDirectory").Length > 0
        && Metadata(item, "Identity").EndsWith(".resources.dll", StringComparison.OrdinalIgnoreCase);

    private static bool IsManaged(JsonElement item) =>
        Metadata(item, "AssetType") is "runtime" or "" && Metadata(item, "Identity").EndsWith(".dll", StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<JsonElement> Items(JsonElement items, string name) =>
        items.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array ? list.EnumerateArray() : [];

    private static string Metadata(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : "";

    /// <summary>This machine's runtime identifier and its fallbacks, closest first: linux-x64, linux, unix.</summary>
    private static readonly List<string> RuntimeRanks = BuildRuntimeRanks();

    private static List<string> BuildRuntimeRanks()
    {
        var ranks = new List<string>();
        for (var rid = RuntimeInformation.RuntimeIdentifier; rid.Length > 0;)
        {
            ranks.Add(rid);
            var dash = rid.LastIndexOf('-');
            rid = dash < 0 ? "" : rid[..dash];
        }
        if (!OperatingSystem.IsWindows()) ranks.Add("unix");
        ranks.Add("any");
        return ranks;
    }
}
