using SnippetCheck.Model;

namespace SnippetCheck.Results;

/// <summary>Compile errors, first by position first, as the compiler lists them; <paramref name="Hint"/> names a well-known cause.</summary>
internal sealed record CompileErrorFailure(IReadOnlyList<Diagnostic> Errors, string? Hint) : Failure(Errors[0].Location)
{
    public override FailureReason Reason => FailureReason.CompileError;
    public override string Code => Errors[0].Id;
    public override string Message => Errors[0].Message + (Errors.Count > 1 ? $" (and {Errors.Count - 1} more)" : "");

    public override string? Detail
    {
        get
        {
            var lines = Errors.Skip(1).Select(e => e.ToCanonicalString()).ToList();
            if (Hint is not null) lines.Add("hint: " + Hint);
            return lines.Count > 0 ? string.Join('\n', lines) : null;
        }
    }
}
