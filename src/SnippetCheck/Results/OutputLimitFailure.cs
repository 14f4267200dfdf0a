using SnippetCheck.Model;

namespace SnippetCheck.Results;

internal sealed record OutputLimitFailure(SourceLocation At) : Failure(At)
{
    public override FailureReason Reason => FailureReason.OutputLimit;
    public override string Code => DiagnosticCodes.OutputLimit;
    public override string Message => "printed more than 1 MiB of output; stopped";
}
