using SnippetCheck.Model;

namespace SnippetCheck.Results;

/// <summary>Tagged <c>compile-fail</c>, but it compiled.</summary>
internal sealed record CompiledFailure(SourceLocation At) : Failure(At)
{
    public override FailureReason Reason => FailureReason.Compiled;
    public override string Code => DiagnosticCodes.UnexpectedCompile;
    public override string Message => "tagged compile-fail, but it compiled without errors";
}
