using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.EndToEnd.Adoption;

/// <summary>
/// Issue 77, item 3 (cov-g's RestSharp trial: <c>client.ExecuteAsync(request, cancellationToken)</c>,
/// <c>client.ExecuteDeleteAsync($"order/delete/{orderId}", cancellationToken)</c>): a receiver one page creates and another
/// calls alone is given its type, and then (1) a bare local passed to its call is given the parameter's type where the
/// overloads agree, as for a receiver no page creates; (2) a block that still lacks names the docs never declare is
/// proposed at the check level with the receiver given, so its calls on the receiver bind and a misspelt one fails.
/// </summary>
public sealed class AdoptDeclaredReceiverTests
{
    private const string Setup = """
        # Setup

        ```csharp
        var sb = new System.Text.StringBuilder();
        sb.Append(1);
        ```
        """;

    private const string Page = """
        # Use

        ```csharp
        sb.EnsureCapacity(capacity);
        ```

        ```csharp
        sb.AppendLine(title);
        ```
        """;

    [Fact]
    public async Task A_declared_receivers_arguments_are_typed_and_what_lacks_only_the_docs_names_is_checked_with_it_given()
    {
        using var docs = new AdoptInProcess();
        docs.Write("setup.md", Setup);
        docs.Write("use.md", Page);

        await docs.AdoptWriteAsync();
        var written = docs.Read("use.md");
        Assert.Contains("<!-- snippetcheck: compile given=sb:System.Text.StringBuilder,capacity:Int32 -->", written, StringComparison.Ordinal);
        Assert.Contains("<!-- snippetcheck: check given=sb:System.Text.StringBuilder -->", written, StringComparison.Ordinal);
        docs.Verifies();

        // Both bind on the given StringBuilder: misspelt, or passed a string where the capacity goes, each fails.
        docs.MutantsFail("use.md", written, new[]
        {
            ("sb.EnsureCapacity(capacity)", "sb.EnsureCapacityq(capacity)"),
            ("sb.EnsureCapacity(capacity)", "sb.EnsureCapacity(\"x\")"),
            ("sb.AppendLine(title)", "sb.AppendLineq(title)"),
            ("sb.AppendLine(title)", "sb.AppendLine(title, 1, 2)"),
        });
    }
}
