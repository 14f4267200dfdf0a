using SnippetCheck.Adoption.Inference.Packages;
using SnippetCheck.Adoption.Trials;
using SnippetCheck.Adoption.Trials.Packages;
using SnippetCheck.Results;
using SnippetCheck.References;
using static SnippetCheck.Tests.Unit.Adoption.CannedTrials;

namespace SnippetCheck.Tests.Unit.Adoption.Trials;

/// <summary>
/// Package inference's trials (<see cref="PackageTrials.TryAsync"/>) against canned results and a canned feed: the block
/// is verified with the package the rule chose, then with the usings the package's types need.
/// </summary>
public sealed class PackageTrialsTests
{
    [Fact]
    public async Task A_block_that_passes_with_its_package_only_once_its_namespace_is_imported_gets_both()
    {
        var page = AdoptionHarness.Page(
            "# Post\n\n`dotnet add package Markdig`\n\n```csharp\nvar pipeline = new MarkdownPipelineBuilder().Build();\n```\n");
        var feed = new CannedFeed();
        feed.Versions["Markdig"] = ["1.6.0"];
        feed.Assemblies["Markdig/1.6.0"] = [typeof(global::Markdig.Markdown).Assembly.Location];
        // Without 'using Markdig;' the package's type is still unknown; with it the block passes.
        var trials = new CannedTrials(s => s.Tags.Packages.Count == 1 && s.Tags.Usings.Contains("Markdig") ? Passed(s)
            : Failed(s, "CS0246", "MarkdownPipelineBuilder", "The type or namespace name 'MarkdownPipelineBuilder' could not be found"))
        { Feed = feed };
        var block = Assert.Single(page.Blocks);

        var failed = Failed(block, "CS0246", "MarkdownPipelineBuilder", "The type or namespace name 'MarkdownPipelineBuilder' could not be found");

        var packages = new PackageFinds(new PackageInference([], [page.Snippets], RepositoryHints.None), new PackageLookups(feed));
        var results = await PackageTrials.TryAsync(trials, packages, [(page, failed)], CancellationToken.None);

        var result = Assert.Single(results);
        Assert.Equal(SnippetStatus.Passed, result.Status);
        Assert.Equal(["Markdig"], result.Snippet.Tags.Usings);
        // Two trials: with the package, then with its namespace too.
        Assert.Equal(2, trials.Asked.Count);
        Assert.Contains("Markdig/1.6.0", feed.Restored);
    }
}
