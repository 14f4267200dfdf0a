using System.Reflection;
using System.Runtime.Loader;

namespace SnippetCheck.Runner;

/// <summary>A collectible context per run, resolving package and project dependencies from given paths.</summary>
internal sealed class SnippetLoadContext(string[] dependencyPaths) : AssemblyLoadContext(isCollectible: true)
{
    private readonly Dictionary<string, string> _byName = dependencyPaths
        .Where(p => p.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
        .GroupBy(p => Path.GetFileNameWithoutExtension(p), StringComparer.OrdinalIgnoreCase)
        .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);

    protected override Assembly? Load(AssemblyName assemblyName) =>
        assemblyName.Name is { } name && _byName.TryGetValue(name, out var path) ? LoadFromAssemblyPath(path) : null;
}
