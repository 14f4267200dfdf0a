using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.EndToEnd.Adoption;

/// <summary>
/// Issue 77, a <c>members</c> block's fields: guidance pages show a method out of its class, calling the class's fields
/// (<c>_httpClientFactory.CreateClient()</c>, <c>_stream.ReadAsync(…)</c>) that no block declares. <c>adopt</c> gives each
/// field the one type every member called on it fits, as it gives a statement block's locals (InferredReceivers), and the
/// field is declared in the class the members compile in (<c>members given=…</c>), so the calls bind and a misspelt one
/// fails.
/// </summary>
public sealed class AdoptMemberFieldsTests
{
    private const string Page = """
        # Cancellation

        ```csharp
        public async Task<string> ReadAllAsync(CancellationToken cancellationToken)
        {
            byte[] buffer = new byte[1024];
            int read = await _stream.ReadAsync(buffer, 0, buffer.Length, cancellationToken);
            await _stream.FlushAsync(cancellationToken);
            return System.Text.Encoding.UTF8.GetString(buffer, 0, read);
        }
        ```
        """;

    [Fact]
    public async Task A_field_a_members_block_calls_and_never_declares_is_given_the_one_type_its_calls_fit_and_a_misspelt_call_fails()
    {
        using var docs = new AdoptInProcess();
        docs.Write("guidance.md", Page);

        await docs.AdoptWriteAsync();
        var expected = Page.Replace("```csharp\n", "<!-- snippetcheck: compile members given=_stream:Stream -->\n```csharp\n", StringComparison.Ordinal);
        Assert.Equal(expected, docs.Read("guidance.md"));

        docs.MutantsFail("guidance.md", expected, new[]
        {
            ("_stream.ReadAsync(", "_stream.ReadAsyncq("), ("_stream.FlushAsync(", "_stream.FlushAsyncq("),
            ("_stream.FlushAsync(cancellationToken)", "_stream.FlushAsync(cancellationToken, 1, 2)"),
        });
    }
}
