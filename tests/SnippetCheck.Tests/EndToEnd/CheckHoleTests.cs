using SnippetCheck.Compilation;
using SnippetCheck.Model;
using SnippetCheck.Results;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.EndToEnd;

/// <summary>
/// <c>...</c> placeholders in a <c>check</c> block (issue 42, item 2): a statement, a whole argument list, a value or an
/// initializer's content left out is filled invisibly and listed; what is around it is checked; any other <c>...</c>,
/// and every <c>...</c> at a stronger level, stays a syntax error. In-process, through the real compiler.
/// </summary>
public sealed class CheckHoleTests
{
    private static async Task<SnippetResult> VerifyAsync(string tags, string code)
    {
        var report = await Pipeline.VerifyAsync($"# Holes\n\n<!-- snippetcheck: {tags} name=it -->\n```csharp\n{code}\n```\n", o => o with { CommandLine = new() { Cache = false } });
        return report.Snippets.Single(s => s.Snippet.Tags.Name == "it");
    }

    private const string Fragment = """
        var json = System.Text.Json.JsonSerializer.Serialize(...);
        var options = new System.Text.Json.JsonSerializerOptions { ... };
        services.AddDbContext<AppDbContext>(...);
        int count = ...;
        ...
        Console.WriteLine(json.Length + count);
        """;

    [Fact]
    public async Task Each_supported_hole_is_filled_listed_at_its_dots_and_what_is_around_it_is_checked()
    {
        var result = await VerifyAsync("check", Fragment);

        Assert.Equal(SnippetStatus.Passed, result.Status);
        var holes = Assert.IsType<Verdict.Checked>(result.Verdict).Holes;
        Assert.Equal([(HoleKind.Arguments, 5, 54), (HoleKind.Initializer, 6, 60), (HoleKind.Arguments, 7, 37), (HoleKind.Initializer, 8, 13), (HoleKind.Statement, 9, 1)],
            holes.Select(h => (h.Kind, h.Line, h.Column)));
        Assert.All(holes, h => Assert.Equal("post.md", h.File));
        Assert.Equal("checked (services, AppDbContext not declared in the post; 5 holes left out)", result.Message);
        Assert.DoesNotContain(result.UnknownNames, n => n.Name == Holes.Marker);
    }

    [Fact]
    public async Task A_method_body_left_out_in_a_members_block_owes_no_value()
    {
        const string LeftOut = "public int Total(Order order)\n{\n    ...\n}\n\npublic string Name => ...;";
        var result = await VerifyAsync("check members", LeftOut + "\n\npublic DateTime Created { get; } = DateTime.UtcNow;");

        Assert.Equal(SnippetStatus.Passed, result.Status);
        Assert.Equal(2, Assert.IsType<Verdict.Checked>(result.Verdict).Holes.Count);
        // Alone, only the filler's throw binds: that is the tool's code, not the post's (issue 54).
        Assert.Equal(FailureReason.NothingChecked, (await VerifyAsync("check members", LeftOut)).Reason);
    }

    [Theory]
    [InlineData("renames a method around a hole", "JsonSerializer.Serialize(...)", "JsonSerializer.Serialise(...)", "CS0117")]
    [InlineData("misspells the type an initializer is left out of", "JsonSerializerOptions { ... }", "JsonSerializerOption { ... }", "CS0234")]
    public async Task A_mutant_around_a_hole_fails(string mutation, string from, string to, string id)
    {
        Assert.Contains(from, Fragment, StringComparison.Ordinal);

        var mutant = await VerifyAsync("check", Fragment.Replace(from, to, StringComparison.Ordinal));

        Assert.True((mutant.Status, mutant.Code) == (SnippetStatus.Failed, id), $"{mutation}: {mutant.Status} {mutant.Code} {mutant.Message}");
    }

    // A '...' line between statements, over a declaration (RestSharp's advanced/configuration.md: '// Configure the handler' then
    // '...' then 'var options = new RestClientOptions(Url) { … };'), where C# reads the dots as the declaration's type.
    private const string BeforeADeclaration = """
        var text = System.Text.Json.JsonSerializer.Serialize(order);
        ...
        var options = new System.Text.Json.JsonSerializerOptions { WriteIndented = true };
        ...
        System.Text.Json.JsonSerializerOptions copy = new(options);
        ...
        Console.WriteLine(text.Length + copy.MaxDepth);
        """;

    [Fact]
    public async Task A_dots_line_before_a_declaration_is_a_statement_left_out()
    {
        var result = await VerifyAsync("check", BeforeADeclaration);

        Assert.True(SnippetStatus.Passed == result.Status, $"{result.Status} {result.Code} {result.Message}");
        Assert.Equal([(HoleKind.Statement, 6, 1), (HoleKind.Statement, 8, 1), (HoleKind.Statement, 10, 1)],
            Assert.IsType<Verdict.Checked>(result.Verdict).Holes.Select(h => (h.Kind, h.Line, h.Column)));
        // The C# standard's compile-fail blocks fill statements too: the block's own error is what is left.
        var failing = await VerifyAsync("compile-fail=CS0029", "var options = new System.Text.Json.JsonSerializerOptions();\n...\nint depth = \"deep\";");
        Assert.True(SnippetStatus.Passed == failing.Status, $"{failing.Status} {failing.Code} {failing.Message}");
    }

    [Theory]
    [InlineData("JsonSerializerOptions { WriteIndented", "JsonSerializerOptions { WriteIndentd", "CS0117")]
    [InlineData("copy.MaxDepth", "copy.MaxDepht", "CS1061")]
    [InlineData("System.Text.Json.JsonSerializerOptions copy", "System.Text.Json.JsonSerializerOption copy", "CS0234")]
    public async Task A_mutant_beside_a_dots_line_before_a_declaration_fails(string from, string to, string id)
    {
        Assert.Contains(from, BeforeADeclaration, StringComparison.Ordinal);

        var mutant = await VerifyAsync("check", BeforeADeclaration.Replace(from, to, StringComparison.Ordinal));

        Assert.True((mutant.Status, mutant.Code) == (SnippetStatus.Failed, id), $"{from}: {mutant.Status} {mutant.Code} {mutant.Message}");
    }

    [Theory]
    [InlineData("Console.WriteLine(order, ...);")] // part of an argument list
    [InlineData("var total = order.Total + ...;")] // part of an expression
    public async Task Any_other_dots_stay_a_syntax_error_with_a_hint_that_says_which_are_left_out(string code)
    {
        var result = await VerifyAsync("check", code);

        Assert.Equal((SnippetStatus.Failed, FailureReason.CompileError), (result.Status, result.Reason));
        Assert.Contains("only those are left out", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task At_a_stronger_level_every_dot_stays_a_syntax_error()
    {
        var result = await VerifyAsync("compile", "var json = System.Text.Json.JsonSerializer.Serialize(...);");

        Assert.Equal((SnippetStatus.Failed, FailureReason.CompileError), (result.Status, result.Reason));
        Assert.Contains("tag the block 'check'", result.Detail, StringComparison.Ordinal);
    }
}
