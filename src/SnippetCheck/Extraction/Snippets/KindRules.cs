namespace SnippetCheck.Extraction.Snippets;

/// <summary>The judge's case a kind's block is judged by, after it compiled (<c>Judge.Lone</c>): one per way of passing.</summary>
internal enum KindJudging
{
    /// <summary>Never verified: the verdict is <c>ignored</c>.</summary>
    Ignored,

    /// <summary>Passes when it compiles with no errors.</summary>
    Compile,

    /// <summary>Passes when it fails to compile with every listed error ID.</summary>
    CompileFail,

    /// <summary>Passes when every error is an unknown name the post never declares, and something binds.</summary>
    Check,

    /// <summary>Passes on its run: its exit code and output.</summary>
    Run,

    /// <summary>Passes on its run ending with an unhandled exception (of the named type), its output as far as it got.</summary>
    Throws,
}

/// <summary>
/// What a tag kind means to every stage, in one row, so a new kind is added in one place: its word, whether it is verified at all, runs, may
/// merge with other lone programs, joins a session's program, leaves its <c>...</c> as holes, and which judge case passes
/// it. The planner, the strategies, the stale policy, the judge and the result's level read these columns instead of each
/// naming kinds, so a new kind is a row here plus its case in the judge (docs/architecture.md, "How to add a tag kind").
/// </summary>
/// <param name="Verified">False for a kind that is never verified: ignored, compiled apart only to warn of a stale tag.</param>
/// <param name="Runs">Asks for a run: compiled, then run when it has an entry point (or tests); its level is <c>run</c>.</param>
/// <param name="RunsTests">Its program's test methods run (after its statements): a <c>throws</c> block's end is its exception.</param>
/// <param name="Merges">A lone program of this kind may be merged into one assembly with others (it compiles as written).</param>
/// <param name="JoinsSession">Its code is part of its session's (or page fixture's) program; the others are compiled
/// against the session so far, then left out, so their errors stop no other block.</param>
/// <param name="Holes">Its <c>...</c> placeholders are holes, and unknown names the post never declares are tolerated.</param>
/// <param name="FillsDots">Its <c>...</c> standing for statements, members or an initializer's content are left out (the C#
/// standard's <c>replaceEllipsis</c>); one standing for a value is filled only where <paramref name="Holes"/> says so.</param>
internal sealed record KindRule(
    SnippetKind Kind, string Word, bool Verified, bool Runs, bool RunsTests, bool Merges, bool JoinsSession, bool Holes, bool FillsDots,
    KindJudging Judged);

/// <summary>The table of <see cref="KindRule"/>s, one row per <see cref="SnippetKind"/>.</summary>
internal static class KindRules
{
    /// <summary>Every kind's row, in the order of <see cref="SnippetKind"/>.</summary>
    internal static IReadOnlyList<KindRule> All { get; } =
    [
        //   kind                    word                          verified runs   tests  merges joins  holes  dots   judged
        new(SnippetKind.Run,         SnippetKindNames.Run,         true,    true,  true,  true,  true,  false, false, KindJudging.Run),
        new(SnippetKind.Compile,     SnippetKindNames.Compile,     true,    false, false, true,  true,  false, false, KindJudging.Compile),
        new(SnippetKind.CompileFail, SnippetKindNames.CompileFail, true,    false, false, false, false, false, true,  KindJudging.CompileFail),
        new(SnippetKind.Throws,      SnippetKindNames.Throws,      true,    true,  false, true,  true,  false, false, KindJudging.Throws),
        new(SnippetKind.Ignore,      SnippetKindNames.Ignore,      false,   false, false, false, false, false, false, KindJudging.Ignored),
        new(SnippetKind.Check,       SnippetKindNames.Check,       true,    false, false, false, false, true,  true,  KindJudging.Check),
    ];

    /// <summary>The kind's row.</summary>
    public static KindRule Rule(this SnippetKind kind) =>
        (uint)kind < (uint)All.Count && All[(int)kind].Kind == kind ? All[(int)kind] : throw new ArgumentOutOfRangeException(nameof(kind));
}
