using SnippetCheck.Adoption.Inference.Packages;
using SnippetCheck.Extraction;
using SnippetCheck.Extraction.Markdown;

namespace SnippetCheck.Tests.Unit.Adoption.Inference.Packages;

/// <summary>
/// Issue 77, item 1: the major of a package a page is written for, as the docs say it (docs/adopt.md): a folder
/// (<c>quartz-3.x/</c>), a title or heading ("Quartz 3 Quick Start"), the opening prose; never a guess, never one of two.
/// </summary>
public sealed class PackageMajorsTests
{
    [Theory]
    [InlineData("/docs/documentation/quartz-3.x/tutorial/page.md", "# Jobs\n\nA job:\n\n", 3)]
    [InlineData("/docs/quartz_v3/page.md", "# Jobs\n\nA job:\n\n", 3)]
    [InlineData("/docs/guide/page.md", "---\ntitle: Quartz 3 Quick Start\n---\n\nWelcome.\n\n", 3)]
    [InlineData("/docs/guide/page.md", "# Jobs\n\n## What Quartz 3.1 added\n\nA job:\n\n", 3)]
    // The page's own words come before its folder's.
    [InlineData("/docs/quartz-3.x/page.md", "# Quartz 4.0 jobs\n\nA job:\n\n", 4)]
    // Nothing named: the newest stays.
    [InlineData("/docs/guide/page.md", "# Jobs\n\nA job:\n\n", null)]
    // A migration guide names two: neither is chosen.
    [InlineData("/docs/guide/page.md", "# Migrating from Quartz 3.x to Quartz 4.x\n\nBefore:\n\n", null)]
    // Another library's major, a bare 'Version 2' title, or a version in prose after the first block: not this package's.
    [InlineData("/docs/guide/page.md", "# Using Serilog 2.x with jobs\n\nA job:\n\n", null)]
    [InlineData("/docs/guide/page.md", "# Version 2 release notes\n\nA job:\n\n", null)]
    [InlineData("/docs/guide/page.md", "# Jobs\n\n```csharp\nvar a = 1;\n```\n\nSince Quartz 2.2 this also works:\n\n", null)]
    public void The_major_a_page_names_is_read_from_its_title_opening_and_folder(string path, string before, int? major)
    {
        var document = SourceDocument.FromText(
            path, path.TrimStart('/'), before + "```csharp\nvar job = JobBuilder.Create<HelloJob>().Build();\n```\n");

        Assert.Equal(major, PackageMajors.PageMajor(FenceExtractor.Extract(document), "Quartz", docSetRoot: "docs"));
    }

    [Fact]
    public void A_folder_above_the_doc_sets_root_names_no_major()
    {
        // A checkout in ~/src/polly-v7/ (the user's name for their clone) with 'adopt .' run in its docs: the doc set is docs/.
        const string text = "# Retries\n\nA retry:\n\n```csharp\nvar pipeline = new ResiliencePipelineBuilder().Build();\n```\n";
        var above = SourceDocument.FromText("/home/u/src/polly-v7/docs/retries.md", "retries.md", text);
        var fromHome = SourceDocument.FromText("/home/u/src/polly-v7/docs/retries.md", "src/polly-v7/docs/retries.md", text);
        var inside = SourceDocument.FromText("/home/u/src/polly/docs/polly-v7/retries.md", "polly-v7/retries.md", text);

        Assert.Null(PackageMajors.PageMajor(FenceExtractor.Extract(above), "Polly", docSetRoot: ""));
        Assert.Null(PackageMajors.PageMajor(FenceExtractor.Extract(fromHome), "Polly", docSetRoot: "src/polly-v7/docs"));
        Assert.Equal(7, PackageMajors.PageMajor(FenceExtractor.Extract(inside), "Polly", docSetRoot: "polly-v7"));
    }
}
