using SnippetCheck.Markdown;
using SnippetCheck.Snippets;

namespace SnippetCheck.Model;

/// <summary>A snippet's verdict (the JSON report's <c>status</c>, docs/ci.md "Reports").</summary>
public enum SnippetStatus
{
    /// <summary>Verified, and it did what its tags say.</summary>
    Passed,

    /// <summary>Verified, and it did not (<see cref="FailureReason"/> says how).</summary>
    Failed,

    /// <summary>Tagged <c>ignore</c>, or empty: never verified.</summary>
    Ignored,

    /// <summary>An untagged C# block in a run without <c>--all</c>: counted, not verified.</summary>
    Untagged,

    /// <summary>Not verified for a reason outside the block: front matter, a broken session, a compile-only run.</summary>
    Skipped,
}

/// <summary>Why a snippet failed (the JSON report's <c>reason</c>, docs/ci.md "Reports"); a closed set, one word each in reports.</summary>
public enum FailureReason
{
    /// <summary>It should compile but has errors.</summary>
    CompileError,

    /// <summary>Its stdout differs from its output block.</summary>
    OutputMismatch,

    /// <summary>It exited with another code than 0 or <c>exit=N</c>.</summary>
    ExitCode,

    /// <summary>It ended with an unhandled exception it was not tagged to throw.</summary>
    Exception,

    /// <summary>It was tagged <c>throws</c> but ended normally.</summary>
    NoException,

    /// <summary>It threw, but not the exception type its <c>throws=</c> names.</summary>
    WrongException,

    /// <summary>It was tagged <c>compile-fail</c> but compiled.</summary>
    Compiled,

    /// <summary>It failed to compile, but without every error ID its <c>compile-fail=</c> lists.</summary>
    MissingDiagnostic,

    /// <summary>It ran past its timeout.</summary>
    Timeout,

    /// <summary>Its process died: stack overflow, <c>Environment.FailFast</c>, a signal.</summary>
    Crash,

    /// <summary>It printed more than 1 MiB.</summary>
    OutputLimit,

    /// <summary>Its tags are wrong (a misspelt tag, a bad value, two kinds, ...).</summary>
    Annotation,

    /// <summary>A package it needs could not be restored.</summary>
    Package,
}

internal static class ReportWords
{
    public static string ToWord(this SnippetStatus status) => status.ToString().ToLowerInvariant();

    public static string ToWord(this FailureReason reason) => reason switch
    {
        FailureReason.CompileError => "compile-error",
        FailureReason.OutputMismatch => "output-mismatch",
        FailureReason.ExitCode => "exit-code",
        FailureReason.Exception => "exception",
        FailureReason.NoException => "no-exception",
        FailureReason.WrongException => "wrong-exception",
        FailureReason.Compiled => "compiled",
        FailureReason.MissingDiagnostic => "missing-diagnostic",
        FailureReason.Timeout => "timeout",
        FailureReason.Crash => "crash",
        FailureReason.OutputLimit => "output-limit",
        FailureReason.Annotation => "annotation",
        FailureReason.Package => "package",
        _ => throw new ArgumentOutOfRangeException(nameof(reason)),
    };
}

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
    public SnippetStatus Status => Verdict.Status;

    /// <summary>Why it failed; null unless <see cref="Status"/> is <see cref="SnippetStatus.Failed"/>.</summary>
    public FailureReason? Reason => (Verdict as Verdict.Failed)?.Failure.Reason;

    /// <summary>The reason word in reports: a failure's, or why a block was ignored (<c>empty</c>).</summary>
    public string? ReasonWord => Reason?.ToWord() ?? (Verdict as Verdict.Ignored)?.ReasonWord;

    /// <summary>The code its failure is reported with: a compiler ID (CS0103) or one of ours (SC2001).</summary>
    public string? Code => (Verdict as Verdict.Failed)?.Failure.Code;

    /// <summary>
    /// The one line a report shows beside the verdict: a failure's message, why a block was ignored or skipped, or a pass's
    /// note. In a framework matrix a failure names where it failed first (<see cref="FrameworkNote"/>).
    /// </summary>
    public string? Message => FrameworkNote is { } note ? $"{note}: {Verdict.Message}" : Verdict.Message;

    /// <summary>
    /// In a run over a framework matrix, the block's verdict on each framework of the run, oldest first; a null result
    /// where the block does not apply (its <c>frameworks=</c> tag or a <c>#:property TargetFramework</c> leaves it out).
    /// Null in a run on the tool's framework alone. <see cref="Verdict"/> is then the first failing framework's, else a pass.
    /// </summary>
    public IReadOnlyList<FrameworkVerdict>? Frameworks { get; init; }

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
            return $"on {string.Join(", ", failed.Select(f => f.Framework.Moniker))}" + (passed.Count > 0 ? $" (passes on {string.Join(", ", passed)})" : "");
        }
    }

    /// <summary>Where the failure points: the first compile error, the throwing line, the output block, or the fence.</summary>
    public SourceLocation FailureLocation => (Verdict as Verdict.Failed)?.Failure.Location ?? Snippet.Location;

    /// <summary>More lines for the console: a diff, a stack trace, compiler errors.</summary>
    public string? Detail => (Verdict as Verdict.Failed)?.Failure.Detail;

    /// <summary>Where the block's opening fence stands.</summary>
    public SourceLocation Location => Snippet.Location;

    /// <summary>What the block was verified as (<c>run</c>, <c>compile</c>, ...).</summary>
    public SnippetKind Kind => Snippet.Kind;

    /// <summary>The text of the block's output block, to compare with <see cref="ActualOutput"/>; null without one.</summary>
    public string? ExpectedOutput => Snippet.Output?.Text;

    /// <summary>
    /// An ignored block's stale-tag finding (SC1019 or SC1020), listed among its diagnostics: a warning, or an error
    /// under <c>"stale": "error"</c>. Null for every other block.
    /// </summary>
    public Diagnostic? StaleFinding => Diagnostics.FirstOrDefault(d => d.Id is DiagnosticCodes.IgnoredCompiles or DiagnosticCodes.IgnoredPasses);

    /// <summary>True for an ignored block whose tag looks stale (the JSON report's <c>"stale"</c>).</summary>
    public bool Stale => StaleFinding is not null;

    /// <summary>A result with no output and no duration, carrying the snippet's annotation findings as its diagnostics.</summary>
    public static SnippetResult Of(Snippet snippet, Verdict verdict) => new(snippet, verdict, snippet.Annotations, null, TimeSpan.Zero);
}

/// <summary>A block's verdict on one framework of a matrix; <paramref name="Result"/> is null where the block does not apply.</summary>
public sealed record FrameworkVerdict(TargetFramework Framework, SnippetResult? Result)
{
    /// <summary>The JSON report's word: the verdict's status, or <c>not-applicable</c>.</summary>
    public string StatusWord => Result?.Status.ToWord() ?? "not-applicable";
}

/// <summary>A problem not tied to one snippet: an orphan output block, bad front matter, an unreadable file.</summary>
/// <param name="File">The file as shown to the user (see <see cref="SourceLocation.File"/>).</param>
/// <param name="Line">1-based line of the problem.</param>
/// <param name="Column">1-based column of the problem.</param>
/// <param name="Code">The tool's code for it (<c>SC1007</c>, <c>SC3002</c>, ...).</param>
/// <param name="Message">What is wrong, in one line.</param>
public sealed record FileError(string File, int Line, int Column, string Code, string Message)
{
    /// <summary>The file error a file-level finding is reported as.</summary>
    public static FileError From(Diagnostic diagnostic) =>
        new(diagnostic.Location.File, diagnostic.Location.Line, diagnostic.Location.Column, diagnostic.Id, diagnostic.Message);
}

/// <summary>Everything a run found.</summary>
/// <param name="FileCount">The files the run covered (for a <c>--filter</c> run, those with a matching snippet).</param>
/// <param name="Snippets">Every C# block's result, in file and line order.</param>
/// <param name="Errors">Problems with files rather than snippets; any fails the run.</param>
/// <param name="Duration">How long the run took.</param>
public sealed record VerificationReport(int FileCount, IReadOnlyList<SnippetResult> Snippets, IReadOnlyList<FileError> Errors, TimeSpan Duration)
{
    /// <summary>C# blocks the run saw, whatever their verdict.</summary>
    public int Blocks => Snippets.Count;

    /// <summary>Snippets that passed.</summary>
    public int Passed => Count(SnippetStatus.Passed);

    /// <summary>Snippets that failed; any fails the run.</summary>
    public int Failed => Count(SnippetStatus.Failed);

    /// <summary>Blocks tagged <c>ignore</c> or empty.</summary>
    public int Ignored => Count(SnippetStatus.Ignored);

    /// <summary>Untagged blocks left unverified (no <c>--all</c>).</summary>
    public int Untagged => Count(SnippetStatus.Untagged);

    /// <summary>Blocks not verified for a reason outside them.</summary>
    public int Skipped => Count(SnippetStatus.Skipped);

    /// <summary>Results taken from the result cache instead of compiled and run again.</summary>
    public int Cached => Snippets.Count(s => s.Cached);

    /// <summary>The files as their readers found them for this run: front matter, comments and blocks.</summary>
    internal IReadOnlyList<ExtractedDocument> Sources { get; init; } = [];

    /// <summary>The files as they were read for this run; <c>--accept</c> rewrites them only if they are still the same.</summary>
    internal IReadOnlyList<SourceDocument> Documents => [.. Sources.Select(s => s.Document)];

    /// <summary>The frameworks the run verified on, oldest first: the tool's own unless a matrix names others.</summary>
    public IReadOnlyList<TargetFramework> Frameworks { get; init; } = [TargetFramework.Tool];

    /// <summary>True when the run covered another framework than the tool's alone: reports then give verdicts per framework.</summary>
    public bool IsMatrix => Frameworks.Count > 1 || !Frameworks[0].IsTool;

    /// <summary>Warnings about a file rather than a snippet: C# blocks in highlight tags, which are not verified (SC1018).</summary>
    public IReadOnlyList<Diagnostic> Warnings { get; init; } = [];

    /// <summary>The confinement runners were under; null when the report was not made by a run (tests, merges).</summary>
    public SandboxReport? Sandbox { get; init; }

    /// <summary>
    /// <c>--require-verified</c> or <c>"requireVerified": true</c>: a run that verified nothing fails (SC3010).
    /// </summary>
    public bool RequireVerified { get; init; }

    /// <summary>True when no snippet was verified: none passed and none failed (every block untagged, ignored or skipped).</summary>
    public bool NothingVerified => Passed == 0 && Failed == 0;

    /// <summary>Blocks this run verified: the ones that passed or failed.</summary>
    public int Verified => Passed + Failed;

    /// <summary>The percentage of the run's C# blocks it verified; 100 when it has none.</summary>
    public double Coverage => Blocks == 0 ? 100 : 100.0 * Verified / Blocks;

    /// <summary><c>--min-coverage</c> or <c>"minCoverage"</c>: the least <see cref="Coverage"/> a passing run has; null for none.</summary>
    public double? MinCoverage { get; init; }

    /// <summary>True when the run fails for verifying less than <see cref="MinCoverage"/> of its blocks (SC3013).</summary>
    public bool FailsForCoverage => MinCoverage is { } minimum && Coverage < minimum;

    /// <summary>True when the run fails for verifying nothing under <see cref="RequireVerified"/>.</summary>
    public bool FailsForNothingVerified => RequireVerified && NothingVerified;

    /// <summary>True when every verified snippet passed and no file had an error.</summary>
    public bool Succeeded => Failed == 0 && Errors.Count == 0 && !FailsForNothingVerified && !FailsForCoverage && StaleErrors == 0;

    /// <summary>Ignored blocks whose tag looks stale (SC1019, SC1020); their verdict stays ignored.</summary>
    public int Stale => Snippets.Count(s => s.Stale);

    /// <summary>Stale-tag findings that are errors (<c>"stale": "error"</c>): each fails the run.</summary>
    public int StaleErrors => Snippets.Count(s => s.StaleFinding is { IsError: true });

    private int Count(SnippetStatus status) => Snippets.Count(s => s.Status == status);
}

/// <summary>
/// The confinement runners were under (SECURITY.md): reported by <c>-v</c> and as the JSON report's <c>"sandbox"</c>.
/// </summary>
/// <param name="Enabled">False when runners ran snippets unconfined: turned off, or they could not confine themselves (<paramref name="Note"/> says which).</param>
/// <param name="LandlockAbi">The Landlock ABI in force; 0 when Landlock was not used.</param>
/// <param name="Filesystem">Snippets read only the runtime, system libraries and their packages, and write only their own folders.</param>
/// <param name="Network">TCP connect and bind are denied (snippets tagged <c>network</c> excepted).</param>
/// <param name="Signals">Snippets cannot signal processes outside their runner (Landlock ABI 6, or a PID namespace).</param>
/// <param name="PidNamespace">Each runner has a PID namespace of its own: whatever a snippet starts dies with it.</param>
/// <param name="ProcessLimit">The RLIMIT_NPROC of each runner; 0 when none applies.</param>
/// <param name="Note">Why the sandbox is off, or what it lacks.</param>
public sealed record SandboxReport(bool Enabled, int LandlockAbi, bool Filesystem, bool Network, bool Signals, bool PidNamespace, int ProcessLimit, string? Note)
{
    /// <summary>The report of a run whose runners were not confined, and why.</summary>
    public static SandboxReport Disabled(string reason) => new(false, 0, false, false, false, false, 0, reason);

    /// <summary>One line: what was confined, or why nothing was.</summary>
    public string Describe()
    {
        if (!Enabled) return $"sandbox: off: {Note}";
        var parts = new List<string>
        {
            LandlockAbi > 0 ? $"Landlock ABI {LandlockAbi}" : "no Landlock",
            Filesystem ? "filesystem confined" : "filesystem NOT confined",
            Network ? "no network" : "network NOT blocked",
            Signals ? "signals scoped" : "signals NOT scoped",
            PidNamespace ? "PID namespace" : "process group only (no PID namespace)",
        };
        if (ProcessLimit > 0) parts.Add($"at most {ProcessLimit} processes");
        if (Note is not null) parts.Add(Note);
        return "sandbox: " + string.Join(", ", parts);
    }
}
