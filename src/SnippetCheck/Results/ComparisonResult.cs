namespace SnippetCheck.Results;

/// <summary>Whether actual output matched, and if not, a line diff (expected vs actual).</summary>
internal sealed record ComparisonResult(bool Matches, IReadOnlyList<DiffLine> Diff)
{
    internal static readonly ComparisonResult Match = new(true, []);

    /// <summary>The diff as plain text: <c>-</c> expected, <c>+</c> actual, two spaces for common lines.</summary>
    internal string DiffText => string.Join('\n', Diff.Select(d => d.ToString()));
}
