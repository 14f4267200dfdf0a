namespace SnippetCheck.Results;

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
