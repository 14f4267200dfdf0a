namespace SnippetCheck.Engine.Merging;

/// <summary>What merged compilation did in a run.</summary>
/// <param name="Chunks">Merged assemblies compiled.</param>
/// <param name="Snippets">Snippets compiled in them (see <see cref="NotMerged"/> for those planned but compiled alone).</param>
/// <param name="DroppedAtCompile">Snippets dropped from their chunk for a diagnostic, and compiled alone.</param>
internal sealed record MergeStatistics(int Chunks, int Snippets, int DroppedAtCompile)
{
    /// <summary>Snippets planned into chunks but compiled alone, because merging had stopped paying (most drew diagnostics).</summary>
    public int NotMerged { get; init; }

    /// <summary>Both passes' figures together (a framework matrix runs a pass per framework).</summary>
    public MergeStatistics Add(MergeStatistics other) =>
        new(Chunks + other.Chunks, Snippets + other.Snippets, DroppedAtCompile + other.DroppedAtCompile) { NotMerged = NotMerged + other.NotMerged };

    /// <summary>The figures as the verbose summary shows them.</summary>
    public override string ToString() =>
        $"merged: {Snippets} snippets in {Chunks} assemblies ({DroppedAtCompile} dropped for a diagnostic and verified alone" +
        (NotMerged > 0 ? $"; {NotMerged} compiled alone as most snippets drew diagnostics)" : ")");
}

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
