using SnippetCheck.Model;

namespace SnippetCheck.Results;

/// <summary>
/// Tagged <c>compile-fail</c>, and it failed, but with an error the tag does not list or on a line the block's comments do
/// not mark as failing: the code beside the line that shows the error no longer compiles as it did.
/// </summary>
internal sealed record UnexpectedErrorFailure(SourceLocation At, string Id, string ErrorMessage, string Why, string Errors) : Failure(At)
{
    public override FailureReason Reason => FailureReason.MissingDiagnostic;
    public override string Code => DiagnosticCodes.MissingDiagnostic;
    public override string Message => $"error {Id} is not one this compile-fail block shows ({Why}): {ErrorMessage}";
    public override string? Detail => Errors;
}
