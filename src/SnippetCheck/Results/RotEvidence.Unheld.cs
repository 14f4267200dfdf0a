using SnippetCheck.Model;

namespace SnippetCheck.Results;

internal static partial class RotEvidence
{
    /// <summary>
    /// A block whose run stopped at a result line that holds where the post says it does, not in the run: worded for a
    /// culture the run does not have (<c>// in de-DE culture</c>, <c>1st</c>), reading the clock, or the same value of
    /// another numeric type (<c>1250000000</c> as a <c>double</c>). Not rot: such a block still compiles against the API
    /// it calls, which is what <c>adopt</c> can honestly say of it.
    /// </summary>
    public static bool HoldsElsewhere(SnippetResult failed) =>
        failed.Reason == FailureReason.Exception && ClaimIn(failed) is { Evidence.Length: 0 };
}
