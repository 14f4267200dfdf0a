using SnippetCheck.Extraction;

namespace SnippetCheck.Tests.Unit.Extraction;

/// <summary>
/// A text's lines (<see cref="LineMap"/>), which every reader and editor does its line arithmetic with: CR, LF and CRLF each
/// end one line, a line's text leaves its ending out, and offsets map to 1-based lines and columns and back.
/// </summary>
public sealed class LineMapTests
{
    [Fact]
    public void Cr_lf_and_crlf_each_end_one_line_and_a_lines_text_leaves_its_ending_out()
    {
        var map = new LineMap("one\r\ntwo\rthree\n\nfive");

        Assert.Equal(5, map.LineCount);
        Assert.Equal(["one", "two", "three", "", "five"], Enumerable.Range(1, 5).Select(map.Text));
        Assert.Equal("", map.Text(6));
        Assert.Equal(5, map.LineStart(2));
        Assert.Equal(3, map.ContentEnd(1));
        Assert.Equal(9, map.NextLineStart(2));
        Assert.Equal(map.ContentEnd(5), map.NextLineStart(5));
    }

    [Theory]
    [InlineData(0, 1, 1)]
    [InlineData(4, 1, 5)]
    [InlineData(5, 2, 1)]
    [InlineData(11, 3, 3)]
    public void An_offset_is_a_line_and_a_column_both_from_one(int offset, int line, int column) =>
        Assert.Equal((line, column), new LineMap("one\r\ntwo\rthree\n").Locate(offset));

    [Fact]
    public void A_text_ending_in_a_line_break_has_an_empty_last_line()
    {
        var map = new LineMap("a\n");

        Assert.Equal(2, map.LineCount);
        Assert.Equal("", map.Text(2));
        Assert.Equal(2, map.NextLineStart(2));
    }
}
