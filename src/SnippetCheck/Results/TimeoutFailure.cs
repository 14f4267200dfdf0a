using SnippetCheck.Model;

namespace SnippetCheck.Results;

internal sealed record TimeoutFailure(SourceLocation At, string Description) : Failure(At)
{
    public override FailureReason Reason => FailureReason.Timeout;
    public override string Code => DiagnosticCodes.Timeout;
    public override string Message => Description;
}
