namespace SnippetCheck.Model;

/// <summary>Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps.</summary>
internal static class EditDistance
{
    /// <summary>
    /// The one "did you mean" rule: the candidate nearest to <paramref name="word"/>, case ignored, that is near
    /// (<see cref="IsNear"/>); otherwise null. Every hint uses it (<see cref="DidYouMean"/>), so they all suggest alike.
    /// </summary>
    public static string? NearMiss(string word, IEnumerable<string> candidates)
    {
        var lower = word.ToLowerInvariant();
        string? nearest = null;
        var nearestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = Between(lower, candidate.ToLowerInvariant());
            if (distance < nearestDistance && IsNear(distance, word.Length, candidate.Length))
            {
                nearest = candidate;
                nearestDistance = distance;
            }
        }
        return nearest;
    }

    /// <summary>The most edits a near miss may have, however long its words.</summary>
    public const int MostEdits = 1;

    /// <summary>The shortest word a near miss is measured for: under three letters, one edit makes any other word.</summary>
    public const int ShortestWord = 3;

    /// <summary>
    /// Near: at most <see cref="MostEdits"/> edit (a letter wrong, missing, extra, or two swapped), between words of
    /// <see cref="ShortestWord"/> letters or more (<c>rnu</c> is <c>run</c>, <c>timout</c> is <c>timeout</c>, <c>Lenght</c>
    /// is <c>Length</c>). Two edits turn a post's own name into a framework's (<c>AppDbContext</c> into
    /// <c>AppContext</c>). Why this one of the four rules there were: docs/architecture.md.
    /// </summary>
    public static bool IsNear(int distance, int length, int otherLength) =>
        distance <= MostEdits && Math.Min(length, otherLength) >= ShortestWord;

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
