using SnippetCheck.Adoption.Inference;

namespace SnippetCheck.Tests.Unit.Adoption.Inference;

/// <summary>
/// The docs' own types a page's prose names (<see cref="PageTypes"/>): what a reader takes an undeclared local for
/// (<c>orderDto</c>: the <c>OrderDto</c> the prose speaks of), never a name of the library's API the prose names too.
/// </summary>
public sealed class PageTypesTests
{
    private const string Markdown = """
        # Object graphs

        Consider the class `Order` and its `OrderDto`s, with `Should().BeEquivalentTo()`, the `Excluding` option and `Value`.

        ```csharp
        // `Invoice` in a fence is code, not prose
        orderDto.Should().BeEquivalentTo(order, options => options.Excluding(o => o.Customer));
        actual.Should().BeEquivalentTo(new { Age = Value.ThatMatches<int>(age => age < 40) });
        ```
        """;

    [Fact]
    public void The_names_the_prose_writes_as_inline_code_that_the_code_never_calls_nor_reads_a_member_off_are_the_page_s_types()
    {
        var types = PageTypes.Of(AdoptionHarness.Page(Markdown).Snippets);

        Assert.Equal(["Order", "OrderDto"], types.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_local_is_of_the_type_its_name_spells_capitalised_or_a_list_of_its_singular_and_of_none_else()
    {
        IReadOnlySet<string> types = new HashSet<string>(["Order", "OrderDto"]);

        Assert.Equal("OrderDto", PageTypes.TypeFor("orderDto", types));
        Assert.Equal("System.Collections.Generic.List<Order>", PageTypes.TypeFor("orders", types));
        Assert.Null(PageTypes.TypeFor("customer", types));
        Assert.Null(PageTypes.TypeFor("Order", types));
        Assert.Equal(["Order"], PageTypes.Named("System.Collections.Generic.List<Order>", types));
    }
}
