using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.EndToEnd.Adoption;

/// <summary>
/// Issue 77, Required 3 and 4, as FluentAssertions' object-graph page shows it: "Consider the class `Order` and its
/// wire-transfer equivalent `OrderDto`", then <c>orderDto.Should().BeEquivalentTo(order)</c> with neither local declared
/// anywhere. A reader takes <c>orderDto</c> for an <c>OrderDto</c>: adopt gives each such local the type the prose names
/// (<c>given=orderDto:OrderDto,order:Order</c>) over a stub of it, with the package and namespace of what the block calls on
/// it, so FluentAssertions' calls bind and a misspelt one fails. A local whose name spells no type of the prose gets none.
/// </summary>
public sealed class AdoptPageTypesTests
{
    private const string Page = """
        # Object graphs

        Consider the class `Order` and its wire-transfer equivalent `OrderDto`.

        ```csharp
        orderDto.Should().BeEquivalentTo(order);
        ```

        ```csharp
        orderDto.Should().BeEquivalentTo(order, options =>
            options.ExcludingMissingMembers());
        ```
        """;

    [Fact]
    public async Task A_local_named_after_a_type_the_prose_names_is_given_that_type_over_a_stub_and_a_misspelt_library_call_fails()
    {
        using var docs = new AdoptInProcess();
        docs.Write("objectgraphs.md", Page);

        await docs.AdoptWriteAsync();
        var page = docs.Read("objectgraphs.md");

        Assert.Equal(2, page.Split('\n').Count(l => l.StartsWith(
            "<!-- snippetcheck: compile given=orderDto:OrderDto,order:Order usings=FluentAssertions,DocModels.Stubs.ObjectgraphsL",
            StringComparison.Ordinal) && l.EndsWith(" packages=FluentAssertions -->", StringComparison.Ordinal)));
        Assert.Contains("public class OrderDto", docs.Read("snippetcheck.json"), StringComparison.Ordinal);
        Assert.StartsWith("2 passed, 0 failed", docs.Verifies().Summary, StringComparison.Ordinal);
        docs.MutantsFail("objectgraphs.md", page, new[]
        {
            ("orderDto.Should().BeEquivalentTo(order);", "orderDto.Shoulq().BeEquivalentTo(order);"),
            ("orderDto.Should().BeEquivalentTo(order);", "orderDto.Should().BeEquivalentTq(order);"),
            ("orderDto.Should().BeEquivalentTo(order);", "orderDto.Should().BeEquivalentTo(order, 1);"),
            ("options.ExcludingMissingMembers()", "options.ExcludingMissingMemberq()"),
            ("options.ExcludingMissingMembers()", "options.ExcludingMissingMembers(1)"),
        });
    }

    [Fact]
    public async Task Without_the_prose_naming_the_type_the_argument_is_given_nothing()
    {
        using var docs = new AdoptInProcess();
        docs.Write("objectgraphs.md", Page.Replace("Consider the class `Order` and its wire-transfer equivalent `OrderDto`.",
            "Consider an order and its wire-transfer equivalent.", StringComparison.Ordinal));

        await docs.AdoptWriteAsync();

        Assert.DoesNotContain(":Order", docs.Read("objectgraphs.md"), StringComparison.Ordinal);
    }
}
