using SnippetCheck.Model;

namespace SnippetCheck.Results;

internal sealed record ExitCodeFailure(SourceLocation At, int Expected, int Actual) : Failure(At)
{
    public override FailureReason Reason => FailureReason.ExitCode;
    public override string Code => DiagnosticCodes.ExitCode;
    public override string Message => $"exited with code {Actual}, expected {Expected}";
}
