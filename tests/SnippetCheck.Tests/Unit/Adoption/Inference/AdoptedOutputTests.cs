using SnippetCheck.Adoption.Inference;
using SnippetCheck.Configuration;
using SnippetCheck.Extraction;
using SnippetCheck.Programs;
using SnippetCheck.Results;

namespace SnippetCheck.Tests.Unit.Adoption.Inference;

/// <summary>
/// The output block adopt proposes for a block that runs (<see cref="AdoptedOutput"/>): the next fence of the page, when it
/// is an untagged <c>text</c>, <c>console</c> or bare block that holds what every run printed, compared as <c>verify</c>
/// compares output (line endings, trailing white space and blank lines aside; through the block's scrubbers). Page and
/// printed text in, the fence or none out; nothing run.
/// </summary>
public sealed class AdoptedOutputTests
{
    private const string Code = "```csharp\nConsole.WriteLine(\"Hello\");\n```\n";

    /// <summary>The fence proposed as the output block of the page's first block, when <paramref name="after"/> follows it.</summary>
    private static int? FenceLine(string after, params string?[] printed)
    {
        var page = AdoptionHarness.Page($"# Post\n\n{Code}\n{after}");
        var block = page.Blocks[0];
        return AdoptedOutput.FenceFor(page, block, AdoptedOutput.ScrubbingOf(page, block), printed)?.Location.Line;
    }

    [Fact]
    public void The_next_fence_holding_what_every_run_printed_is_the_output_block()
    {
        Assert.Equal(7, FenceLine("```text\nHello\n```\n", "Hello\n", "Hello\r\n"));
        Assert.Equal(7, FenceLine("```console\nHello\n```\n", "Hello  \n\n"));
        Assert.Equal(7, FenceLine("```\nHello\n```\n", "Hello"));
        // Prose between the block and its output is the page's; the fence is still the next one.
        Assert.Equal(9, FenceLine("It prints:\n\n```text\nHello\n```\n", "Hello\n"));
    }

    [Fact]
    public void A_fence_that_differs_from_a_run_or_a_run_that_printed_nothing_gives_no_output_block()
    {
        Assert.Null(FenceLine("```text\nHello\n```\n", "Hello, world\n"));
        Assert.Null(FenceLine("```text\nHello\n```\n", "Hello\n", "hello\n"));
        Assert.Null(FenceLine("```text\nHello\n```\n", "Hello\n", ""));
        Assert.Null(FenceLine("```text\n\n```\n", "  \n"));
    }

    [Fact]
    public void Only_the_next_fence_an_untagged_text_console_or_bare_one_can_become_the_output_block()
    {
        Assert.Null(FenceLine("```json\nHello\n```\n", "Hello\n"));
        Assert.Null(FenceLine("```text title=\"out\"\nHello\n```\n", "Hello\n"));
        Assert.Null(FenceLine("<!-- snippetcheck: output -->\n```text\nHello\n```\n", "Hello\n"));
        // A C# block after it is no output, nor is the text fence beyond that block.
        Assert.Null(FenceLine("```csharp\nHello\n```\n\n```text\nHello\n```\n", "Hello\n"));
        Assert.Null(FenceLine("```text\nHello\n", "Hello\n"));
    }

    private const string Guids = "id 3f2504e0-4f89-11d3-9a0c-0305e82c3301\n";

    private const string OtherGuids = "id 9b2c1a7e-1d2f-4e3a-8b5c-6d7e8f9a0b1c\n";

    [Fact]
    public void Two_texts_are_alike_as_verify_compares_them_through_the_blocks_scrubbers()
    {
        Assert.True(AdoptedOutput.Alike("Hello\nworld", "Hello  \r\nworld\r\n\r\n", Scrubbing.Default));
        Assert.False(AdoptedOutput.Alike("Hello", "hello", Scrubbing.Default));
        Assert.True(AdoptedOutput.Alike(Guids, OtherGuids, Scrubbing.Default));
        Assert.False(AdoptedOutput.Alike(Guids, OtherGuids, Scrubbing.Off));
    }

    [Fact]
    public void A_blocks_scrubbers_are_its_files_and_its_own_tags()
    {
        var tagged = AdoptionHarness.Page($"# Post\n\n<!-- snippetcheck: run scrub=none -->\n{Code}\n```csharp\nConsole.WriteLine(1);\n```\n");
        var configured = AdoptionHarness.Read(
            SourceDocument.FromText(Path.GetFullPath("docs/post.md"), "docs/post.md", $"# Post\n\n{Code}"), new SnippetCheckConfig { Scrub = ["none"] });

        Assert.True(ScrubbingOf(tagged, 0).IsOff);
        Assert.False(ScrubbingOf(tagged, 1).IsOff);
        Assert.False(AdoptedOutput.Alike(Guids, OtherGuids, ScrubbingOf(tagged, 0)));
        Assert.True(AdoptedOutput.Alike(Guids, OtherGuids, ScrubbingOf(tagged, 1)));
        Assert.True(ScrubbingOf(configured, 0).IsOff);
    }

    private static Scrubbing ScrubbingOf(PreparedDocument page, int block) => AdoptedOutput.ScrubbingOf(page, page.Blocks[block]);
}
