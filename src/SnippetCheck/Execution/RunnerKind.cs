namespace SnippetCheck.Execution;

/// <summary>
/// What a runner needs besides the system: whether it may use the network, and the package and reference folders its
/// snippets load from. Runners of different kinds are kept apart; a runner never changes kind.
/// </summary>
internal sealed record RunnerKind(bool Network, IReadOnlyList<string> ReadPaths)
{
    public static readonly RunnerKind Default = new(false, []);

    /// <summary>The kind for a program: its network need, and the folders its dependencies live in.</summary>
    public static RunnerKind For(bool network, IEnumerable<string> dependencyPaths)
    {
        var folders = dependencyPaths.Select(PackageFolder).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        return folders.Length == 0 && !network ? Default : new RunnerKind(network, folders);
    }

    /// <summary>A NuGet package's version folder (it holds <c>.nupkg.metadata</c>), so native assets load too; else the file's folder.</summary>
    private static string PackageFolder(string dependency)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(dependency))!;
        for (var (candidate, depth) = (folder, 0); candidate is not null && depth < 4; (candidate, depth) =
            (Path.GetDirectoryName(candidate), depth + 1))
        {
            if (File.Exists(Path.Combine(candidate, ".nupkg.metadata"))) return candidate;
        }
        return folder;
    }

    public bool Equals(RunnerKind? other) => other is not null && Network == other.Network && ReadPaths.SequenceEqual(other.ReadPaths);

    public override int GetHashCode() => HashCode.Combine(Network, ReadPaths.Count, ReadPaths.FirstOrDefault());
}
