using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.EndToEnd.Adoption;

/// <summary>
/// Issue 54, ASP.NET Core docs: their blocks use the Web SDK's assemblies and implicit usings without a word of it.
/// <c>adopt</c> tries such a block with <c>sdk=web</c> (a hidden <c>#:sdk Microsoft.NET.Sdk.Web</c>), proposes
/// <c>compile</c> for one that starts a server, and mutants of the ASP.NET Core calls fail. (The last block was
/// <c>Console.WriteLine(new Invoice().Total);</c>, which issue 75 no longer checks: all that binds beside its unbound
/// <c>new</c> is an output write; <c>string.Join</c> keeps it a checked block that is no web project.)
/// </summary>
public sealed class AdoptWebSdkTests
{
    private const string Post = """
        # Minimal APIs

        ```csharp
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        app.MapGet("/", () => Results.Ok("hello"));
        app.Run();
        ```

        A status code:

        ```csharp
        var context = new DefaultHttpContext();
        context.Response.StatusCode = StatusCodes.Status201Created;
        Console.WriteLine(context.Response.StatusCode);
        ```

        ```text
        201
        ```

        A controller:

        ```csharp
        [ApiController]
        [Route("[controller]")]
        public class ItemsController : ControllerBase
        {
            [HttpGet]
            public IActionResult Get() => Ok(new[] { 1, 2 });
        }
        ```

        Not ASP.NET Core's, so never a web project:

        ```csharp
        Console.WriteLine(string.Join(", ", new Invoice().Lines));
        ```
        """;

    [Fact]
    public async Task Blocks_of_ASP_NET_Core_docs_are_adopted_with_the_Web_SDK_hidden_and_mutants_of_their_calls_fail()
    {
        using var docs = new AdoptInProcess();
        docs.Write("post.md", Post);

        await docs.AdoptWriteAsync();
        var expected = Post
            .Replace("```csharp\nvar builder", "<!-- snippetcheck: compile sdk=web -->\n```csharp\nvar builder", StringComparison.Ordinal)
            .Replace("```csharp\nvar context", "<!-- snippetcheck: run sdk=web -->\n```csharp\nvar context", StringComparison.Ordinal)
            .Replace("```text", "<!-- snippetcheck: output -->\n```text", StringComparison.Ordinal)
            .Replace("```csharp\n[ApiController]", "<!-- snippetcheck: compile usings=Microsoft.AspNetCore.Mvc sdk=web -->\n```csharp\n[ApiController]", StringComparison.Ordinal)
            .Replace("```csharp\nConsole.WriteLine(string.Join", "<!-- snippetcheck: check -->\n```csharp\nConsole.WriteLine(string.Join", StringComparison.Ordinal);
        Assert.Equal(expected, docs.Read("post.md"));

        var verify = docs.Verifies(cache: true);
        Assert.StartsWith("3 passed, 1 checked, 0 failed", verify.Summary);

        // The calls the blocks exist to show bind: each misspelt fails.
        docs.MutantsFail("post.md", expected, new[] { ("app.MapGet(", "app.MapGetq("), ("StatusCodes.Status201Created", "StatusCodes.Status201Createdq"), ("=> Ok(", "=> Okq("), ("\"hello\"", "\"hello\", 2, 3") });
    }
}
