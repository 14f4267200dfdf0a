using System.Text.RegularExpressions;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.EndToEnd.Adoption;

/// <summary>
/// Issue 54, inference that composes: ASP.NET Core-style docs (FastEndpoints) show an endpoint's
/// <c>public override void Configure() { Get("/item"); … }</c> alone, the class deriving from the library's base never
/// shown; and whole endpoint classes over <c>Endpoint&lt;TRequest&gt;</c>, which the Web SDK's implicit
/// <c>Microsoft.AspNetCore.Http.Endpoint</c> hides (CS0308). One plain <c>adopt --write</c> composes what each needs:
/// <c>members</c> with <c>base=</c>, the package with its usings and the Web SDK. Every mutant of a library call fails.
/// </summary>
public sealed partial class AdoptMembersBaseTests
{
    [GeneratedRegex(@"<!-- snippetcheck: compile members base=EndpointWithoutRequest usings=FastEndpoints packages=FastEndpoints sdk=web -->\n```csharp\npublic override")]
    private static partial Regex MembersTag();

    [GeneratedRegex(@"<!-- snippetcheck: compile usings=FastEndpoints packages=FastEndpoints sdk=web -->\n```csharp\npublic class ItemRequest")]
    private static partial Regex ClassTag();

    private const string Configure = """
        # Configure

        ```csharp
        public override void Configure()
        {
            Get("/item");
            AllowAnonymous();
        }
        ```

        ```csharp
        public class ItemRequest { public int Id { get; set; } }

        public class ItemEndpoint : Endpoint<ItemRequest>
        {
            public override void Configure()
            {
                Post("/items");
                AllowAnonymous();
            }
        }
        ```
        """;

    private const string Security = """
        # Security

        ```
        dotnet add package FastEndpoints.Security
        ```

        ```csharp
        public class ProfileEndpoint : EndpointWithoutRequest
        {
            public override void Configure()
            {
                Get("/account/profile");
                Roles("Admin");
            }
        }
        ```
        """;

    [Fact]
    public async Task A_page_of_an_add_on_package_no_source_has_still_gets_the_package_it_extends_and_a_misspelt_call_fails()
    {
        using var docs = new AdoptInProcess();
        docs.Write("install.md", "# Install\n\n```\ndotnet add package FastEndpoints\n```\n");
        docs.Write("security.md", Security);

        await docs.AdoptWriteAsync();
        var page = docs.Read("security.md");
        Assert.Matches(@"<!-- snippetcheck: compile usings=FastEndpoints packages=FastEndpoints -->\n```csharp\npublic class ProfileEndpoint", page);
        docs.Verifies();

        File.WriteAllText(Path.Combine(docs.Docs, "security.md"), page.Replace("Roles(\"Admin\")", "Rolesq(\"Admin\")", StringComparison.Ordinal));
        Assert.False(docs.Verify().Report.Succeeded);
    }

    [Fact]
    public async Task Members_of_a_library_class_and_classes_over_its_generic_base_are_adopted_composed_and_every_mutant_of_a_library_call_fails()
    {
        using var docs = new AdoptInProcess();
        docs.Write("install.md", "# Install\n\n```\ndotnet add package FastEndpoints\n```\n");
        docs.Write("configure.md", Configure);

        await docs.AdoptWriteAsync();
        var page = docs.Read("configure.md");
        Assert.Single(MembersTag().Matches(page));
        Assert.Single(ClassTag().Matches(page));
        // Only hidden comments: the page reads as before once they are taken out.
        Assert.Equal(Configure, string.Join('\n', page.Split('\n').Where(l => !l.StartsWith("<!-- snippetcheck:", StringComparison.Ordinal))));

        var verify = docs.Verifies();
        Assert.StartsWith("2 passed, 0 failed", verify.Summary);

        // A misspelt base-class call, an override of nothing, an argument too many: each fails, in either shape.
        docs.MutantsFail("configure.md", page, new[] { ("Get(\"/item\")", "Getq(\"/item\")"), ("AllowAnonymous();\n}", "AllowAnonymousq();\n}"),
                     ("void Configure()\n{", "void Configur()\n{"), ("Post(\"/items\")", "Postq(\"/items\")"), ("Get(\"/item\")", "Get(\"/item\", 1, 2)") });
    }
}
