using System.Collections.Immutable;
using SnippetCheck.Model;

namespace SnippetCheck.Extraction.Snippets;

/// <summary>
/// The packages of one program, sorted by ID. Two programs with equal <see cref="Key"/>s restore to the same
/// assemblies, so they may share a compilation; programs with different keys never may.
/// </summary>
internal sealed record PackageSet
{
    internal static readonly PackageSet Empty = new([]);

    /// <summary>The set of <paramref name="packages"/>, in a stable order.</summary>
    public PackageSet(IEnumerable<PackageRequest> packages)
    {
        Packages = [.. packages.OrderBy(p => p.Key, StringComparer.Ordinal)];
        Key = string.Join(';', Packages.Select(p => p.Key));
    }

    internal ImmutableArray<PackageRequest> Packages { get; }

    /// <summary><c>id@version;id@version</c>, lower-case IDs, sorted: stable across runs and machines.</summary>
    internal string Key { get; }

    internal bool IsEmpty => Packages.IsEmpty;

    /// <summary>Two sets are equal when they hold the same packages (<see cref="Key"/>).</summary>
    public bool Equals(PackageSet? other) => other is not null && Key == other.Key;

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Key);

    /// <summary>The set's key: <c>id@version;id@version</c>.</summary>
    public override string ToString() => Key;
}
