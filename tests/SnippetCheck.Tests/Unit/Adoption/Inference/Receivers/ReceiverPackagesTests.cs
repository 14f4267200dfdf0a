using SnippetCheck.Adoption.Inference.Packages;
using SnippetCheck.Extraction.Snippets;
using SnippetCheck.Model;
using SnippetCheck.Programs;
using SnippetCheck.Results;
using static SnippetCheck.Tests.Unit.Adoption.CannedTrials;
using Found = SnippetCheck.Adoption.Inference.Packages.PackageInference.Found;
using Canned = SnippetCheck.Tests.Unit.Adoption.Inference.Classes.FixtureRoundsAskTests;
using ReceiverRule = SnippetCheck.Adoption.Inference.Receivers.Receivers;

namespace SnippetCheck.Tests.Unit.Adoption.Inference.Receivers;

/// <summary>
/// The receivers rule's composed step in two pure steps (issue 78, <see cref="ReceiverRule.Composed"/>): which pages' packages
/// a tried block that still fails asks for (<see cref="PagePackages.Asked"/>), and the tries it makes of the answers.
/// </summary>
public sealed class ReceiverPackagesTests
{
    private const string Use = "# Use\n\n```csharp\nvar html = Markdown.ToHtml(\"*hi*\");\n```\n";

    private static (PackageInference Packages, PreparedDocument Setup, PreparedDocument Uses,
        List<(PreparedDocument Document, Snippet Snippet)> Tries, Dictionary<SourceLocation, SnippetResult> Latest) Set()
    {
        var setup = AdoptionHarness.Page("# Setup\n\n```csharp\nvar pipeline = Build();\n```\n", "docs/setup.md");
        var uses = AdoptionHarness.Page(Use, "docs/use.md");
        var packages = new PackageInference([], [setup.Snippets, uses.Snippets], RepositoryHints.None);
        var (setupBlock, useBlock) = (Assert.Single(setup.Blocks), Assert.Single(uses.Blocks));
        return (packages, setup, uses, [(uses, useBlock), (setup, setupBlock)],
            new() { [useBlock.Location] = Unknown(useBlock, "Markdown"), [setupBlock.Location] = Passed(setupBlock) });
    }

    private static PagePackages Answered(params (PreparedDocument Page, IReadOnlyList<Found> Found)[] answers) =>
        new(answers.ToDictionary(a => new PagePackages.Ask(a.Page, DocSet: false), a => a.Found));

    [Fact]
    public void A_tried_block_that_still_fails_asks_for_its_own_pages_packages_first_and_waits()
    {
        var (packages, _, uses, tries, latest) = Set();
        var pages = PagePackages.None;

        var (withPackages, withoutPackages) = ReceiverRule.Composed(packages, tries, latest, pages);

        Assert.Equal([uses], pages.Asked.Select(a => a.Page));
        Assert.All(pages.Asked, a => Assert.False(a.DocSet));
        Assert.Empty(withPackages);
        Assert.Empty(withoutPackages);
    }

    [Fact]
    public void Its_page_answered_it_is_tried_with_the_package_that_declares_what_it_lacks()
    {
        var (packages, _, uses, tries, latest) = Set();
        var pages = Answered((uses, [Canned.Markdig()]));

        var (withPackages, _) = ReceiverRule.Composed(packages, tries, latest, pages);

        Assert.Empty(pages.Asked);
        var (_, snippet, compile) = Assert.Single(withPackages);
        Assert.Equal(["Markdig@1.6.0"], snippet.Tags.Packages.Select(p => $"{p.Id}@{p.Version}"));
        Assert.Equal(Canned.Markdig().Compile, compile);
    }

    [Fact]
    public void When_its_page_declares_nothing_it_asks_for_the_other_tried_pages_of_its_doc_set_and_takes_theirs()
    {
        var (packages, setup, uses, tries, latest) = Set();
        var first = Answered((uses, []));

        ReceiverRule.Composed(packages, tries, latest, first);
        var (withPackages, _) = ReceiverRule.Composed(packages, tries, latest, Answered((uses, []), (setup, [Canned.Markdig()])));

        Assert.Equal([setup], first.Asked.Select(a => a.Page));
        Assert.Equal(["Markdig"], Assert.Single(withPackages).Snippet.Tags.Packages.Select(p => p.Id));
    }
}
