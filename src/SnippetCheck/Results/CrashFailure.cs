using SnippetCheck.Model;

namespace SnippetCheck.Results;

/// <summary>The process died (stack overflow, FailFast, a signal), the program could not be loaded, or the tool failed on it.</summary>
internal sealed record CrashFailure(SourceLocation At, string Description, string? Output, string CrashCode = DiagnosticCodes.Crash) : Failure(At)
{
    public override FailureReason Reason => FailureReason.Crash;
    public override string Code => CrashCode;
    public override string Message => Description;
    public override string? Detail => Output;
}
