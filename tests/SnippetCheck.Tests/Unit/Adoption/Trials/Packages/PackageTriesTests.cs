using SnippetCheck.Adoption.Inference.Packages;
using SnippetCheck.Adoption.Trials.Packages;
using SnippetCheck.Extraction.Snippets;
using SnippetCheck.References;
using static SnippetCheck.Tests.Unit.Adoption.CannedTrials;

namespace SnippetCheck.Tests.Unit.Adoption.Trials.Packages;

/// <summary>
/// Package inference's rule and its lookups (<see cref="PackageFinds.TriesAsync"/>), pages in and trials out: which package a
/// failing block is tried with, read from its page's evidence and the names the restored package declares. The feed is canned
/// (<see cref="CannedFeed"/>): Markdig, the core's own Markdown parser, stands for a package, its assembly for the restore.
/// </summary>
public sealed class PackageTriesTests
{
    private const string Page = "# Post\n\nInstall it with `dotnet add package Markdig`.\n\n```csharp\nvar html = Markdown.ToHtml(\"*hi*\");\n```\n";

    private static CannedFeed Markdig()
    {
        var feed = new CannedFeed();
        feed.Versions["Markdig"] = ["1.6.0", "1.5.0"];
        feed.Assemblies["Markdig/1.6.0"] = [typeof(global::Markdig.Markdown).Assembly.Location];
        return feed;
    }

    [Fact]
    public async Task A_block_lacking_a_type_the_package_its_page_installs_declares_is_tried_with_it_at_the_newest_version()
    {
        var page = AdoptionHarness.Page(Page);
        var packages = new PackageFinds(new PackageInference([], [page.Snippets], RepositoryHints.None), new PackageLookups(Markdig()));

        var tries = await packages.TriesAsync([(page, Unknown(Assert.Single(page.Blocks), "Markdown"))], CancellationToken.None);

        var (_, snippet, found) = Assert.Single(tries);
        Assert.Equal(SnippetKind.Compile, snippet.Tags.Kind);
        Assert.Equal(["Markdig@1.6.0"], snippet.Tags.Packages.Select(p => $"{p.Id}@{p.Version}"));
        Assert.Contains("Markdown", Assert.Single(found).Names);
    }

    [Fact]
    public async Task A_block_lacking_only_a_name_the_package_does_not_declare_is_not_tried()
    {
        var page = AdoptionHarness.Page(Page.Replace("Markdown.ToHtml", "Markdovn.ToHtml", StringComparison.Ordinal));
        var packages = new PackageFinds(new PackageInference([], [page.Snippets], RepositoryHints.None), new PackageLookups(Markdig()));

        var tries = await packages.TriesAsync([(page, Unknown(Assert.Single(page.Blocks), "Markdovn"))], CancellationToken.None);

        Assert.Empty(tries);
    }

    [Fact]
    public async Task A_package_no_source_has_is_not_tried_and_its_blocks_are_kept_from_check()
    {
        var page = AdoptionHarness.Page(Page);
        var packages = new PackageFinds(new PackageInference([], [page.Snippets], RepositoryHints.None), new PackageLookups(new CannedFeed()));
        var block = Assert.Single(page.Blocks);

        var tries = await packages.TriesAsync([(page, Unknown(block, "Markdown"))], CancellationToken.None);

        Assert.Empty(tries);
        // Its unknown names may be that package's: never tolerated by check, where a misspelt one would pass.
        Assert.Equal(["Markdig"], packages.Inference.Unloaded[block.Location]);
    }
}
