using SnippetCheck.Results;
using SnippetCheck.Extraction.Snippets;

namespace SnippetCheck.Tests.Unit.Results;

public sealed class OutputComparerTests
{
    [Theory]
    [InlineData("a\nb", "a\nb\n")]
    [InlineData("a\r\nb", "a\nb")]
    [InlineData("\n\na  \nb", "a\nb\n\n")]
    [InlineData("", "\n\n")]
    public void Line_endings_trailing_space_and_outer_blank_lines_do_not_matter(string expected, string actual)
    {
        Assert.True(OutputComparer.Compare(expected, actual, OutputMatchMode.Exact).Matches);
    }

    [Theory]
    [InlineData("a\nb", "a\n b")]
    [InlineData("a\n\nb", "a\nb")]
    [InlineData("A", "a")]
    public void Otherwise_matching_is_exact(string expected, string actual)
    {
        Assert.False(OutputComparer.Compare(expected, actual, OutputMatchMode.Exact).Matches);
    }

    [Theory]
    [InlineData("start\n...\nend", "start\nend", true)]
    [InlineData("start\n...\nend", "start\n1\n2\nend", true)]
    [InlineData("took ... ms", "took 12.5 ms", true)]
    [InlineData("took ... ms", "took 12.5 s", false)]
    [InlineData("start\n...\nend", "start\n1\nfinish", false)]
    [InlineData("a.b", "axb", false)]
    public void Ellipsis_matches_lines_or_characters(string expected, string actual, bool matches)
    {
        Assert.Equal(matches, OutputComparer.Compare(expected, actual, OutputMatchMode.Ellipsis).Matches);
    }

    [Fact]
    public void Unordered_needs_the_same_lines_in_any_order_with_repeats_counted()
    {
        Assert.True(OutputComparer.Compare("b\na\na", "a\nb\na", OutputMatchMode.Unordered).Matches);
        Assert.False(OutputComparer.Compare("b\na", "a\nb\na", OutputMatchMode.Unordered).Matches);
    }

    [Fact]
    public void A_mismatch_comes_with_a_line_diff()
    {
        var result = OutputComparer.Compare("sum = 385\ndone", "sum = 384\ndone", OutputMatchMode.Exact);
        Assert.Equal("- sum = 385\n+ sum = 384\n  done", result.DiffText);
    }
}
