using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.EndToEnd.Adoption;

/// <summary>
/// Issue 54, "no hollow protection": <c>adopt</c> proposes no tag that says more was checked than was. Through the real
/// CLI, on a post of the kinds real docs hold.
/// </summary>
public sealed class AdoptHollowTests
{
    private const string Post = """
        # Hollow

        ```csharp
        public const long BytesInGibibyte = 1073741824;
        ```

        ```csharp
        public static int Twice(int value) => value * 2;
        ```

        ```csharp
        RuleFor(x => x.Surname).NotEqual("foo", StringComparer.OrdinalIgnoreCase);
        ```

        ```csharp
        int Compute(Order order)
        {
            ...
        }
        ```

        ```csharp
        var json = System.Text.Json.JsonSerializer.Serialize(order);
        ```
        """;

    [Fact]
    public async Task Adopt_tags_no_block_that_binds_nothing_of_what_it_is_about()
    {
        using var docs = new AdoptInProcess();
        docs.Write("post.md", Post);

        var run = await docs.AdoptWriteAsync();

        var lines = docs.Read("post.md").Split('\n');
        string? TagAbove(string code) => Array.FindIndex(lines, l => l.Contains(code, StringComparison.Ordinal)) is var at and > 1
            && lines[at - 2].StartsWith("<!-- snippetcheck:", StringComparison.Ordinal) ? lines[at - 2] : null;
        // Constants of built-in types with literal values compile whatever the library holds.
        Assert.Null(TagAbove("BytesInGibibyte"));
        Assert.Contains("only lists constants or fields of built-in types", AdoptInProcess.Table(run));
        Assert.Equal("<!-- snippetcheck: compile members -->", TagAbove("Twice"));
        // Only a framework name handed to an unknown rule method binds; only a hole's filler binds.
        Assert.Null(TagAbove("RuleFor"));
        Assert.Null(TagAbove("int Compute"));
        Assert.Equal("<!-- snippetcheck: check -->", TagAbove("JsonSerializer"));
    }

    private const string Receivers = """
        # Receivers

        ```csharp
        widgets.AddWidget("clock");
        var soon = DateTime.UtcNow.AddMinutes(5);
        Console.WriteLine(soon.ToString("t"));
        ```

        ```csharp
        builder.Services.AddWidgets().AddClock();
        var later = DateTime.UtcNow.AddHours(1);
        Console.WriteLine(later.ToString("t"));
        ```

        ```csharp
        var start = DateTime.UtcNow.AddDays(1);
        Console.WriteLine(start.ToString("d"));
        widgets.AddWidget(start);
        ```

        ```csharp
        var text = new System.Text.StringBuilder(capacity);
        ```
        """;

    /// <summary>
    /// A block whose first call, the one it exists to show, is made on a name nothing declares (<c>widgets.AddWidget</c>,
    /// <c>builder.Services.AddWidgets()</c>) is not checked, however many framework calls follow it: misspelt, that call would
    /// still pass. A block whose first call binds is checked, and its first call misspelt fails.
    /// </summary>
    [Fact]
    public async Task Adopt_does_not_check_a_block_whose_first_call_is_made_on_an_unknown_receiver()
    {
        using var docs = new AdoptInProcess();
        docs.Write("post.md", Receivers);

        var written = await docs.AdoptWrittenAsync("post.md");

        Assert.DoesNotContain("-->\n```csharp\nwidgets.AddWidget(\"clock\")", written, StringComparison.Ordinal);
        Assert.DoesNotContain("-->\n```csharp\nbuilder.Services", written, StringComparison.Ordinal);
        Assert.Contains("<!-- snippetcheck: check -->\n```csharp\nvar start", written, StringComparison.Ordinal);
        // No member call at all: nothing to hollow out, and 'new StringBuilder' binds.
        Assert.Contains("<!-- snippetcheck: check -->\n```csharp\nvar text", written, StringComparison.Ordinal);
        docs.MutantsFail("post.md", written, [(".AddDays(", ".AddDaysq(")]);
    }

    private const string Shapes = $$"""
        # Shapes

        ```csharp
        {{EndToEnd.HollowCheckShapesTests.Controller}}
        ```

        ```csharp
        bool taken = false;
        Monitor.Enter(gate, ref taken);
        Console.WriteLine(taken);
        ```

        ```csharp
        internal static partial class Sys
        {
            [DllImport(Libraries.SystemNative, EntryPoint = "SystemNative_GetTimestamp")]
            internal static extern bool GetTimestamp(out long timestamp);
        }
        ```

        ```csharp
        var cancellation = new CancellationTokenSource();
        cancellation.Token.Register(state => Console.WriteLine(state.GetHashCode()), context);
        ```

        ```csharp
        List<Product> products = GetProductList();
        var soldOut = from p in products where p.UnitsInStock == 0 select p;
        Console.WriteLine("Sold out products:");
        foreach (var product in soldOut) Console.WriteLine(product.ProductName);
        ```
        """;

    /// <summary>
    /// Issue 75, item 7: the shapes whose mutants passed <c>check</c>. Adopt still checks the honest blocks, and each
    /// mutant of what it checked fails: a base-class member misspelt, <c>ref</c> dropped beside an unknown argument, an
    /// attribute's named argument misspelt, a member of a callback's parameter misspelt. A query over a type declared
    /// nowhere, beside output writes alone, is checked only over a stub of that type (issue 77), and a member it reads
    /// compared with a value of another type then fails.
    /// </summary>
    [Fact]
    public async Task Adopt_checks_the_honest_shapes_and_every_mutant_of_them_fails()
    {
        using var docs = new AdoptInProcess();
        docs.Write("post.md", Shapes);

        var written = await docs.AdoptWrittenAsync("post.md");

        Assert.Equal(5, written.Split("<!-- snippetcheck: check").Length - 1);
        Assert.Contains("<!-- snippetcheck: check usings=DocModels.Stubs.PostL", written, StringComparison.Ordinal);
        docs.MutantsFail("post.md", written, new[]
        {
            ("return Ok(person);", "return Okay(person);"), ("Monitor.Enter(gate, ref taken)", "Monitor.Enter(gate, taken)"),
            ("EntryPoint = ", "EntryPointt = "), ("state.GetHashCode()", "state.GetHashCod()"), ("p.UnitsInStock == 0", "p.UnitsInStock == \"0\""),
        });
    }
}
