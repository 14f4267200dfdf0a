using SnippetCheck.Results;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.EndToEnd;

/// <summary>
/// Issue 54, "readers see nothing": the classes the tool wraps a post's code in never reach a message or a stack
/// trace. The post declares <c>Person</c>, so the compiler's message says <c>Person</c>, not <c>Program.Person</c>;
/// a fixture page's failure shows the post's frames, not the tool's <c>__SnippetCheckFixture.Run</c>.
/// </summary>
public sealed class WrapperNameTests
{
    [Fact]
    public async Task A_compiler_message_about_a_members_block_names_its_types_as_the_post_does()
    {
        var report = await Pipeline.VerifyAsync(
            "<!-- snippetcheck: compile members -->\n```csharp\npublic class Person { }\n\npublic static int Age(Person person) => person;\n```\n",
            o => o with { CommandLine = new() { Cache = false } });
        var result = report.Snippets.Single();

        Assert.Equal((SnippetStatus.Failed, "CS0029"), (result.Status, result.Code));
        Assert.Equal("Cannot implicitly convert type 'Person' to 'int'", result.Message);
    }

    [Fact]
    public void A_fixture_pages_stack_trace_shows_the_posts_frames_only()
    {
        using var folder = new TempFolder();
        folder.Write("page.md", "---\nsnippetcheck:\n  fixture: true\n---\n\n```csharp\npublic class Person\n{\n    public void Greet() => throw new InvalidOperationException(\"no name\");\n}\n```\n\n"
            + "<!-- snippetcheck: run -->\n```csharp\nnew Person().Greet();\n```\n");

        var run = CliRunner.Run(folder.Path, "verify", "page.md", "--no-cache", "--report", "json=report.json");

        var failed = JsonReport.Load(Path.Combine(folder.Path, "report.json")).Snippets.Single(s => s.Str("status") == "failed");
        Assert.Contains("InvalidOperationException: no name", failed.Str("message"), StringComparison.Ordinal);
        Assert.Contains("at Person.Greet()", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("__SnippetCheckFixture", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Program.Person", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Program.<Main>()", run.Output, StringComparison.Ordinal);
    }
}
