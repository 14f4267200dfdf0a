using SnippetCheck.Adoption.Inference;
using SnippetCheck.Extraction.Snippets;
using static SnippetCheck.Tests.Unit.Adoption.CannedTrials;

namespace SnippetCheck.Tests.Unit.Adoption.Inference;

/// <summary>
/// How adopt's passes tell blocks apart (<see cref="BlockKeys"/>): by file and fence line, whatever tags a trial gave the
/// block, so a block's results from every pass meet under one key, and the first of several results is the one kept.
/// </summary>
public sealed class BlockKeysTests
{
    private const string Post = "# Post\n\n```csharp\nConsole.WriteLine(1);\n```\n\n```csharp\nConsole.WriteLine(2);\n```\n";

    [Fact]
    public void A_block_is_keyed_by_its_file_and_fence_line_whatever_its_tags()
    {
        var block = AdoptionHarness.Page(Post, "docs/a.md").Blocks[1];
        var tried = block with { Tags = block.Tags with { Kind = SnippetKind.Compile } };

        Assert.Equal(("docs/a.md", 7), BlockKeys.Key(block));
        Assert.Equal(BlockKeys.Key(block), BlockKeys.Key(tried));
    }

    [Fact]
    public void Of_several_results_for_one_block_the_first_is_kept_and_blocks_of_two_files_stay_apart()
    {
        var a = AdoptionHarness.Page(Post, "docs/a.md").Blocks;
        var b = AdoptionHarness.Page(Post, "docs/b.md").Blocks;
        var first = Threw(a[0] with { Tags = a[0].Tags with { Kind = SnippetKind.Run } });

        var byBlock = BlockKeys.ByBlock([first, Passed(a[0]), Passed(a[1]), Passed(b[0])]);

        Assert.Equal([("docs/a.md", 3), ("docs/a.md", 7), ("docs/b.md", 3)], byBlock.Keys.Order());
        Assert.Same(first, byBlock[("docs/a.md", 3)]);
    }
}
