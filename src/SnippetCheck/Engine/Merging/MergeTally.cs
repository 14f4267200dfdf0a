using SnippetCheck.Results;

namespace SnippetCheck.Engine.Merging;

/// <summary>The merged chunks of one run so far, counted as they compile (chunks compile in parallel).</summary>
internal sealed class MergeTally
{
    private int _chunks, _merged, _droppedAtCompile, _notMerged;

    /// <summary>
    /// True once two chunks have shown that more than half of the snippets draw a diagnostic (fragments verified
    /// with <c>--all</c>, say): each of those is compiled merged and then again alone, which costs more than
    /// merging saves (bench/README.md).
    /// </summary>
    public bool MergingDoesNotPay => Volatile.Read(ref _chunks) >= 2 && Volatile.Read(ref _droppedAtCompile) * 2 > Volatile.Read(ref _merged);

    /// <summary>What merging did so far in this run.</summary>
    public MergeStatistics Statistics => new(_chunks, _merged, _droppedAtCompile) { NotMerged = _notMerged };

    public void Compiled(int members, int dropped)
    {
        Interlocked.Increment(ref _chunks);
        Interlocked.Add(ref _merged, members);
        Interlocked.Add(ref _droppedAtCompile, dropped);
    }

    public void NotMerged(int members) => Interlocked.Add(ref _notMerged, members);
}
