namespace SnippetCheck.Verification;

/// <summary>
/// Splits the snippets that can be merged into chunks: one assembly each, compiled in parallel with the others.
/// Enough chunks to keep every slot busy, none so big that its runs wait long for it to compile.
/// </summary>
internal static class MergePlan
{
    /// <summary>
    /// Past a few dozen snippets a bigger chunk saves no compile time per snippet (measured at 1000 snippets:
    /// chunks of 20, 40, 80 and 160 cost 11.0, 10.2, 10.2 and 11.5 s of CPU), and delays its first run.
    /// </summary>
    public const int MaxChunkSize = 40;

    /// <summary>Below this a chunk saves too little to be worth one more compilation to keep a slot busy.</summary>
    public const int MinChunkSize = 4;

    /// <summary>Chunks in document order; a group of one is no chunk (it is verified alone).</summary>
    public static IReadOnlyList<IReadOnlyList<MergeCandidate>> Chunks(IReadOnlyList<MergeCandidate> candidates, int parallelism)
    {
        var chunks = new List<IReadOnlyList<MergeCandidate>>();
        foreach (var group in candidates.GroupBy(c => c.GroupKey))
        {
            var members = group.ToList();
            if (members.Count < 2) continue;
            var count = Math.Max((members.Count + MaxChunkSize - 1) / MaxChunkSize, Math.Min(Math.Max(1, parallelism), members.Count / MinChunkSize));
            count = Math.Max(1, count);
            for (var i = 0; i < count; i++)
            {
                // Balanced sizes: chunk i takes [i*n/count, (i+1)*n/count).
                var start = i * members.Count / count;
                var end = (i + 1) * members.Count / count;
                chunks.Add(members.GetRange(start, end - start));
            }
        }
        return chunks;
    }
}
