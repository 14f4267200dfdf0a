using SnippetCheck.Model;

namespace SnippetCheck.Results;

internal sealed record WrongExceptionFailure(
    SourceLocation ThrownAt, string Expected, string Type, string ExceptionMessage, string? Trace, string? Hint = null) : Failure(ThrownAt)
{
    public override FailureReason Reason => FailureReason.WrongException;
    public override string Code => DiagnosticCodes.WrongException;
    public override string Message => $"expected {Expected}, but it threw {Type}: {ExceptionMessage}";
    public override string? Detail => ExceptionFailure.WithHint(Trace, Hint);
}
