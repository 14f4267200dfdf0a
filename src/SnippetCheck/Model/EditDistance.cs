namespace SnippetCheck.Model;

/// <summary>Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps.</summary>
internal static class EditDistance
{
    /// <summary>
    /// The candidate nearest to <paramref name="word"/>, case ignored, when it is at most two edits away; otherwise
    /// null. Every "did you mean" hint uses it (<see cref="DidYouMean"/>), so they all suggest alike.
    /// </summary>
    public static string? NearMiss(string word, IEnumerable<string> candidates)
    {
        var lower = word.ToLowerInvariant();
        var nearest = candidates.MinBy(c => Between(lower, c.ToLowerInvariant()));
        return nearest is not null && Between(lower, nearest.ToLowerInvariant()) <= 2 ? nearest : null;
    }

    /// <summary>The hint that ends a message about an unknown word: <c>; did you mean 'x'?</c>, or nothing.</summary>
    public static string DidYouMean(string? meant) => meant is null ? "" : $"; did you mean '{meant}'?";

    public static int Between(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }
        return d[a.Length, b.Length];
    }
}
