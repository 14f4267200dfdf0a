using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.EndToEnd.Adoption;

/// <summary>
/// <c>adopt</c> on a library's API listings (issue 54, item 4 and bug 1), through the real CLI: a block that lists
/// signatures is proposed as <c>check listing</c> with the package its doc set installs, never as <c>compile members</c>,
/// and <c>verify</c> looks its members up on every run; its signatures are never taken for the post's own methods.
/// </summary>
public sealed class AdoptListingTests
{
    private const string Install = """
        # Installation

        ```
        dotnet add package Humanizer.Core --version 3.0.1
        ```
        """;

    private const string Api = """
        # ByteSize

        ```csharp
        public const long BytesInGigabyte = 1073741824;
        ```

        Here are the API signatures:

        ```csharp
        public static string Humanize(this DateTime input, bool? utcDate = null, DateTime? dateToCompareAgainst = null, CultureInfo culture = null)
        public static string Humanize(this DateTimeOffset input, DateTimeOffset? dateToCompareAgainst = null, CultureInfo culture = null)
        ```

        ```csharp
        Console.WriteLine(DateTime.UtcNow.AddHours(-30).Humanize());
        ```
        """;

    /// <summary>
    /// One adopt of the doc set: the listings become <c>check listing</c> and their mutants fail the next verify; and
    /// (bug 1) the listed <c>Humanize</c> is the package's, so the block that calls it gets the package and its using.
    /// </summary>
    [Fact]
    public async Task A_listing_is_adopted_as_check_listing_and_is_not_taken_for_the_post_s_own_method()
    {
        using var docs = new AdoptInProcess();
        docs.Write("docs/installation.md", Install);
        docs.Write("docs/api.md", Api);

        await docs.AdoptWriteAsync();
        var adopted = docs.Read("docs/api.md");
        Assert.Contains("<!-- snippetcheck: check listing packages=Humanizer.Core -->\n```csharp\npublic const long BytesInGigabyte", adopted);
        Assert.Contains("<!-- snippetcheck: check listing packages=Humanizer.Core -->\n```csharp\npublic static string Humanize", adopted);
        Assert.Matches(@"<!-- snippetcheck: (run|compile) usings=Humanizer packages=Humanizer\.Core -->\n```csharp\nConsole\.WriteLine\(DateTime", adopted);
        docs.Verifies(cache: true);

        // A changed constant value, and a renamed method, fail the next verify.
        File.WriteAllText(Path.Combine(docs.Docs, "docs", "api.md"), adopted.Replace("1073741824", "1073741825", StringComparison.Ordinal));
        Assert.False(docs.Verify().Report.Succeeded);
        File.WriteAllText(Path.Combine(docs.Docs, "docs", "api.md"), adopted.Replace("string Humanize(this DateTime ", "string Humanise(this DateTime ", StringComparison.Ordinal));
        Assert.False(docs.Verify().Report.Succeeded);
    }
}
