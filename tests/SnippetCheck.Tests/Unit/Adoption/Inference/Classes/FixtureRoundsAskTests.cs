using Microsoft.CodeAnalysis;
using SnippetCheck.Adoption.Inference.Classes;
using SnippetCheck.Adoption.Inference.Packages;
using SnippetCheck.Extraction.Snippets;
using SnippetCheck.Model;
using SnippetCheck.Results;
using static SnippetCheck.Tests.Unit.Adoption.CannedTrials;

namespace SnippetCheck.Tests.Unit.Adoption.Inference.Classes;

/// <summary>
/// A page fixture's rounds in two pure steps (issue 78): which packages a round asks for (<see cref="FixtureRounds.Asks"/>),
/// and what the next round takes from the answer its trial looked up (<see cref="FixtureRounds.Next"/>). Markdig, the core's
/// own Markdown parser, stands for the package found, as if restored.
/// </summary>
public sealed class FixtureRoundsAskTests
{
    private const string Page = "# Post\n\n```csharp\nvar html = Markdown.ToHtml(\"*hi*\");\nConsole.WriteLine(html);\n```\n";

    /// <summary>Markdig as a lookup answers it: pinned, with the names its assembly declares and that assembly loaded.</summary>
    internal static PackageInference.Found Markdig()
    {
        var path = typeof(global::Markdig.Markdown).Assembly.Location;
        return new(new PackageRequest("Markdig", "1.6.0", new SourceLocation("", 0, 0)), new HashSet<string>(StringComparer.Ordinal) { "Markdig", "Markdown" },
            [path]) { References = [MetadataReference.CreateFromFile(path)] };
    }

    private static (FixtureRounds.Attempt Attempt, IReadOnlyList<Snippet> Blocks, IReadOnlyList<SnippetResult> Results) FirstRound()
    {
        var page = AdoptionHarness.Page(Page);
        var attempt = new FixtureRounds.Attempt(page, page, []);
        var blocks = attempt.Blocks();
        return (attempt, blocks, [Unknown(blocks[0], "Markdown")]);
    }

    [Fact]
    public void A_round_whose_block_lacks_a_PascalCase_name_asks_for_the_packages_of_its_names_once()
    {
        var (attempt, blocks, results) = FirstRound();

        var ask = FixtureRounds.Asks(attempt, blocks, results);

        Assert.NotNull(ask);
        Assert.Same(attempt.Original, ask.Value.Page);
        Assert.Equal(["Markdown"], ask.Value.Unknown);
        // Once looked up, the same names are not asked for again.
        FixtureRounds.Next(attempt, blocks, results, []);
        Assert.Null(FixtureRounds.Asks(attempt, blocks, results));
    }

    [Fact]
    public void A_round_whose_blocks_passed_or_lack_only_camelCase_names_asks_for_nothing()
    {
        var (attempt, blocks, _) = FirstRound();

        Assert.Null(FixtureRounds.Asks(attempt, blocks, [Passed(blocks[0])]));
        Assert.Null(FixtureRounds.Asks(attempt, blocks, [Unknown(blocks[0], "html")]));
    }

    [Fact]
    public void The_next_round_takes_the_answered_package_and_the_one_namespace_that_declares_the_name()
    {
        var (attempt, blocks, results) = FirstRound();

        FixtureRounds.Next(attempt, blocks, results, [Markdig()]);

        Assert.Equal(["Markdig"], attempt.Packages.Select(p => p.Package.Id));
        Assert.Equal(["Markdig"], attempt.Usings);
        Assert.Empty(attempt.Left);
        Assert.Equal(["Markdig@1.6.0"], attempt.Blocks()[0].Tags.Packages.Select(p => $"{p.Id}@{p.Version}"));
    }

    [Fact]
    public void With_no_package_answered_the_round_leaves_its_failing_block_out()
    {
        var (attempt, blocks, results) = FirstRound();

        FixtureRounds.Next(attempt, blocks, results, []);

        Assert.Empty(attempt.Packages);
        Assert.Equal([blocks[0].Location], attempt.Left.Keys);
    }
}
