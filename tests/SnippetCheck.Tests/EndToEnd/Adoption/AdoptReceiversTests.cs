using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.EndToEnd.Adoption;

/// <summary>
/// Issue 54, ASP.NET Core docs written as fragments: one page shows <c>Program.cs</c> (<c>var bld =
/// WebApplication.CreateBuilder(args); var app = bld.Build();</c>), the others call <c>app</c> and <c>bld</c> without
/// declaring them. <c>adopt</c> gives such a block the receivers its doc set declares (<c>given=app:WebApplication</c>)
/// with the Web SDK, so the calls it shows bind, and a misspelt one fails. A local the docs never declare gets the one type
/// its calls fit that its name names (<c>client.GetAsync("/items")</c>: HttpClient).
/// The same for a local a block creates (<c>var table = new Table();</c>) and others call, when no session can join them.
/// </summary>
public sealed class AdoptReceiversTests
{
    private const string Start = """
        # Start

        ```csharp
        var bld = WebApplication.CreateBuilder(args);
        var app = bld.Build();
        app.Run();
        ```
        """;

    private const string Routing = """
        # Routing

        ```csharp
        app.MapGet("/items", () => Results.Ok(new[] { 1, 2 }));
        ```

        ```csharp
        bld.Services.AddRouting(o => o.LowercaseUrls = true);
        ```

        ```csharp
        var response = await client.GetAsync("/items");
        ```
        """;

    [Fact]
    public async Task Fragments_on_the_doc_sets_app_and_builder_are_adopted_with_those_given_and_mutants_of_their_calls_fail()
    {
        using var docs = new AdoptInProcess();
        docs.Write("start.md", Start);
        docs.Write("routing.md", Routing);

        await docs.AdoptWriteAsync();
        var expected = Routing
            .Replace("```csharp\napp.MapGet", "<!-- snippetcheck: compile given=app:WebApplication sdk=web -->\n```csharp\napp.MapGet", StringComparison.Ordinal)
            .Replace("```csharp\nbld.Services", "<!-- snippetcheck: compile given=bld:WebApplicationBuilder sdk=web -->\n```csharp\nbld.Services", StringComparison.Ordinal)
            .Replace("```csharp\nvar response", "<!-- snippetcheck: compile given=client:HttpClient -->\n```csharp\nvar response", StringComparison.Ordinal);
        Assert.Equal(expected, docs.Read("routing.md"));

        var verify = docs.Verifies(cache: true);
        Assert.StartsWith("4 passed, 0 failed", verify.Summary);

        // The calls on the given receivers bind: each misspelt, or given an argument too many, fails.
        docs.MutantsFail("routing.md", expected, new[] { ("app.MapGet(", "app.MapGetq("), ("Services.AddRouting(", "Services.AddRoutingq("), ("o.LowercaseUrls", "o.LowercaseUrlsq"),
            ("o => o.LowercaseUrls = true)", "o => o.LowercaseUrls = true, 2)"), ("client.GetAsync(", "client.GetAsyncq(") });
    }

    private const string Lists = """
        # Lists

        ```csharp
        var list = new List<int> { 3, 1, 2 };
        Console.WriteLine(list.Count * "two");
        ```

        Sorting it:

        ```csharp
        list.Sort();
        list.Add(4);
        ```

        The old spelling:

        ```csharp
        list.sort();
        ```
        """;

    private const string Session = """
        # Names

        ```csharp
        var names = new List<string> { "a" };
        Console.WriteLine(names.Count);
        ```

        ```csharp
        names.Add("b");
        Console.WriteLine(names.Count);
        ```
        """;

    [Fact]
    public async Task A_local_another_block_creates_is_given_of_its_type_when_no_session_can_join_them_and_its_misspelt_call_is_rot()
    {
        using var docs = new AdoptInProcess();
        docs.Write("lists.md", Lists);
        docs.Write("session.md", Session);

        var write = await docs.AdoptWriteAsync();
        var expected = Lists.Replace("```csharp\nlist.Sort", "<!-- snippetcheck: compile given=list:List<int> -->\n```csharp\nlist.Sort", StringComparison.Ordinal);
        Assert.Equal(expected, docs.Read("lists.md"));
        // The block that creates 'names' runs: the next one joins it as a session, never as a hidden local.
        var session = docs.Read("session.md");
        Assert.DoesNotContain("given=", session, StringComparison.Ordinal);
        Assert.Contains("session=", session, StringComparison.Ordinal);
        // 'list' typed, 'sort' is a near miss of List<int>.Sort: rot, at the call.
        Assert.Contains("lists.md(18,6): CS1061:", AdoptInProcess.Table(write), StringComparison.Ordinal);

        docs.MutantsFail("lists.md", expected, new[] { ("list.Sort()", "list.Sortt()"), ("list.Add(4)", "list.Add(4, 5)") }, "lists.md");
    }
}
