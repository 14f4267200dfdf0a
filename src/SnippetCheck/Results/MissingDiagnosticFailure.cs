using SnippetCheck.Model;

namespace SnippetCheck.Results;

internal sealed record MissingDiagnosticFailure(SourceLocation At, IReadOnlyList<string> Missing, IReadOnlyList<string> Found, string? Errors)
    : Failure(At)
{
    public override FailureReason Reason => FailureReason.MissingDiagnostic;
    public override string Code => DiagnosticCodes.MissingDiagnostic;
    public override string Message => $"expected {string.Join(", ", Missing)} among the compile errors, but got {string.Join(", ", Found)}";
    public override string? Detail => Errors;
}
