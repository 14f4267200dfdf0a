using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.EndToEnd.Adoption;

/// <summary>
/// Issue 77, item 4 (Refit's README): the first block, <c>[Get("/users/{user}")] Task&lt;User&gt; GetUser(string user);</c>,
/// failed once the page declared an interface method <c>Task&lt;User&gt; Get(int id);</c> 450 lines further down: the using
/// round took the attribute's name for the post's own <c>Get</c> and passed it over, so the package's namespace was never
/// imported and the attribute stayed unknown. An attribute names a class (<c>GetAttribute</c>): only a type the post declares
/// of that name is the post's own.
/// </summary>
public sealed class AdoptAttributeNameTests
{
    private const string Library = """
        namespace Acme.Rest
        {
            [System.AttributeUsage(System.AttributeTargets.Method)]
            public sealed class GetAttribute : System.Attribute { public GetAttribute(string path) { } }
        }
        """;

    private const string Readme = """
        # Acme.Rest

        ```shell
        dotnet add package Acme.Rest
        ```

        ```csharp
        public interface IGitHubApi
        {
            [Get("/users/{user}")]
            Task<User> GetUser(string user);
        }
        ```

        Much later, an interface of the post's own:

        ```csharp
        public interface IUserApi
        {
            Task<User> Get(int id);
        }
        ```
        """;

    [Fact]
    public async Task An_attribute_named_like_a_method_the_page_declares_is_still_the_packages_and_a_misspelt_one_fails()
    {
        using var docs = AdoptInProcess.WithFeed().Pack("Acme.Rest", "1.0.0", Library);
        docs.Write("README.md", Readme);

        var page = await docs.AdoptWrittenAsync("README.md");

        Assert.Matches(@"<!-- snippetcheck: compile usings=Acme\.Rest\S* packages=Acme\.Rest -->\n```csharp\npublic interface IGitHubApi", page);
        docs.Verifies();
        docs.MutantsFail("README.md", page, [("[Get(", "[Getq(", (string?)"CS0246"), ("[Get(\"/users/{user}\")]", "[Get(\"/users/{user}\", 1)]", "CS1729")]);
    }
}
