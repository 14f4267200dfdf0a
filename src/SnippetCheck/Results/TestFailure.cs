using SnippetCheck.Model;

namespace SnippetCheck.Results;

/// <summary>
/// A test method failed, with its framework's own message (<paramref name="TestMessage"/>); <paramref name="Trace"/> is its
/// stack, in the post's lines.
/// </summary>
internal sealed record TestFailure(SourceLocation At, string Test, string TestMessage, string? Trace, int Others) : Failure(At)
{
    public override FailureReason Reason => FailureReason.TestFailed;
    public override string Code => DiagnosticCodes.TestFailed;

    public override string Message =>
        $"test {Test} failed: {string.Join("; ", TestMessage.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0))}" +
        (Others > 0 ? $" (and {Others} more failed)" : "");

    public override string? Detail => ExceptionFailure.WithHint(Trace is null ? TestMessage.TrimEnd() : TestMessage.TrimEnd() + "\n" + Trace, Hint);

    /// <summary>A well-known cause, when the test's failure shows one (a type a mocking library cannot see).</summary>
    public string? Hint { get; init; }
}
