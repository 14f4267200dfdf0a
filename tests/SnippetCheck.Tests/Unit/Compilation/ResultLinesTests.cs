using SnippetCheck.Compilation;
using SnippetCheck.Extraction;

namespace SnippetCheck.Tests.Unit.Compilation;

/// <summary>
/// Blocks tagged <c>results</c> (docs/authoring.md#result-lines): which lines read as <c>EXPRESSION => VALUE</c>, and
/// that the check written on such a line keeps every character of the author's at its column.
/// </summary>
public sealed class ResultLinesTests
{
    private static readonly Microsoft.CodeAnalysis.CSharp.CSharpParseOptions Options = new CompileSettings().ParseOptions;

    private static IReadOnlyList<CodeLine> Lines(params string[] texts) => [.. texts.Select((t, i) => new CodeLine(t, 10 + i, 3))];

    [Theory]
    [InlineData("\"HTML\".Humanize() => \"HTML\"")]
    [InlineData("list.Max() => 3")]
    [InlineData("size => \"many\"")]
    [InlineData("(1 + 1) => 2 // a comment")]
    [InlineData("TimeSpan.FromDays(1).Humanize(precision: 2) => \"1 day\"")]
    [InlineData("new[] { 1, 2 }.Length => 2")]
    public void A_line_with_an_expression_on_each_side_of_one_arrow_is_a_result_line(string line) =>
        Assert.True(ResultLines.Any(Lines(line), Options));

    [Theory]
    [InlineData("list.Select(x => x * 2);")]                        // the arrow is inside brackets
    [InlineData("public int Twice(int x) => x * 2;")]               // an expression-bodied member
    [InlineData("Func<int, int> twice = x => x * 2;")]              // not an expression on the left
    [InlineData("\"a\".Humanize() => \"b\";")]                      // a statement: the value is not a whole expression
    [InlineData("// \"a\".Humanize() => \"b\"")]                    // a comment
    [InlineData("a => b => c")]                                     // two arrows
    [InlineData("=> 5;")]                                           // nothing on the left
    public void Other_lines_are_not(string line) =>
        Assert.False(ResultLines.Any(Lines(line), Options));

    [Fact]
    public void Only_a_line_that_starts_a_statement_is_read_so_and_the_last_arm_of_a_switch_expression_stays_csharp()
    {
        var lines = Lines("var size = 3 switch", "{", "    1 => \"one\",", "    _ => \"many\"", "};", "size => \"many\"", "size.Length => 4");

        var rewritten = ResultLines.Rewrite(lines, "post.md", Options);

        Assert.Equal(lines.Take(5), rewritten.Take(5));
        Assert.All(rewritten.Skip(5), line => Assert.StartsWith("{ var __result = (", line.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void The_check_keeps_each_character_of_the_line_at_its_column_and_its_comment_after_the_check()
    {
        var line = new CodeLine("\"abc\".Length => 3 // three", 7, 3);

        var check = ResultLines.Rewrite([line], "post.md", Options).Single();

        Assert.Equal((7, 3), (check.Line, check.Column));
        Assert.StartsWith("{ var __result = (\"abc\".Length ,  3); static bool __same(", check.Text, StringComparison.Ordinal);
        Assert.EndsWith("} }  // three", check.Text, StringComparison.Ordinal);
        Assert.Contains("\"post.md(7,16)\"", check.Text, StringComparison.Ordinal);
        // Every character of the author's maps to its own column; the check's own text to the columns beside them.
        var opened = "{ var __result = (".Length;
        Assert.Equal(Enumerable.Range(3, 17), Enumerable.Range(opened, 17).Select(check.ColumnAt));
        Assert.Equal(3, check.ColumnAt(0));
        var comment = check.Text.IndexOf("// three", StringComparison.Ordinal);
        Assert.Equal(Enumerable.Range(21, 8), Enumerable.Range(comment, 8).Select(check.ColumnAt));
    }
}
