using Microsoft.CodeAnalysis.CSharp;
using SnippetCheck.Adoption.Inference.Classes;

namespace SnippetCheck.Tests.Unit.Adoption.Inference.Classes;

/// <summary>
/// The element types of a block's queries and the members their range variables read (<see cref="QueryElements"/>),
/// read off its text: what a stub of each must have for the query to bind. The stubs are tried by <c>Trials/QueryStubs</c>
/// (EndToEnd/Adoption/AdoptQueryStubTests).
/// </summary>
public sealed class QueryElementsTests
{
    private static (Dictionary<string, HashSet<string>> Reads, Dictionary<string, string> Lists) Read(string code) =>
        QueryElements.ElementReads(CSharpSyntaxTree.ParseText(code).GetCompilationUnitRoot());

    [Fact]
    public void A_query_over_a_local_list_reads_its_element_type_s_members_and_no_method_it_calls()
    {
        var (reads, lists) = Read("""
            List<Product> products = GetProductList();
            var inStock = from p in products where p.UnitsInStock > 0 && !p.IsDiscontinued() && p.Name.ToString() != "" select p.ProductName;
            """);

        Assert.Equal(["Product"], reads.Keys);
        Assert.Equal(["Name", "ProductName", "UnitsInStock"], reads["Product"].Order(StringComparer.Ordinal));
        Assert.Empty(lists);
    }

    [Fact]
    public void A_range_over_a_plural_member_of_another_range_is_a_list_of_its_singular_not_a_member_typed_by_trial()
    {
        var (reads, lists) = Read("""
            Customer[] customers = GetCustomerList();
            var orders = from c in customers from o in c.Orders from x in c.Categories where o.Total > 500 select new { c.CompanyName, x.Id };
            """);

        Assert.Equal(["Category", "Customer", "Order"], reads.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["CompanyName"], reads["Customer"]);
        Assert.Equal(["Total"], reads["Order"]);
        Assert.Equal("System.Collections.Generic.List<Order>", lists["Customer.Orders"]);
        Assert.Equal("System.Collections.Generic.List<Category>", lists["Customer.Categories"]);
    }

    [Fact]
    public void A_local_of_a_camel_case_or_unknown_collection_type_has_no_element_to_stub()
    {
        Assert.Empty(Read("List<int> numbers = new();\nvar small = from n in numbers where n < 5 select n;").Reads);
        Assert.Empty(Read("Bag<Product> products = new();\nvar q = from p in products select p.Name;").Reads);
    }
}
