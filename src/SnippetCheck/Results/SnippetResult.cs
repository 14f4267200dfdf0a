using SnippetCheck.Model;
using SnippetCheck.Extraction.Snippets;

namespace SnippetCheck.Results;

/// <summary>The verdict on one C# block, with what the report shows beside it.</summary>
/// <param name="Snippet">The block the verdict is on.</param>
/// <param name="Verdict">What it came to.</param>
/// <param name="Diagnostics">The block's annotation findings and the compiler's diagnostics.</param>
/// <param name="ActualOutput">What the program printed; null when it was not run.</param>
/// <param name="Duration">How long verifying it took.</param>
/// <param name="Cached">True when the result came from the result cache instead of a new compile and run.</param>
public sealed record SnippetResult(
    Snippet Snippet,
    Verdict Verdict,
    IReadOnlyList<Diagnostic> Diagnostics,
    string? ActualOutput,
    TimeSpan Duration,
    bool Cached = false)
{
    /// <summary>The verdict's status, as reports show it.</summary>
    internal SnippetStatus Status => Verdict.Status;

    /// <summary>Why it failed; null unless <see cref="Status"/> is <see cref="SnippetStatus.Failed"/>.</summary>
    public FailureReason? Reason => (Verdict as Verdict.Failed)?.Failure.Reason;

    /// <summary>The reason word in reports: a failure's, or why a block was ignored (<c>empty</c>).</summary>
    public string? ReasonWord => Reason?.ToWord() ?? (Verdict as Verdict.Ignored)?.ReasonWord;

    /// <summary>The status word in reports (<c>passed</c>, <c>failed</c>…).</summary>
    public string StatusWord => Status.ToWord();

    /// <summary>The code its failure is reported with: a compiler ID (CS0103) or one of ours (SC2001).</summary>
    public string? Code => (Verdict as Verdict.Failed)?.Failure.Code;

    /// <summary>
    /// The one line a report shows beside the verdict: a failure's message, why a block was ignored or skipped, or a pass's
    /// note. In a framework matrix a failure names where it failed first (<see cref="FrameworkNote"/>).
    /// </summary>
    public string? Message => string.Join(' ', new[] { FrameworkNote, PackageNote }.OfType<string>()) is not { Length: > 0 } notes ? Verdict.Message
        : string.IsNullOrEmpty(Verdict.Message) ? notes : $"{notes}: {Verdict.Message}";

    /// <summary>
    /// The packages the block's program was verified with, as <c>Id@Version</c>: its own, its session's, its preludes' and
    /// the config's pins, read as other versions in a run that moves them (<c>verify --packages newest</c>). A pin no source
    /// has is never verified at another version (SC2018), so these are the versions restored. Empty for a block not verified.
    /// </summary>
    public IReadOnlyList<string> PackagesUsed { get; init; } = [];

    /// <summary>True in a run that read pins as other versions: <see cref="PackageNote"/> then names them.</summary>
    internal bool PackagesMoved { get; init; }

    /// <summary><c>with AutoMapper@14.0.0</c>: the versions a block was verified with, when they are not its pins; null otherwise.</summary>
    public string? PackageNote => !PackagesMoved || PackagesUsed.Count == 0 ? null : $"with {string.Join(", ", PackagesUsed)}";

    /// <summary>
    /// In a run over a framework matrix, the block's verdict on each framework of the run, oldest first; a null result
    /// where the block does not apply (its <c>frameworks=</c> tag or a <c>#:property TargetFramework</c> leaves it out).
    /// Null in a run on the tool's framework alone. <see cref="Verdict"/> is then the first failing framework's, else a pass.
    /// </summary>
    internal IReadOnlyList<FrameworkVerdict>? Frameworks { get; init; }

    /// <summary>
    /// In a run over a framework matrix, the frameworks the block applies to and was judged on, oldest first (those its
    /// <c>frameworks=</c> tag or <c>#:property TargetFramework</c> leaves out are not among them); null in a run on the
    /// tool's framework alone.
    /// </summary>
    public IReadOnlyList<TargetFramework>? JudgedOn => Frameworks?.Where(f => f.Result is not null).Select(f => f.Framework).ToList();

    /// <summary>
    /// Where a failure in a matrix happened, when the frameworks disagree: <c>on net8.0 (passes on net10.0)</c>. Null
    /// otherwise, and for a block that failed alike (the same code) on every framework it applies to.
    /// </summary>
    public string? FrameworkNote
    {
        get
        {
            if (Frameworks is null || Status != SnippetStatus.Failed) return null;
            var failed = Frameworks.Where(f => f.Result?.Status == SnippetStatus.Failed).ToList();
            var passed = Frameworks.Where(f => f.Result?.Status == SnippetStatus.Passed).Select(f => f.Framework.Moniker).ToList();
            if (passed.Count == 0 && failed.Select(f => f.Result!.Code).Distinct().Count() == 1) return null;
            return $"on {string.Join(", ", failed.Select(f => f.Framework.Moniker))}" + (passed.Count > 0
                ? $" (passes on {string.Join(", ", passed)})" : "");
        }
    }

    /// <summary>Where the failure points: the first compile error, the throwing line, the output block, or the fence.</summary>
    public SourceLocation FailureLocation => (Verdict as Verdict.Failed)?.Failure.Location ?? Snippet.Location;

    /// <summary>More lines for the console: a diff, a stack trace, compiler errors.</summary>
    public string? Detail => (Verdict as Verdict.Failed)?.Failure.Detail;

    /// <summary>Where the block's opening fence stands.</summary>
    public SourceLocation Location => Snippet.Location;

    /// <summary>
    /// What the block was verified as (<c>run</c>, <c>compile</c>, ...): its kind, but <c>compile</c> for a block that
    /// passed without running anything (a <c>members</c> block, or one that only declares types, in a session or not).
    /// </summary>
    public SnippetKind Kind => Snippet.Kind.Rule().Runs && Status == SnippetStatus.Passed && ActualOutput is null
        ? SnippetKind.Compile
        : Snippet.Kind;

    /// <summary>
    /// How much its verdict proves (the JSON report's <c>level</c>): <c>check</c> for a kind whose unknown names are holes
    /// (its row's <c>Holes</c>: a check block), <c>run</c> for a block that ran or failed asking to, <c>compile</c> for the
    /// rest; null for a block not verified (ignored, untagged, skipped).
    /// </summary>
    internal VerificationLevel? Level => Status is not (SnippetStatus.Passed or SnippetStatus.Failed) ? null : Kind.Rule() switch
    {
        { Holes: true } => VerificationLevel.Check,
        { Runs: true } => VerificationLevel.Run,
        _ => VerificationLevel.Compile,
    };

    /// <summary>
    /// The block's test methods (each data row apart), in the order they ran; empty for a block without tests or whose tests did not run.
    /// </summary>
    internal IReadOnlyList<TestResult> Tests { get; init; } = [];

    /// <summary>The unknown names a block that passed at the <c>check</c> level was allowed; empty for every other block.</summary>
    internal IReadOnlyList<UnknownName> UnknownNames => (Verdict as Verdict.Checked)?.Unknown ?? [];

    /// <summary>The text of the block's output block, to compare with <see cref="ActualOutput"/>; null without one.</summary>
    public string? ExpectedOutput => Snippet.Output?.Text;

    /// <summary>
    /// An ignored block's stale-tag finding (SC1019 or SC1020), listed among its diagnostics: a warning, or an error
    /// under <c>"stale": "error"</c>. Null for every other block.
    /// </summary>
    public Diagnostic? StaleFinding => Diagnostics.FirstOrDefault(d => d.Id is DiagnosticCodes.IgnoredCompiles or DiagnosticCodes.IgnoredPasses);

    /// <summary>True for an ignored block whose tag looks stale (the JSON report's <c>"stale"</c>).</summary>
    public bool Stale => StaleFinding is not null;

    /// <summary>
    /// This result given to <paramref name="now"/>, the same block moved in an edited text (the editor carries a run's
    /// failures to its compile-only checks): a failure moves with the output block for a mismatch, else by the block's
    /// move; the diagnostics are the moved block's annotation findings.
    /// </summary>
    public SnippetResult MovedTo(Snippet now)
    {
        if (Verdict is not Verdict.Failed { Failure: var failure }) return this with { Snippet = now, Diagnostics = now.Annotations };
        var moved = failure is OutputMismatchFailure mismatch && now.OutputLocation is { } output
            ? mismatch with { OutputBlock = output, Location = Moved(mismatch.Location, mismatch.OutputBlock, output) }
            : failure with { Location = Moved(failure.Location, Snippet.Location, now.Location) };
        return this with { Snippet = now, Verdict = new Verdict.Failed(moved), Diagnostics = now.Annotations };
    }

    /// <summary>A place inside a block that moved from <paramref name="from"/> to <paramref name="to"/>, by as many lines.</summary>
    private static SourceLocation Moved(SourceLocation place, SourceLocation from, SourceLocation to) =>
        place with { Line = place.Line - from.Line + to.Line, File = to.File };

    /// <summary>A result with no output and no duration, carrying the snippet's annotation findings as its diagnostics.</summary>
    public static SnippetResult Of(Snippet snippet, Verdict verdict) => new(snippet, verdict, snippet.Annotations, null, TimeSpan.Zero);
}
