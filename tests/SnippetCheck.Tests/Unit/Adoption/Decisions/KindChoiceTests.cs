using SnippetCheck.Adoption.Decisions;
using SnippetCheck.Adoption.Inference.Packages;
using SnippetCheck.Adoption.Proposals;
using SnippetCheck.Extraction.Snippets;
using SnippetCheck.Model;
using SnippetCheck.Results;
using static SnippetCheck.Tests.Unit.Adoption.CannedTrials;

namespace SnippetCheck.Tests.Unit.Adoption.Decisions;

/// <summary>
/// Which kind a block is proposed (<c>Adoption/Decisions/BlockProposals</c>), decided from its trials' results: run only when
/// it ran twice with the same output, else compile. The decision is handed what the trials found as data
/// (<see cref="TrialResults"/>), built here, so no pass runs; the one fact about how often adopt runs a block goes through
/// the passes with recorded results (<see cref="CannedTrials"/>). Nothing compiles.
/// </summary>
public sealed class KindChoiceTests
{
    private const string Hello = "# Post\n\n```csharp\nConsole.WriteLine(\"hi\");\n```\n";

    /// <summary>The page's one block decided from what <paramref name="found"/> says its trials found: its file of proposals.</summary>
    private static AdoptFile Decide(string markdown, Func<Snippet, TrialResults.Block> found)
    {
        var page = AdoptionHarness.Page(markdown);
        var block = Assert.Single(page.Blocks);
        var results = new TrialResults(new PackageInference([], [page.Snippets], RepositoryHints.None), [],
            new Dictionary<SourceLocation, TrialResults.Block> { [block.Location] = found(block) });
        return BlockProposals.For(page, [(page, block)], results)!;
    }

    /// <summary>The block as a trial tried it, tagged <paramref name="kind"/>.</summary>
    private static Snippet As(Snippet snippet, SnippetKind kind) => snippet with { Tags = snippet.Tags with { Kind = kind } };

    /// <summary>A block that compiled, and what its first and second runs gave (null: not run).</summary>
    private static TrialResults.Block Compiled(Snippet snippet, Func<Snippet, SnippetResult>? ran, Func<Snippet, SnippetResult>? again) => new()
    {
        Compiles = As(snippet, SnippetKind.Compile).Tags,
        Ran = ran?.Invoke(As(snippet, SnippetKind.Run)),
        Again = again?.Invoke(As(snippet, SnippetKind.Run)),
    };

    [Fact]
    public async Task A_block_that_runs_twice_with_the_same_output_is_proposed_as_run()
    {
        var trials = new CannedTrials(s => Passed(s, s.Tags.Kind == SnippetKind.Run ? "hi\n" : null));

        var file = Assert.Single(await AdoptionHarness.ProposeAsync(trials, AdoptionHarness.Page(Hello)));

        Assert.Equal(SnippetKind.Run, Assert.Single(file.Proposals).Kind);
        // Run twice, never trusted from one run: a block that prints a time would pass once and fail the next verify.
        Assert.Equal(2, trials.Asked.Count(s => s.Tags.Kind == SnippetKind.Run));
    }

    [Fact]
    public void Two_runs_that_printed_alike_make_run()
    {
        var file = Decide(Hello, s => Compiled(s, r => Passed(r, "hi\n"), r => Passed(r, "hi\n")));

        Assert.Equal(SnippetKind.Run, Assert.Single(file.Proposals).Kind);
        Assert.Empty(file.Notes);
    }

    [Fact]
    public void A_block_whose_second_run_fails_is_proposed_as_compile_only()
    {
        var file = Decide(Hello, s => Compiled(s, r => Passed(r, "hi\n"), Threw));

        Assert.Equal(SnippetKind.Compile, Assert.Single(file.Proposals).Kind);
    }

    [Fact]
    public void A_block_that_throws_when_run_is_proposed_as_compile_only()
    {
        var file = Decide(Hello, s => Compiled(s, Threw, again: null));

        Assert.Equal(SnippetKind.Compile, Assert.Single(file.Proposals).Kind);
    }

    [Fact]
    public void A_block_whose_two_runs_printed_differently_is_proposed_as_compile_with_a_note()
    {
        var file = Decide(Hello, s => Compiled(s, r => Passed(r, "hi\n"), r => Passed(r, "bye\n")));

        Assert.Equal(SnippetKind.Compile, Assert.Single(file.Proposals).Kind);
        Assert.Contains(file.Notes, n => n.Message.Contains("printed something else on its second run", StringComparison.Ordinal));
    }

    [Fact]
    public void A_block_no_trial_compiled_is_proposed_as_nothing()
    {
        var file = Decide(Hello, _ => TrialResults.Block.Nothing);

        Assert.Empty(file.Proposals);
    }

    private const string Racing =
        "# Post\n\n```csharp\nvar seen = new Dictionary<int, int>();\nParallel.For(0, 10, i => seen[i] = i);\nConsole.WriteLine(seen.Count);\n```\n";

    [Theory]
    [InlineData(2)]
    [InlineData(1)]
    [InlineData(0)]
    public void A_block_that_starts_parallel_work_gets_one_note_and_compile_however_many_of_its_runs_passed(int passingRuns)
    {
        // Whether a race passed twice depends on the machine's load: two cold adopts of one post differed in the note.
        var file = Decide(Racing, s => Compiled(s, passingRuns >= 1 ? r => Passed(r, "10\n") : Threw,
            passingRuns == 2 ? r => Passed(r, "10\n") : passingRuns == 1 ? Threw : null));

        Assert.Equal(SnippetKind.Compile, Assert.Single(file.Proposals).Kind);
        Assert.Contains(file.Notes, n => n.Message.Contains("starts parallel work (Parallel.For)", StringComparison.Ordinal));
        // A race that threw once is not the library's rot.
        Assert.Empty(file.Rot);
    }
}
