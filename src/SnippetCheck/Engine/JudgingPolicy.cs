using SnippetCheck.Results;
using SnippetCheck.Extraction.Snippets;

namespace SnippetCheck.Engine;

/// <summary>
/// What a unit's outcomes are for: each block's verdict (<see cref="Verdicts"/>), or a hint beside a verdict decided
/// elsewhere (<see cref="StalePolicy"/>, for <c>ignore</c> tags that are stale).
/// </summary>
internal abstract class JudgingPolicy
{
    /// <summary>The verdict of each block: what a run reports.</summary>
    public static readonly JudgingPolicy Verdicts = new VerdictPolicy();

    /// <summary>The block as the judge takes it, once compiling showed whether it can run (<paramref name="runnable"/>).</summary>
    public virtual Snippet JudgedAs(Snippet block, bool runnable) => block;

    /// <summary>A merged program dropped for a diagnostic is verified again alone (else it is taken as not compiling).</summary>
    public virtual bool VerifiesDroppedAlone => true;

    /// <summary>What the unit reports, from its blocks' results.</summary>
    public virtual IReadOnlyList<SnippetResult> Conclude(IReadOnlyList<SnippetResult> results) => results;

    private sealed class VerdictPolicy : JudgingPolicy;
}
