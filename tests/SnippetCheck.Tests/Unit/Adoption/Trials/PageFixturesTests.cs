using System.Text.RegularExpressions;
using SnippetCheck.Adoption.Inference.Packages;
using SnippetCheck.Adoption.Proposals;
using SnippetCheck.Adoption.Trials;
using SnippetCheck.Adoption.Trials.Packages;
using SnippetCheck.Extraction.Snippets;
using SnippetCheck.Results;
using SnippetCheck.References;
using static SnippetCheck.Tests.Unit.Adoption.CannedTrials;

namespace SnippetCheck.Tests.Unit.Adoption.Trials;

/// <summary>
/// Adopt's pass 6 (<see cref="PageFixtures"/>): a page is proposed as one class only when the class verifies more blocks
/// than block by block, loses no block that passes alone, and leaves out fewer blocks than it verifies; otherwise the page
/// keeps its blocks' own proposals and a note says why. Driven by canned results: each block answers alone one way and
/// in its page's class (<see cref="CannedTrials.AsFixture"/>) another.
/// </summary>
public sealed class PageFixturesTests
{
    private const string Hello = "Console.WriteLine(\"hi\");";
    private const string Count = "count++;";
    private const string Print = "Console.WriteLine(count);";
    private const string Broken = "var x = y z;";

    private static string PageOf(params string[] blocks) => "# Counting\n\n" + string.Concat(blocks.Select(b => $"```csharp\n{b}\n```\n\n"));

    /// <summary>Alone: <c>hi</c> runs, the counter's blocks lack <c>count</c>, the broken one is no C#.</summary>
    private static SnippetResult Alone(Snippet s) => CodeOf(s) switch
    {
        Hello => Passed(s, s.Tags.Kind == SnippetKind.Run ? "hi\n" : null),
        Broken => Failed(s, "CS1002", "z", "; expected"),
        var code => Unknown(s, code.Contains("count", StringComparison.Ordinal) ? "count" : Regex.Match(code, @"[A-Za-z_]\w*").Value),
    };

    /// <summary>In the page's class: the counter's blocks pass (its field is the page's), <paramref name="failing"/> fails.</summary>
    private static Func<Snippet, SnippetResult> InClass(string failing) => s =>
        CodeOf(s) == failing ? Failed(s, "CS0128", CodeOf(s).Split(' ', '(')[0], "A local variable is already defined in this scope")
        : Passed(s, CodeOf(s) == Print && s.Tags.Kind == SnippetKind.Run ? "1\n" : null);

    private static async Task<AdoptFile> ApplyAsync(string markdown, Func<Snippet, SnippetResult> inClass)
    {
        var page = AdoptionHarness.Page(markdown);
        var trials = new CannedTrials(Alone) { AsFixture = inClass, Pages = [page] };
        var files = (await AdoptionHarness.ProposeAsync(trials, page)).ToList();
        var packages = new PackageFinds(
            new PackageInference([], [page.Snippets], RepositoryHints.None), new PackageLookups(new CannedFeed()));
        return Assert.Single(await PageFixtures.ApplyAsync(trials, trials.Prepare, packages, files, [page], filter: null, write: false, frontMatter: false,
            CancellationToken.None));
    }

    [Fact]
    public async Task A_page_whose_blocks_pass_only_as_one_class_is_proposed_as_its_fixture()
    {
        var file = await ApplyAsync(PageOf(Count, Print), InClass(failing: "none"));

        Assert.True(file.Fixture is { Fixture: true, HiddenFences.Count: 0 }, $"{file.Fixture}");
        Assert.Equal([SnippetKind.Run, SnippetKind.Run], file.Proposals.Select(p => p.Kind));
        Assert.Contains(file.Notes, n => n.Message.StartsWith("page fixture: 2 of 2 blocks verified as one class (0 block by block)",
            StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_class_that_leaves_out_a_block_passing_alone_is_not_proposed_and_the_note_names_the_block()
    {
        var file = await ApplyAsync(PageOf(Hello, Count, Print), InClass(failing: Hello));

        Assert.Null(file.Fixture);
        Assert.Equal(Hello, CodeOf(Assert.Single(file.Proposals).Snippet));
        var note = Assert.Single(file.Notes, n => n.Message.StartsWith("not proposed as a page fixture", StringComparison.Ordinal)).Message;
        Assert.Equal("not proposed as a page fixture: 2 of 3 blocks verify as one class (1 block by block), but the class leaves out 1 " +
            "block(s) that pass or are checked alone, e.g. line 3", note);
    }

    [Fact]
    public async Task A_class_that_leaves_out_as_many_blocks_as_it_verifies_is_not_proposed()
    {
        var file = await ApplyAsync(PageOf(Broken, Count), InClass(failing: Broken));

        Assert.Null(file.Fixture);
        Assert.Empty(file.Proposals);
        Assert.Contains(file.Notes, n => n.Message == "not proposed as a page fixture: 1 of 2 blocks verify as one class (0 block by block), " +
            "but it would leave out 1 with ignore, as many or more");
    }
}
