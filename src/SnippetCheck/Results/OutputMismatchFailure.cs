using SnippetCheck.Model;

namespace SnippetCheck.Results;

/// <summary>The output differed from the output block; it moves with the output block (<see cref="SnippetResult.MovedTo"/>).</summary>
/// <param name="OutputBlock">The output block that was compared.</param>
/// <param name="Diff">The line diff, <c>-</c> expected and <c>+</c> actual.</param>
internal sealed record OutputMismatchFailure(SourceLocation OutputBlock, string Diff) : Failure(OutputBlock)
{
    /// <inheritdoc/>
    public override FailureReason Reason => FailureReason.OutputMismatch;
    /// <inheritdoc/>
    public override string Code => DiagnosticCodes.OutputMismatch;
    /// <inheritdoc/>
    public override string Message => $"output differs from the output block at line {OutputBlock.Line}";
    /// <inheritdoc/>
    public override string Detail => Hint is null ? Diff : Diff + "\nhint: " + Hint;

    /// <summary>What probably went wrong, when a well-known slip explains the whole difference (an unordered block, a scrubber).</summary>
    internal string? Hint { get; init; }
}
