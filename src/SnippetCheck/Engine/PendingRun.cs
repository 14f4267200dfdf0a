using SnippetCheck.Results;

namespace SnippetCheck.Engine;

/// <summary>
/// What a block that would run gets in a compile-only run (<see cref="ProgramContext.CompileOnly"/>, the language
/// server's as you type): neither a pass nor a failure. <see cref="VerificationEngine"/> alone gives it.
/// </summary>
public static class PendingRun
{
    /// <summary>The one verdict every such block gets: <see cref="SnippetStatus.Skipped"/>, saying it runs on save.</summary>
    public static readonly Verdict Verdict = new Verdict.Skipped("compiled; not run yet (it runs on save)");

    /// <summary>True when <paramref name="verdict"/> is <see cref="Verdict"/>: the block compiled but was not run.</summary>
    public static bool Is(Verdict verdict) => ReferenceEquals(verdict, Verdict);
}
