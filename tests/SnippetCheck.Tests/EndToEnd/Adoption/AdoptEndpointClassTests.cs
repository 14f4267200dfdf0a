using System.Text.RegularExpressions;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.EndToEnd.Adoption;

/// <summary>
/// Issue 54, the enclosing class and models across pages, on ASP.NET Core-style docs (FastEndpoints): a handler written
/// bare (<c>public override async Task HandleAsync(MyRequest req, CancellationToken ct)</c>) compiles inside a class over
/// <c>Endpoint&lt;MyRequest,MyResponse&gt;</c>, both DTOs its own page's (another page declares a <c>MyRequest</c> of
/// its own); route calls written bare (<c>Post("/users"); AllowAnonymous();</c>) compile inside a class over the
/// endpoint base that needs no type argument. Only hidden comments reach the pages, and every mutant of a library call fails.
/// </summary>
public sealed partial class AdoptEndpointClassTests
{
    [GeneratedRegex(@"<!-- snippetcheck: compile members base=Endpoint<MyRequest,MyResponse> usings=FastEndpoints,DocModels\.Create packages=FastEndpoints sdk=web -->")]
    private static partial Regex HandlerTag();

    [GeneratedRegex(@"<!-- snippetcheck: compile base=EndpointWithoutRequest usings=FastEndpoints packages=FastEndpoints sdk=web -->\n```csharp\nPost\(")]
    private static partial Regex RouteTag();

    private const string Create = """
        # Create

        ```csharp
        public class MyRequest
        {
            public string FirstName { get; set; }
            public int Age { get; set; }
        }
        ```

        ```csharp
        public class MyResponse
        {
            public string FullName { get; set; }
        }
        ```

        ```csharp
        public override async Task HandleAsync(MyRequest req, CancellationToken ct)
        {
            await Send.OkAsync(new() { FullName = req.FirstName }, ct);
        }
        ```

        Configure it with bare calls:

        ```csharp
        Post("/api/user/create");
        AllowAnonymous();
        ```
        """;

    [Fact]
    public async Task Bare_endpoint_members_and_route_calls_compile_in_an_inferred_endpoint_over_the_pages_own_dtos_and_every_mutant_fails()
    {
        using var docs = new AdoptInProcess();
        docs.Write("install.md", "# Install\n\n```\ndotnet add package FastEndpoints\n```\n");
        // Another page's MyRequest has other members: the handler above must not compile against it.
        docs.Write("another.md", "# Another\n\n```csharp\npublic class MyRequest\n{\n    public int Id { get; set; }\n}\n```\n");
        docs.Write("create.md", Create);

        await docs.AdoptWriteAsync();
        var page = docs.Read("create.md");
        Assert.Single(HandlerTag().Matches(page));
        Assert.Single(RouteTag().Matches(page));
        // Only hidden comments: the page reads as before once they are taken out.
        Assert.Equal(Create, string.Join('\n', page.Split('\n').Where(l => !l.StartsWith("<!-- snippetcheck:", StringComparison.Ordinal))));

        docs.Verifies();

        // A misspelt route call, an argument too many, a misspelt response call, a member the page's DTO lacks: each fails.
        docs.MutantsFail("create.md", page, new[] { ("Post(\"/api", "Pst(\"/api"), ("Post(\"/api/user/create\")", "Post(\"/api/user/create\", 42)"),
                     ("Send.OkAsync(", "Send.OkAsyn("), ("}, ct);", "}, ct, 1);"), ("AllowAnonymous();", "AllowAnonymou();"),
                     ("req.FirstName", "req.FirstNam"), ("FullName =", "FulName =") });
    }
}
