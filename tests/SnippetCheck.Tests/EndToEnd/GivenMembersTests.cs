using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.EndToEnd;

/// <summary>
/// Issue 77: a <c>members</c> block's <c>given=</c> locals are fields of the class its members compile in, as the post's
/// own class would hold them (<c>_httpClientFactory</c>, <c>_stream</c>), so the calls on them bind and a misspelt one fails.
/// Before, a members block's <c>given=</c> was ignored while the report's <c>wrapped</c> still named it.
/// </summary>
public sealed class GivenMembersTests
{
    private const string Post = "# Members\n\n<!-- snippetcheck: compile members given=_stream:System.IO.Stream -->\n```csharp\n" +
        "public async Task<int> ReadAsync(byte[] buffer) => await _stream.ReadAsync(buffer, 0, buffer.Length);\n```\n\n" +
        "<!-- snippetcheck: compile members given=_stream:System.IO.Stream -->\n```csharp\n" +
        "public async Task<int> ReadAsync(byte[] buffer) => await _stream.ReadAsyncc(buffer, 0, buffer.Length);\n```\n";

    [Fact]
    public void A_members_blocks_given_local_is_a_field_its_calls_bind_to_and_a_misspelt_call_fails()
    {
        using var folder = new TempFolder();
        folder.Write("post.md", Post);

        CliRunner.Run(folder.Path, "verify", "post.md", "--no-cache", "--report", "json=report.json");

        var snippets = JsonReport.Load(Path.Combine(folder.Path, "report.json")).Snippets.ToList();
        Assert.Equal(["passed", "failed"], snippets.Select(s => s.Str("status")));
        Assert.Equal("members given=_stream:System.IO.Stream", snippets[0].Str("wrapped"));
        var error = snippets[1].GetProperty("diagnostics").EnumerateArray().Single(d => d.Str("severity") == "error");
        Assert.Equal(("CS1061", 10), (error.Str("id"), error.Int("line")));
    }
}
