using SnippetCheck.Model;

namespace SnippetCheck.Results;

/// <summary>The words reports write for levels, statuses and failure reasons.</summary>
internal static class ReportWords
{
    /// <summary>The level as reports write it (<c>run</c>, <c>compile</c>, <c>check</c>).</summary>
    internal static string ToWord(this VerificationLevel level) => level.ToString().ToLowerInvariant();

    /// <summary>The status as reports write it (<c>passed</c>, <c>failed</c>…).</summary>
    public static string ToWord(this SnippetStatus status) => status.ToString().ToLowerInvariant();

    /// <summary>The reason as reports write it (<c>compile-error</c>, <c>output-mismatch</c>…).</summary>
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
        FailureReason.PinNotServed => "pin-not-served",
        FailureReason.NothingChecked => "nothing-checked",
        FailureReason.TestFailed => "test-failed",
        _ => throw new ArgumentOutOfRangeException(nameof(reason)),
    };
}
