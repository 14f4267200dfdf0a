using SnippetCheck.Extraction.Snippets;
using static SnippetCheck.Tests.Unit.Adoption.CannedTrials;

namespace SnippetCheck.Tests.Unit.Adoption.Decisions;

/// <summary>
/// Which kind a block is proposed (<c>Adoption/Decisions/BlockProposals</c>), decided from its trials' results: run only when
/// it ran twice with the same output, else compile. Driven by recorded results (<see cref="CannedTrials"/>); nothing compiles.
/// </summary>
public sealed class KindChoiceTests
{
    private const string Hello = "# Post\n\n```csharp\nConsole.WriteLine(\"hi\");\n```\n";

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
    public async Task A_block_whose_second_run_fails_is_proposed_as_compile_only()
    {
        var runs = 0;
        var trials = new CannedTrials(
            s => s.Tags.Kind != SnippetKind.Run ? Passed(s) : Interlocked.Increment(ref runs) == 1 ? Passed(s, "hi\n") : Threw(s));

        var file = Assert.Single(await AdoptionHarness.ProposeAsync(trials, AdoptionHarness.Page(Hello)));

        Assert.Equal(SnippetKind.Compile, Assert.Single(file.Proposals).Kind);
    }

    [Fact]
    public async Task A_block_that_throws_when_run_is_proposed_as_compile_only()
    {
        var trials = new CannedTrials(s => s.Tags.Kind == SnippetKind.Run ? Threw(s) : Passed(s));

        var file = Assert.Single(await AdoptionHarness.ProposeAsync(trials, AdoptionHarness.Page(Hello)));

        Assert.Equal(SnippetKind.Compile, Assert.Single(file.Proposals).Kind);
    }

    private const string Racing =
        "# Post\n\n```csharp\nvar seen = new Dictionary<int, int>();\nParallel.For(0, 10, i => seen[i] = i);\nConsole.WriteLine(seen.Count);\n```\n";

    [Theory]
    [InlineData(2)]
    [InlineData(1)]
    [InlineData(0)]
    public async Task A_block_that_starts_parallel_work_gets_one_note_and_compile_however_many_of_its_runs_passed(int passingRuns)
    {
        // Whether a race passed twice depends on the machine's load: two cold adopts of one post differed in the note.
        var runs = 0;
        var trials = new CannedTrials(s => s.Tags.Kind != SnippetKind.Run ? Passed(s)
            : Interlocked.Increment(ref runs) <= passingRuns ? Passed(s, "10\n") : Threw(s));

        var file = Assert.Single(await AdoptionHarness.ProposeAsync(trials, AdoptionHarness.Page(Racing)));

        Assert.Equal(SnippetKind.Compile, Assert.Single(file.Proposals).Kind);
        Assert.Contains(file.Notes, n => n.Message.Contains("starts parallel work (Parallel.For)", StringComparison.Ordinal));
        // A race that threw once is not the library's rot.
        Assert.Empty(file.Rot);
    }
}
