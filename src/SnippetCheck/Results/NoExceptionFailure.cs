using SnippetCheck.Model;

namespace SnippetCheck.Results;

internal sealed record NoExceptionFailure(SourceLocation At, string? Expected, int? ExitCode) : Failure(At)
{
    public override FailureReason Reason => FailureReason.NoException;
    public override string Code => DiagnosticCodes.NoException;
    public override string Message => ExitCode is { } code
        ? $"expected an unhandled {Expected ?? "exception"}, but it ended normally (exit code {code})"
        : $"expected an unhandled {Expected ?? "exception"}, but the block ran to its end";
}
