using System.Globalization;
using SnippetCheck.Extraction.Discovery;

namespace SnippetCheck.Loading;

/// <summary>
/// <c>--shard K/N</c>: run only the K-th of N parts of the files. The split is by file, so a session (which
/// never spans files) stays in one shard. Files are sorted by their display path (ordinal) and file i
/// (0-based) belongs to shard <c>i % N + 1</c>: deterministic for the same paths, configuration and current
/// directory, and as even as file counts allow.
/// </summary>
/// <param name="Index">K, 1-based.</param>
/// <param name="Count">N.</param>
internal readonly record struct Shard(int Index, int Count)
{
    /// <summary>Parses <c>K/N</c> with 1 ≤ K ≤ N; on failure, says why.</summary>
    internal static bool TryParse(string text, out Shard shard, out string? error)
    {
        shard = default;
        var parts = text.Split('/');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            error = $"'{text}' is not a shard; write K/N, for example 2/4";
            return false;
        }
        if (count < 1 || index < 1 || index > count)
        {
            error = $"'{text}' is not a shard; K/N needs 1 ≤ K ≤ N";
            return false;
        }
        shard = new Shard(index, count);
        error = null;
        return true;
    }

    /// <summary>The files of this shard, in display-path order.</summary>
    internal IReadOnlyList<DocumentPath> Select(IEnumerable<DocumentPath> files)
    {
        var (index, count) = (Index, Count);
        return [.. files.OrderBy(f => f.DisplayPath, StringComparer.Ordinal).Where((_, i) => i % count == index - 1)];
    }

    /// <summary>The <c>K/N</c> form <see cref="TryParse"/> reads.</summary>
    public override string ToString() => $"{Index}/{Count}";
}
