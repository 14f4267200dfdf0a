using static SnippetCheck.Extraction.Snippets.KindBehaviour;

namespace SnippetCheck.Extraction.Snippets;

/// <summary>What a snippet must do to pass. See README.md, "Tag reference".</summary>
public enum SnippetKind
{
    /// <summary>Compiles, runs to the end, exits with the expected code, prints the expected output.</summary>
    Run,

    /// <summary>Compiles with no errors.</summary>
    Compile,

    /// <summary>Fails to compile, with every listed error ID among the errors.</summary>
    CompileFail,

    /// <summary>Compiles, runs and ends with an unhandled exception (of the named type).</summary>
    Throws,

    /// <summary>
    /// Not verified: the verdict is always <c>ignored</c>. The block is still compiled on the side, never with verified
    /// snippets, to warn when the tag has gone stale (README.md, "stale").
    /// </summary>
    Ignore,

    /// <summary>
    /// Compiled as <see cref="Compile"/> compiles it, and passes when every error is an unknown name the post never
    /// declares, so long as something binds to the framework or a package (README.md, "Levels"). Never run.
    /// </summary>
    Check,
}

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

/// <summary>What a kind's block does on its way to the judge: a row of <see cref="KindRules"/> names the ones it does.</summary>
[Flags]
internal enum KindBehaviour
{
    /// <summary>Nothing: the kind is never verified (ignored, compiled apart only to warn of a stale tag).</summary>
    None = 0,

    /// <summary>It is verified at all.</summary>
    Verified = 1 << 0,

    /// <summary>It asks for a run: compiled, then run when it has an entry point (or tests); its level is <c>run</c>.</summary>
    Runs = 1 << 1,

    /// <summary>Its program's test methods run (after its statements): a <c>throws</c> block's end is its exception.</summary>
    RunsTests = 1 << 2,

    /// <summary>A lone program of this kind may be merged into one assembly with others (it compiles as written).</summary>
    Merges = 1 << 3,

    /// <summary>
    /// Its code is part of its session's (or page fixture's) program; the others are compiled against the session so far,
    /// then left out, so their errors stop no other block.
    /// </summary>
    JoinsSession = 1 << 4,

    /// <summary>Its <c>...</c> placeholders are holes, and unknown names the post never declares are tolerated.</summary>
    Holes = 1 << 5,

    /// <summary>
    /// Its <c>...</c> standing for statements, members or an initializer's content are left out (the C# standard's
    /// <c>replaceEllipsis</c>); one standing for a value is filled only where <see cref="Holes"/> says so.
    /// </summary>
    FillsDots = 1 << 6,
}

/// <summary>
/// What a tag kind means to every stage, in one row: its word, what it does (<see cref="KindBehaviour"/>) and which judge
/// case passes it. The planner, the strategies, the stale policy, the judge and the result's level read the row instead of
/// naming kinds, so a new kind is its member, its row and its case in the judge (docs/architecture.md, "A tag kind").
/// </summary>
internal sealed record KindRule(SnippetKind Kind, string Word, KindBehaviour Does, KindJudging Judged)
{
    /// <inheritdoc cref="KindBehaviour.Verified"/>
    public bool Verified => Does.HasFlag(KindBehaviour.Verified);

    /// <inheritdoc cref="KindBehaviour.Runs"/>
    public bool Runs => Does.HasFlag(KindBehaviour.Runs);

    /// <inheritdoc cref="KindBehaviour.RunsTests"/>
    public bool RunsTests => Does.HasFlag(KindBehaviour.RunsTests);

    /// <inheritdoc cref="KindBehaviour.Merges"/>
    public bool Merges => Does.HasFlag(KindBehaviour.Merges);

    /// <inheritdoc cref="KindBehaviour.JoinsSession"/>
    public bool JoinsSession => Does.HasFlag(KindBehaviour.JoinsSession);

    /// <inheritdoc cref="KindBehaviour.Holes"/>
    public bool Holes => Does.HasFlag(KindBehaviour.Holes);

    /// <inheritdoc cref="KindBehaviour.FillsDots"/>
    public bool FillsDots => Does.HasFlag(KindBehaviour.FillsDots);
}

/// <summary>The table of <see cref="KindRule"/>s, one row per <see cref="SnippetKind"/>, and the only home of a kind's word.</summary>
internal static class KindRules
{
    /// <summary>Every kind's row, in the order of <see cref="SnippetKind"/>.</summary>
    internal static IReadOnlyList<KindRule> All { get; } =
    [
        new(SnippetKind.Run, "run", Verified | Runs | RunsTests | Merges | JoinsSession, KindJudging.Run),
        new(SnippetKind.Compile, "compile", Verified | Merges | JoinsSession, KindJudging.Compile),
        // Also a key: compile-fail=CS0029 names the errors.
        new(SnippetKind.CompileFail, "compile-fail", Verified | FillsDots, KindJudging.CompileFail),
        // Also a key: throws=InvalidOperationException names the type.
        new(SnippetKind.Throws, "throws", Verified | Runs | Merges | JoinsSession, KindJudging.Throws),
        new(SnippetKind.Ignore, "ignore", None, KindJudging.Ignored),
        new(SnippetKind.Check, "check", Verified | Holes | FillsDots, KindJudging.Check),
    ];

    /// <summary>Every kind's tag word, lower case.</summary>
    internal static IReadOnlyList<string> Words { get; } = [.. All.Select(r => r.Word)];

    /// <summary>The kind's row.</summary>
    public static KindRule Rule(this SnippetKind kind) =>
        (uint)kind < (uint)All.Count && All[(int)kind].Kind == kind ? All[(int)kind] : throw new ArgumentOutOfRangeException(nameof(kind));

    /// <summary>The kind as a fence tag writes it (<c>run</c>, <c>compile-fail</c>…).</summary>
    public static string ToTag(this SnippetKind kind) => kind.Rule().Word;

    /// <summary>The kind <paramref name="word"/> (lower case) names, or null when it names none.</summary>
    internal static SnippetKind? FromTag(string word) => All.FirstOrDefault(r => r.Word == word)?.Kind;
}
