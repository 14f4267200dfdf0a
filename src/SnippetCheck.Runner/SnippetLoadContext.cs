using System.Reflection;
using System.Runtime.Loader;

namespace SnippetCheck.Runner;

/// <summary>
/// A collectible context per run, resolving package and project dependencies from given paths, and their satellite
/// resource assemblies (<c>de/Humanizer.resources.dll</c>) by culture: a package's translations come from other
/// packages' folders, not from beside the assembly that asks for them.
/// </summary>
internal sealed class SnippetLoadContext(string[] dependencyPaths) : AssemblyLoadContext(isCollectible: true)
{
    private readonly Dictionary<string, string> _byName = dependencyPaths
        .Where(p => p.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) && !IsSatellite(p))
        .GroupBy(p => Path.GetFileNameWithoutExtension(p), StringComparer.OrdinalIgnoreCase)
        .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);

    /// <summary>Satellites by culture and name: <c>de/Humanizer.resources</c>.</summary>
    private readonly Dictionary<string, string> _satellites = dependencyPaths
        .Where(IsSatellite)
        .GroupBy(p => Path.GetFileName(Path.GetDirectoryName(p)) + "/" + Path.GetFileNameWithoutExtension(p), StringComparer.OrdinalIgnoreCase)
        .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (assemblyName.Name is not { } name) return null;
        if (!string.IsNullOrEmpty(assemblyName.CultureName))
            return _satellites.TryGetValue(assemblyName.CultureName + "/" + name, out var satellite) ? LoadFromAssemblyPath(satellite) : null;
        return _byName.TryGetValue(name, out var path) ? LoadFromAssemblyPath(path) : null;
    }

    private static bool IsSatellite(string path) => path.EndsWith(".resources.dll", StringComparison.OrdinalIgnoreCase);
}
