using SnippetCheck.Adoption.Proposals;
using SnippetCheck.Adoption.Writing;
using SnippetCheck.Configuration;
using SnippetCheck.Extraction.Snippets;
using SnippetCheck.Results;
using static SnippetCheck.Tests.Unit.Adoption.CannedTrials;

namespace SnippetCheck.Tests.Unit.Adoption.Writing;

/// <summary>
/// Adopt's last step (<see cref="ProposalProof"/>): the pages are verified as they will be written, tags in, and every
/// proposal whose block then does not pass is withdrawn with its cause; a withdrawal changes the page, so it is verified
/// again, and the last round leaves a page that still fails nothing. Driven by canned results of the written pages.
/// </summary>
public sealed class ProposalProofTests
{
    private static readonly string[] Codes = ["Console.WriteLine(1);", "Console.WriteLine(2);", "Console.WriteLine(3);",
        "Console.WriteLine(4);", "Console.WriteLine(5);"];

    /// <summary>A page of <paramref name="blocks"/> one-line blocks, each proposed as <c>compile</c> (the last <paramref name="last"/>).</summary>
    private static AdoptFile Proposed(int blocks, SnippetKind last = SnippetKind.Compile)
    {
        var page = AdoptionHarness.Page(string.Concat(Codes.Take(blocks).Select(c => $"# Part\n\n```csharp\n{c}\n```\n\n")));
        var proposals = page.Blocks.Select((s, i) => new AdoptProposal(s, i == blocks - 1 ? last : SnippetKind.Compile, null)).ToList();
        return new AdoptFile(page.Snippets.Source.Document, blocks, proposals, [], []);
    }

    private static Task<List<AdoptFile>> ProveAsync(CannedTrials trials, AdoptFile file) =>
        ProposalProof.ProveAsync(
            trials, new SnippetCheckConfig(), [file], null, CancellationToken.None);

    private static string Code(AdoptProposal proposal) => CodeOf(proposal.Snippet);

    [Fact]
    public async Task A_block_that_fails_on_its_page_as_written_is_withdrawn_with_its_cause_and_the_others_stay()
    {
        var trials = new CannedTrials(s => CodeOf(s).Contains('2', StringComparison.Ordinal) ? Unknown(s, "Console") : Passed(s));

        var file = Assert.Single(await ProveAsync(trials, Proposed(3)));

        Assert.Equal([Codes[0], Codes[2]], file.Proposals.Select(Code));
        Assert.Equal(Codes[1], CodeOf(Assert.Single(file.Failures).Snippet));
        var cause = Assert.Single(file.Causes);
        Assert.Equal(UnverifiedCause.FailedAsWritten, cause.Kind);
        Assert.Contains("passed alone but not on its page as written", cause.Detail, StringComparison.Ordinal);
        // What was verified is the page with its tags in: each block under its compile tag.
        Assert.Equal(3, trials.Written[0].Single().Text.Split("<!-- snippetcheck: compile -->").Length - 1);
    }

    [Fact]
    public async Task An_ignore_tag_holds_without_a_pass_and_is_never_withdrawn()
    {
        var trials = new CannedTrials(s => Passed(s));

        var file = Assert.Single(await ProveAsync(trials, Proposed(2, last: SnippetKind.Ignore)));

        Assert.Equal([SnippetKind.Compile, SnippetKind.Ignore], file.Proposals.Select(p => p.Kind));
        Assert.Empty(file.Causes);
        Assert.Single(trials.Written);
    }

    [Fact]
    public async Task A_block_that_fails_only_after_another_was_withdrawn_is_withdrawn_in_the_next_round()
    {
        // The first round withdraws block 1; the page read again without its tag fails block 2 (its session changed); a
        // third round, withdrawing nothing, ends it.
        CannedTrials trials = null!;
        trials = new CannedTrials(s => trials.Written.Count == 1 && CodeOf(s).Contains('1', StringComparison.Ordinal)
            || trials.Written.Count == 2 && CodeOf(s).Contains('2', StringComparison.Ordinal) ? Unknown(s, "Console") : Passed(s));

        var file = Assert.Single(await ProveAsync(trials, Proposed(3)));

        Assert.Equal([Codes[2]], file.Proposals.Select(Code));
        Assert.Equal(3, trials.Written.Count);
    }

    [Fact]
    public async Task A_page_still_failing_in_the_last_round_has_all_its_blocks_withdrawn()
    {
        // Each round's page fails a new block (round n fails block n): after the fourth, block 5, which always passed, goes too.
        CannedTrials trials = null!;
        trials = new CannedTrials(s => CodeOf(s).Contains(trials.Written.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
            StringComparison.Ordinal) ? Unknown(s, "Console") : Passed(s));

        var file = Assert.Single(await ProveAsync(trials, Proposed(5)));

        Assert.Empty(file.Proposals);
        Assert.Equal(5, file.Causes.Count);
        Assert.Equal(4, trials.Written.Count);
    }

    [Fact]
    public async Task A_page_fixture_with_no_block_left_is_not_proposed()
    {
        var file = Proposed(1) with { Fixture = new PageSettings(true, []) };
        var trials = new CannedTrials(s => Unknown(s, "Console"));

        var proven = Assert.Single(await ProveAsync(trials, file));

        Assert.Empty(proven.Proposals);
        Assert.Null(proven.Fixture);
    }

    [Fact]
    public async Task A_block_skipped_on_its_page_as_written_is_withdrawn_saying_why()
    {
        var trials = new CannedTrials(s => new SnippetResult(s, new Verdict.Skipped("its package was not restored"), [], null, TimeSpan.Zero));

        var file = Assert.Single(await ProveAsync(trials, Proposed(1)));

        Assert.Empty(file.Proposals);
        Assert.Contains("its package was not restored", Assert.Single(file.Causes).Detail, StringComparison.Ordinal);
    }
}
