using SnippetCheck.Adoption.Rot;
using SnippetCheck.Extraction;

namespace SnippetCheck.Tests.Unit.Extraction.DocComments;

/// <summary>
/// Issue 44, item 2: the prose claims after a doc-comment example that <c>adopt</c> reads hidden result checks from. The
/// hidden checks verified (result lines, hidden output) are the CLI's: Cli/HiddenCheckTests.
/// </summary>
public sealed class HiddenCheckTests
{
    [Theory]
    [InlineData("The <c>result</c> variable, when iterated over, will yield 1, 3, 6 and 10, in turn.", "result => new[] { 1, 3, 6, 10 }")]
    [InlineData("The <c>result</c> variable, when iterated over, will yield 123, 456, 789 and two zeroes.", "result => new[] { 123, 456, 789, 0, 0 }")]
    [InlineData("The <c>words</c> list holds \"ab\", \"cd\" and \"ef\".", "words => new[] { \"ab\", \"cd\", \"ef\" }")]
    [InlineData("The result variable contains -1 and 2", "result => new[] { -1, 2 }")]
    [InlineData("The <c>result</c> variable will yield 1 and \"a\".", null)]
    [InlineData("The <c>result</c> variable will yield 42.", null)]
    [InlineData("The <c>result</c> variable will yield the squares.", null)]
    [InlineData("Returns 1, 2 and 3.", null)]
    public void The_prose_after_an_example_is_read_as_a_claim_only_when_it_states_a_list_of_one_kind(string prose, string? check)
    {
        var text = $"/// <example>\n/// <code>\n/// var x = 1;\n/// </code>\n/// {prose}\n/// </example>\npublic class C {{ }}\n";
        var document = SourceDocument.FromText("/t/C.cs", "C.cs", text);
        var block = SnippetCheck.Extraction.Snippets.SnippetReader.Read(SnippetCheck.Extraction.Snippets.DocumentExtractor.Extract(document)).Snippets.Single().Block;

        var claim = ProseClaims.After(block, document).SingleOrDefault();

        Assert.Equal(check, claim?.Check);
        if (claim is not null) Assert.Equal((5, 5), (claim.Location.Line, claim.Location.Column));
    }

    [Theory]
    [InlineData("<c>prescan</c> will yield <c>{ 0, 1, 3, 6 }</c>, while <c>scan</c> and <c>result</c> will both yield <c>{ 1, 3, 6, 10 }</c>.",
        "prescan => new[] { 0, 1, 3, 6 }|scan => new[] { 1, 3, 6, 10 }|result => new[] { 1, 3, 6, 10 }")]
    [InlineData("`first`, `second` and `third` all return `[1, 2]`", "first => new[] { 1, 2 }|second => new[] { 1, 2 }|third => new[] { 1, 2 }")]
    [InlineData("<c>scan</c> will yield <c>the running sums</c>.", "")]
    public void Several_variables_of_one_sentence_are_each_a_claim(string prose, string checks)
    {
        var text = $"/// <example>\n/// <code>\n/// var x = 1;\n/// </code>\n/// {prose}\n/// </example>\npublic class C {{ }}\n";
        var document = SourceDocument.FromText("/t/C.cs", "C.cs", text);
        var block = SnippetCheck.Extraction.Snippets.SnippetReader.Read(SnippetCheck.Extraction.Snippets.DocumentExtractor.Extract(document)).Snippets.Single().Block;

        var claims = ProseClaims.After(block, document);

        Assert.Equal(checks, string.Join('|', claims.Select(c => c.Check)));
        // Each claim stands where its variable is named.
        if (claims.Count > 0) Assert.Equal(prose.IndexOf(claims[0].Variable, StringComparison.Ordinal) + 5, claims[0].Location.Column);
    }
}
