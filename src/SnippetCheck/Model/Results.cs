using SnippetCheck.Markdown;
using SnippetCheck.Snippets;

namespace SnippetCheck.Model;

/// <summary>A snippet's verdict (the JSON report's <c>status</c>, docs/ci.md "Reports").</summary>
public enum SnippetStatus { Passed, Failed, Ignored, Untagged, Skipped }

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
/// <param name="Diagnostics">The block's annotation findings and the compiler's diagnostics.</param>
public sealed record SnippetResult(
    Snippet Snippet,
    Verdict Verdict,
    IReadOnlyList<Diagnostic> Diagnostics,
    string? ActualOutput,
    TimeSpan Duration,
    bool Cached = false)
{
    public SnippetStatus Status => Verdict.Status;
    public FailureReason? Reason => (Verdict as Verdict.Failed)?.Failure.Reason;

    /// <summary>The reason word in reports: a failure's, or why a block was ignored (<c>empty</c>).</summary>
    public string? ReasonWord => Reason?.ToWord() ?? (Verdict as Verdict.Ignored)?.ReasonWord;

    /// <summary>The code its failure is reported with: a compiler ID (CS0103) or one of ours (SC2001).</summary>
    public string? Code => (Verdict as Verdict.Failed)?.Failure.Code;
    public string? Message => Verdict.Message;

    /// <summary>Where the failure points: the first compile error, the throwing line, the output block, or the fence.</summary>
    public SourceLocation FailureLocation => (Verdict as Verdict.Failed)?.Failure.Location ?? Snippet.Location;

    /// <summary>More lines for the console: a diff, a stack trace, compiler errors.</summary>
    public string? Detail => (Verdict as Verdict.Failed)?.Failure.Detail;

    public SourceLocation Location => Snippet.Location;
    public SnippetKind Kind => Snippet.Kind;
    public string? ExpectedOutput => Snippet.Output?.Text;

    /// <summary>
    /// An ignored block's stale-tag finding (SC1019 or SC1020), listed among its diagnostics: a warning, or an error
    /// under <c>"stale": "error"</c>. Null for every other block.
    /// </summary>
    public Diagnostic? StaleFinding => Diagnostics.FirstOrDefault(d => d.Id is DiagnosticCodes.IgnoredCompiles or DiagnosticCodes.IgnoredPasses);

    /// <summary>True for an ignored block whose tag looks stale (the JSON report's <c>"stale"</c>).</summary>
    public bool Stale => StaleFinding is not null;

    public static SnippetResult Of(Snippet snippet, Verdict verdict) => new(snippet, verdict, snippet.Annotations, null, TimeSpan.Zero);
}

/// <summary>A problem not tied to one snippet: an orphan output block, bad front matter, an unreadable file.</summary>
public sealed record FileError(string File, int Line, int Column, string Code, string Message)
{
    public static FileError From(Diagnostic diagnostic) =>
        new(diagnostic.Location.File, diagnostic.Location.Line, diagnostic.Location.Column, diagnostic.Id, diagnostic.Message);
}

/// <summary>Everything a run found.</summary>
public sealed record VerificationReport(int FileCount, IReadOnlyList<SnippetResult> Snippets, IReadOnlyList<FileError> Errors, TimeSpan Duration)
{
    public int Blocks => Snippets.Count;
    public int Passed => Count(SnippetStatus.Passed);
    public int Failed => Count(SnippetStatus.Failed);
    public int Ignored => Count(SnippetStatus.Ignored);
    public int Untagged => Count(SnippetStatus.Untagged);
    public int Skipped => Count(SnippetStatus.Skipped);
    public int Cached => Snippets.Count(s => s.Cached);

    /// <summary>The files as their readers found them for this run: front matter, comments and blocks.</summary>
    public IReadOnlyList<ExtractedDocument> Sources { get; init; } = [];

    /// <summary>The files as they were read for this run; <c>--accept</c> rewrites them only if they are still the same.</summary>
    public IReadOnlyList<SourceDocument> Documents => [.. Sources.Select(s => s.Document)];

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

    /// <summary>True when the run fails for verifying nothing under <see cref="RequireVerified"/>.</summary>
    public bool FailsForNothingVerified => RequireVerified && NothingVerified;

    /// <summary>True when every verified snippet passed and no file had an error.</summary>
    public bool Succeeded => Failed == 0 && Errors.Count == 0 && !FailsForNothingVerified && StaleErrors == 0;

    /// <summary>Ignored blocks whose tag looks stale (SC1019, SC1020); their verdict stays ignored.</summary>
    public int Stale => Snippets.Count(s => s.Stale);

    /// <summary>Stale-tag findings that are errors (<c>"stale": "error"</c>): each fails the run.</summary>
    public int StaleErrors => Snippets.Count(s => s.StaleFinding is { IsError: true });

    private int Count(SnippetStatus status) => Snippets.Count(s => s.Status == status);
}

/// <summary>
/// The confinement runners were under (SECURITY.md): reported by <c>-v</c> and as the JSON report's <c>"sandbox"</c>.
/// </summary>
/// <param name="LandlockAbi">The Landlock ABI in force; 0 when Landlock was not used.</param>
/// <param name="Filesystem">Snippets read only the runtime, system libraries and their packages, and write only their own folders.</param>
/// <param name="Network">TCP connect and bind are denied (snippets tagged <c>network</c> excepted).</param>
/// <param name="Signals">Snippets cannot signal processes outside their runner (Landlock ABI 6, or a PID namespace).</param>
/// <param name="PidNamespace">Each runner has a PID namespace of its own: whatever a snippet starts dies with it.</param>
/// <param name="ProcessLimit">The RLIMIT_NPROC of each runner; 0 when none applies.</param>
/// <param name="Note">Why the sandbox is off, or what it lacks.</param>
public sealed record SandboxReport(bool Enabled, int LandlockAbi, bool Filesystem, bool Network, bool Signals, bool PidNamespace, int ProcessLimit, string? Note)
{
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
