using SnippetCheck.Model;

namespace SnippetCheck.Results;

/// <summary>
/// The words reports and editors write for levels, statuses and failure reasons: the one home of failure words (a report's
/// <c>compile-error</c>, an editor's <c>does not compile (CS0103)</c>).
/// </summary>
internal static class ReportWords
{
    /// <summary>The level as reports write it (<c>run</c>, <c>compile</c>, <c>check</c>).</summary>
    internal static string ToWord(this VerificationLevel level) => level.ToString().ToLowerInvariant();

    /// <summary>The status as reports write it (<c>passed</c>, <c>failed</c>…).</summary>
    public static string ToWord(this SnippetStatus status) => status.ToString().ToLowerInvariant();

    /// <summary>The reason as reports write it (<c>compile-error</c>, <c>output-mismatch</c>…).</summary>
    public static string ToWord(this FailureReason reason) => WordsOf(reason).Word;

    /// <summary>
    /// The failure in the few words an editor's code lens shows (<c>output differs</c>, <c>does not compile (CS0103)</c>): the
    /// reason's short form, else its report word.
    /// </summary>
    internal static string Brief(FailureReason reason, string code) => WordsOf(reason) switch
    {
        (_, { } brief, true) => $"{brief} ({code})",
        (_, { } brief, false) => brief,
        (var word, null, _) => word,
    };

    /// <summary>
    /// One row per reason: the word reports write, and the shorter form an editor shows where it has one (with the failure's
    /// code after it when <c>Coded</c>).
    /// </summary>
    private static (string Word, string? Brief, bool Coded) WordsOf(FailureReason reason) => reason switch
    {
        FailureReason.CompileError => ("compile-error", "does not compile", true),
        FailureReason.OutputMismatch => ("output-mismatch", "output differs", false),
        FailureReason.ExitCode => ("exit-code", null, false),
        FailureReason.Exception => ("exception", null, false),
        FailureReason.NoException => ("no-exception", null, false),
        FailureReason.WrongException => ("wrong-exception", null, false),
        FailureReason.Compiled => ("compiled", null, false),
        FailureReason.MissingDiagnostic => ("missing-diagnostic", null, false),
        FailureReason.Timeout => ("timeout", "timed out", false),
        FailureReason.Crash => ("crash", null, false),
        FailureReason.OutputLimit => ("output-limit", null, false),
        FailureReason.Annotation => ("annotation", "tag error", true),
        FailureReason.Package => ("package", null, false),
        FailureReason.PinNotServed => ("pin-not-served", null, false),
        FailureReason.NothingChecked => ("nothing-checked", null, false),
        FailureReason.TestFailed => ("test-failed", null, false),
        _ => throw new ArgumentOutOfRangeException(nameof(reason)),
    };
}
