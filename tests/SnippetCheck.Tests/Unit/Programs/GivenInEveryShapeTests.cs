using SnippetCheck.Results;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Unit.Programs;

/// <summary>
/// A block's <c>given=</c> is honoured in every shape its code can take, because the report's <c>wrapped</c> names it
/// in every shape: statements of a base class's constructor (<c>base=</c>), members of a derived class
/// (<c>members base=</c>), a fixture page's method or members. Each case is a passing block and the same block with the
/// call on the given local misspelt: the misspelt one fails on the call (CS1061), never on the name (CS0103), so the
/// given local is what the call bound to.
/// </summary>
public sealed class GivenInEveryShapeTests
{
    private const string Given = "given=_stream:System.IO.Stream";

    public static TheoryData<string, string, string> Shapes => new()
    {
        { "", $"compile base=System.IO.MemoryStream {Given}", "var n = _stream.{0}(new byte[4], 0, 4);" },
        { "", $"compile members base=System.IO.MemoryStream {Given}", "public int Copy{0}(byte[] b) => _stream.{0}(b, 0, b.Length);" },
        { "<!-- snippetcheck: page fixture: true -->\n", $"compile {Given}", "Console.WriteLine(_stream.{0}(new byte[4], 0, 4));" },
        { "<!-- snippetcheck: page fixture: true -->\n", $"compile members {Given}", "public int Copy{0}(byte[] b) => _stream.{0}(b, 0, b.Length);" },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task A_given_local_binds_and_a_misspelt_call_on_it_fails_on_the_call(string page, string tags, string code)
    {
        // Each on a page of its own: a fixture page is one program, whose failing block stops the others.
        var passing = (await Pipeline.VerifyAsync($"{page}# Given\n\n```csharp {tags}\n{string.Format(code, "Read")}\n```\n")).Snippets.Single();
        var misspelt = (await Pipeline.VerifyAsync($"{page}# Given\n\n```csharp {tags}\n{string.Format(code, "Reed")}\n```\n")).Snippets.Single();

        Assert.True(passing.Status == SnippetStatus.Passed, passing.Message + "\n" + passing.Detail);
        Assert.Equal(SnippetStatus.Failed, misspelt.Status);
        Assert.Equal(["CS1061"], misspelt.Diagnostics.Where(d => d.IsError).Select(d => d.Id).Distinct());
    }

    [Fact]
    public async Task Two_members_blocks_of_a_session_that_give_one_field_share_it_as_the_posts_class_would()
    {
        var report = await Pipeline.VerifyAsync($$"""
            ```csharp compile members session=s {{Given}}
            int First(byte[] b) => _stream.Read(b, 0, 1);
            ```

            ```csharp compile members session=s {{Given}}
            long Where() => _stream.Position;
            ```

            ```csharp check members session=s {{Given}}
            long Length() => _stream.Length;
            ```
            """);

        Assert.All(report.Snippets, s => Assert.True(s.Status == SnippetStatus.Passed, s.Message + "\n" + s.Detail));
    }
}
