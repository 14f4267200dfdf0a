using SnippetCheck.Adoption.Inference.Packages;
using SnippetCheck.Extraction.Snippets;
using SnippetCheck.Programs;
using SnippetCheck.References;
using static SnippetCheck.Tests.Unit.Adoption.CannedTrials;
using ReceiverRule = SnippetCheck.Adoption.Inference.Receivers.Receivers;

namespace SnippetCheck.Tests.Unit.Adoption.Inference.Receivers;

/// <summary>
/// The receivers rule (<see cref="ReceiverRule.Of"/>, <see cref="ReceiverRule.Tries"/>), pages in and trials out: a block that
/// fails on a local another block of its doc set declares is tried with it given, of the type the docs declare it with.
/// </summary>
public sealed class ReceiverTriesTests
{
    private static IReadOnlyList<(PreparedDocument Document, Snippet Snippet)> TriesFor(string setup, string use, string unknown)
    {
        var creates = AdoptionHarness.Page($"# Setup\n\n```csharp\n{setup}\n```\n", "docs/setup.md");
        var uses = AdoptionHarness.Page($"# Use\n\n```csharp\n{use}\n```\n", "docs/use.md");
        var packages = new PackageInference([], new PackageLookups(new CannedFeed()), [creates.Snippets, uses.Snippets], RepositoryHints.None);
        var receivers = new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            [packages.DocSets.Of(uses.Snippets)] = ReceiverRule.Of([creates.Snippets, uses.Snippets]),
        };
        return ReceiverRule.Tries(packages, receivers, [(uses, Unknown(Assert.Single(uses.Blocks), unknown))]);
    }

    [Fact]
    public void A_local_another_page_creates_is_given_of_the_type_it_is_created_with()
    {
        var (_, snippet) = Assert.Single(TriesFor("var table = new Table();", "table.SetWidth(50);", "table"));

        Assert.Equal(["table:Table"], snippet.Tags.Given);
        Assert.Equal(SnippetKind.Compile, snippet.Tags.Kind);
    }

    [Fact]
    public void A_local_another_page_declares_with_its_type_is_given_that_type()
    {
        var (_, snippet) = Assert.Single(TriesFor("IScheduler scheduler = await factory.GetScheduler();", "await scheduler.Start();", "scheduler"));

        Assert.Equal(["scheduler:IScheduler"], snippet.Tags.Given);
    }

    [Fact]
    public void A_name_no_block_declares_is_never_given()
    {
        Assert.Empty(TriesFor("var table = new Table();", "chart.SetWidth(50);", "chart"));
    }
}
