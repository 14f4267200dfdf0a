using SnippetCheck.Results;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Unit.Programs;

/// <summary>
/// On a fixture page a block of statements is a method of the page's class. A block of only <c>var</c> declarations
/// parses as fields too, but no field can be <c>var</c> (CS0825): it is statements, as the reader reads it.
/// </summary>
public sealed class FixtureStatementsTests
{
    [Fact]
    public async Task A_block_of_var_declarations_is_a_method_of_the_page_not_its_fields()
    {
        const string Page = "<!-- snippetcheck: page fixture: true -->\n# Page\n\n```csharp compile\nvar answer = 6 * 7;\nvar text = answer.{0}();\n```\n";

        var passing = (await Pipeline.VerifyAsync(string.Format(Page, "ToString"))).Snippets.Single();
        var misspelt = (await Pipeline.VerifyAsync(string.Format(Page, "ToStrin"))).Snippets.Single();

        Assert.True(passing.Status == SnippetStatus.Passed, passing.Message + "\n" + passing.Detail);
        Assert.Equal(["CS1061"], misspelt.Diagnostics.Where(d => d.IsError).Select(d => d.Id).Distinct());
    }
}
