using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.EndToEnd.Adoption;

/// <summary>
/// Issue 54, Required 3, receivers no page creates: ASP.NET Core docs call <c>services</c> and <c>app</c> with no line that
/// declares them. <c>adopt</c> gives each the one type of the block's references that every member called on it fits
/// (<c>services.AddLogging()</c>: the IServiceCollection its extension methods extend; <c>app.UseRouting(); app.MapGet(…)</c>:
/// the WebApplication that is both an IApplicationBuilder and an IEndpointRouteBuilder), so the calls bind and a misspelt
/// one fails; a local whose calls fit several types alike (<c>thing.Dispose()</c>) is given nothing.
/// </summary>
public sealed class AdoptInferredReceiversTests
{
    private const string Page = """
        # Setup

        ```csharp
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        ```

        ```csharp
        app.UseRouting();
        app.MapGet("/time", () => DateTime.UtcNow);
        ```

        ```csharp
        thing.Dispose();
        ```
        """;

    [Fact]
    public async Task A_local_no_page_creates_is_given_the_one_type_its_calls_fit_and_a_misspelt_call_on_it_fails()
    {
        using var docs = new AdoptInProcess();
        docs.Write("setup.md", Page);

        await docs.AdoptWriteAsync();
        var expected = Page
            .Replace("```csharp\nservices.", "<!-- snippetcheck: compile given=services:IServiceCollection sdk=web -->\n```csharp\nservices.",
                StringComparison.Ordinal)
            .Replace("```csharp\napp.", "<!-- snippetcheck: compile given=app:WebApplication sdk=web -->\n```csharp\napp.", StringComparison.Ordinal);
        Assert.Equal(expected, docs.Read("setup.md"));

        // The calls bind to the given types: each misspelt, or given an argument too many, fails.
        docs.MutantsFail("setup.md", expected, new[]
        {
            ("services.AddLogging()", "services.AddLoggingq()"), ("services.AddSingleton(", "services.AddSingletonq("),
            ("services.AddLogging()", "services.AddLogging(1, 2)"), ("app.UseRouting()", "app.UseRoutingq()"), ("app.MapGet(", "app.MapGetq("),
        });
    }
}
