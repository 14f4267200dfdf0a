using SnippetCheck.Model;
using SnippetCheck.Results;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.EndToEnd;

/// <summary>
/// Issue 75, item 7: the hollow checks a sample of protected realworld blocks and unseen docs still had, each a mutant
/// that passed <c>check</c>. The block as it stands passes; the mutant must fail. In-process, through the real compiler.
/// </summary>
public sealed class HollowCheckShapesTests
{
    private static async Task<SnippetResult> CheckAsync(string code, string tags = "")
    {
        var report = await Pipeline.VerifyAsync($"\n<!-- snippetcheck: check {tags} name=it -->\n```csharp\n{code}\n```\n",
            o => o with { CommandLine = new() { Cache = false } });
        return report.Snippets.Single(s => s.Snippet.Tags.Name == "it");
    }

    /// <summary>The block passes as written; each mutant of it fails (with <paramref name="id"/> when one is given).</summary>
    private static async Task AssertMutantFails(string original, string from, string to, string tags = "", string? id = null)
    {
        Assert.Contains(from, original, StringComparison.Ordinal);
        var honest = await CheckAsync(original, tags);
        Assert.True((honest.Status, honest.Level) == (SnippetStatus.Passed, VerificationLevel.Check), $"as written: {honest.Status} {honest.Message}");

        var mutant = await CheckAsync(original.Replace(from, to, StringComparison.Ordinal), tags);

        Assert.True(mutant.Status == SnippetStatus.Failed, $"{from} -> {to}: {mutant.Status} {mutant.Message}");
        if (id is not null) Assert.Equal(id, mutant.Code);
    }

    /// <summary>An ASP.NET Core controller as AsyncGuidance.md shows it (AdoptHollowTests adopts it too).</summary>
    internal const string Controller = """
        public class PersonController : Controller
        {
           private AppDbContext _db;
           private static ConcurrentDictionary<int, Person> _cache = new ConcurrentDictionary<int, Person>();

           public PersonController(AppDbContext db)
           {
              _db = db;
           }

           public IActionResult Get(int id)
           {
               var person = _cache.GetOrAdd(id, (key) => _db.People.FindAsync(key).Result);
               return Ok(person);
           }
        }
        """;

    private const string Writer = """
        sealed class OrderLog : TextWriter
        {
            public override Encoding Encoding => Encoding.UTF8;

            public void Note(Order order)
            {
                WriteLine(order.Id);
                Flush();
            }
        }
        """;

    /// <summary>
    /// A bare call in a class whose base type the references declare is a call on <c>this</c>, a known receiver: a
    /// misspelt member of that base (<c>Ok</c> to <c>Okay</c> in an ASP.NET Core controller) is an error, not the post's
    /// unknown name (realworld, AsyncGuidance.md).
    /// </summary>
    [Theory]
    [InlineData("Controller", "return Ok(person);", "return Okay(person);")]
    [InlineData("Controller", "return Ok(person);", "return OkZq(person);")]
    [InlineData("Writer", "WriteLine(order.Id)", "WriteLin(order.Id)")]
    [InlineData("Writer", "WriteLine(order.Id)", "WriteLineZq(order.Id)")]
    public async Task A_misspelt_member_of_a_known_base_type_fails(string block, string from, string to)
    {
        var (code, tags) = block == "Controller"
            ? (Controller, "sdk=web usings=Microsoft.AspNetCore.Mvc,System.Collections.Concurrent")
            : (Writer, "usings=System.Text");
        await AssertMutantFails(code, from, to, tags, "CS0103");
    }

    /// <summary>
    /// One unknown argument leaves the call's overload open, but not its other arguments: their count, their
    /// <c>ref</c>/<c>out</c> and their known types must still fit some overload (realworld, the C# standard's
    /// <c>lock</c> expansion: <c>Monitor.Enter(x, ref taken)</c> to <c>Monitor.Enter(x, taken)</c>).
    /// </summary>
    [Theory]
    [InlineData("bool taken = false;\nMonitor.Enter(gate, ref taken);\nConsole.WriteLine(taken);", "ref taken", "taken")]
    [InlineData("bool taken = false;\nMonitor.Enter(gate, ref taken);\nConsole.WriteLine(taken);", "ref taken", "out taken")]
    [InlineData("bool taken = false;\nMonitor.Enter(gate, ref taken);\nConsole.WriteLine(taken);", "(gate, ref taken)", "(gate, ref taken, 0)")]
    [InlineData("var biggest = Math.Max(order.Total, 10);\nConsole.WriteLine(biggest);", "10", "\"ten\"")]
    [InlineData("var found = \"orders\".IndexOf(order.Code, comparisonType: StringComparison.Ordinal);\nConsole.WriteLine(found);",
        "comparisonType:", "comparisonTyp:")]
    [InlineData("var found = \"orders\".IndexOf(order.Code, comparisonType: StringComparison.Ordinal);\nConsole.WriteLine(found);",
        "StringComparison.Ordinal", "3")]
    public async Task An_unknown_argument_leaves_the_other_arguments_checked(string original, string from, string to) =>
        await AssertMutantFails(original, from, to, "usings=System.Threading", DiagnosticCodes.UnboundApi);

    private const string Interop = """
        internal static partial class Sys
        {
            [DllImport(Libraries.SystemNative, EntryPoint = "SystemNative_GetTimestamp")]
            internal static extern bool GetTimestamp(out long timestamp);
        }
        """;

    /// <summary>An attribute's named argument must name a field or property of the attribute (realworld, aakinshin's stopwatch post).</summary>
    [Theory]
    [InlineData("EntryPoint = ", "EntryPointt = ")]
    [InlineData("EntryPoint = \"SystemNative_GetTimestamp\"", "EntryPoint = 42")]
    public async Task An_attribute_argument_must_bind(string from, string to) =>
        await AssertMutantFails(Interop, from, to, "usings=System.Runtime.InteropServices");

    /// <summary>
    /// A callback's parameter whose type the lambda's target says, on every overload that could take it, is a known
    /// receiver even where an unknown argument left the call unbound: a misspelt member chain on it fails (unseen docs:
    /// <c>ctx.Optionz.Durration</c>).
    /// </summary>
    [Theory]
    [InlineData("state.LowestBreakIteration.HasValue", "state.LowestBreakIteratio.HasValue")]
    [InlineData("state.LowestBreakIteration.HasValue", "state.LowestBreakIteration.HasValu")]
    [InlineData("s => Console.WriteLine(s.GetHashCode())", "s => Console.WriteLine(s.GetHashCod())")]
    public async Task A_misspelt_member_chain_on_a_callback_parameter_of_known_type_fails(string from, string to)
    {
        const string Callbacks = """
            Parallel.ForEach(orders, (order, state) => { if (state.LowestBreakIteration.HasValue) return; Console.WriteLine(order); });
            var cancellation = new CancellationTokenSource();
            cancellation.Token.Register(s => Console.WriteLine(s.GetHashCode()), context);
            """;
        await AssertMutantFails(Callbacks, from, to, id: DiagnosticCodes.UnboundApi);
    }

    /// <summary>
    /// A block whose query and calls all run over a type declared nowhere (<c>Product</c>), where all that binds beside
    /// them is an incidental <c>Console.WriteLine</c>, checks none of what it shows (realworld, 101 LINQ samples): not
    /// protected. The same query over the framework's own types is.
    /// </summary>
    [Fact]
    public async Task A_query_over_undeclared_types_beside_an_incidental_write_is_not_protected()
    {
        const string Products = """
            List<Product> products = GetProductList();

            var soldOutProducts =
                from p in products
                where p.UnitsInStock == 0
                select p;

            Console.WriteLine("Sold out products:");
            foreach (var product in soldOutProducts)
            {
                Console.WriteLine("{0} is sold out!", product.ProductName);
            }
            """;
        var hollow = await CheckAsync(Products);
        Assert.True((hollow.Status, hollow.Reason) == (SnippetStatus.Failed, FailureReason.NothingChecked), $"{hollow.Status} {hollow.Message}");

        const string Numbers = """
            int[] numbers = { 5, 4, 1, 3, 9, 8, 6, 7, 2, 0 };
            var lowNums = from n in numbers where n < 5 select n;
            Console.WriteLine("Numbers < 5:");
            foreach (var x in lowNums) Console.WriteLine(x);
            """;
        var honest = await CheckAsync(Numbers);
        Assert.True((honest.Status, honest.Level) == (SnippetStatus.Passed, VerificationLevel.Check), $"{honest.Status} {honest.Message}");
    }
}
