using SnippetCheck.Model;

namespace SnippetCheck.Results;

/// <summary>An unhandled exception it was not tagged to throw; <paramref name="Hint"/> says when the sandbox caused it.</summary>
internal sealed record ExceptionFailure(SourceLocation ThrownAt, string Type, string ExceptionMessage, string? Trace, string? Hint = null)
    : Failure(ThrownAt)
{
    public override FailureReason Reason => FailureReason.Exception;
    public override string Code => DiagnosticCodes.UnexpectedException;
    public override string Message => $"unhandled exception {Type}: {ExceptionMessage}";
    public override string? Detail => WithHint(Trace, Hint);

    internal static string? WithHint(string? text, string? hint) =>
        hint is null ? text : text is null ? "hint: " + hint : text + "\nhint: " + hint;
}
