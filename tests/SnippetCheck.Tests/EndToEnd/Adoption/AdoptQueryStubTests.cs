using System.Text.RegularExpressions;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.EndToEnd.Adoption;

/// <summary>
/// Issue 77, capability 3: a LINQ query over values of a type no page declares (<c>List&lt;Product&gt; products =
/// GetProductList(); from p in products where p.UnitsInStock &gt; 0 select p</c>, the 101 LINQ samples) is checked over a
/// stub of that type adopt writes into the config's hiddenCode: just the members the block reads off it, each typed by
/// trial. The query then binds to LINQ, so it counts as a call the block checks; what it calls on the framework still
/// fails when misspelt, and a member read of the wrong type fails. A nested range (<c>from o in c.Orders</c>: a list of a
/// stub <c>Order</c> on the stub <c>Customer</c>): Unit/Adoption/Inference/Classes/QueryElementsTests.
/// </summary>
public sealed partial class AdoptQueryStubTests
{
    [GeneratedRegex(@"<!-- snippetcheck: check members usings=DocModels\.Stubs\.LinqL(\d+) -->")]
    private static partial Regex StubTag();

    private const string Page = """
        # LINQ

        ```csharp
        public void Linq3()
        {
            List<Product> products = GetProductList();

            var expensiveInStockProducts =
                from p in products
                where p.UnitsInStock > 0 && p.UnitPrice > 3.00M
                select p;

            Console.WriteLine("In-stock products that cost more than 3.00:");
            foreach (var product in expensiveInStockProducts)
            {
                Console.WriteLine("{0} is in stock and costs more than 3.00.", product.ProductName);
            }
        }
        ```

        ```csharp
        public void Linq80()
        {
            List<Product> products = GetProductList();

            var categories =
                from p in products
                group p by p.Category into g
                select new { Category = g.Key, TotalUnitsInStock = g.Sum(p => p.UnitsInStock) };

            ObjectDumper.Write(categories);
        }
        ```

        """;

    [Fact]
    public async Task A_query_over_an_undeclared_element_type_is_checked_over_a_stub_and_its_mutants_fail()
    {
        using var docs = new AdoptInProcess();
        docs.Write("linq.md", Page);

        await docs.AdoptWriteAsync();
        var page = docs.Read("linq.md");
        Assert.Equal(["3", "21"], StubTag().Matches(page).Select(m => m.Groups[1].Value));
        Assert.Equal(Page, string.Join('\n', page.Split('\n').Where(l => !l.StartsWith("<!-- snippetcheck:", StringComparison.Ordinal))));
        var config = docs.Read("snippetcheck.json");
        foreach (var member in new[] { "public int UnitsInStock", " UnitPrice { get; set; }", "public string ProductName", "public class Product" })
            Assert.Contains(member, config, StringComparison.Ordinal);

        var verify = docs.Verifies();
        Assert.Contains("0 passed, 2 checked, 0 failed", verify.Output);

        // A misspelt framework call, a misspelt LINQ method in the query, a member compared with a value of another type.
        docs.MutantsFail("linq.md", page, new[] { ("Console.WriteLine(\"In-stock", "Console.WriteLin(\"In-stock"),
            ("g.Sum(", "g.Summ("), ("p.UnitsInStock > 0", "p.UnitsInStock > \"0\"") });
    }
}
