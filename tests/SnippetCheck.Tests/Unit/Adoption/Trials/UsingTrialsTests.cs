using SnippetCheck.Adoption.Trials;
using SnippetCheck.Results;
using static SnippetCheck.Tests.Unit.Adoption.CannedTrials;

namespace SnippetCheck.Tests.Unit.Adoption.Trials;

/// <summary>
/// The rounds of using trials (<see cref="UsingTrials.AddInRoundsAsync"/>) against canned results: each round imports what
/// the last failure's unknown names need, and the next round reads the failure that one leaves.
/// </summary>
public sealed class UsingTrialsTests
{
    private const string Page = "# Post\n\n```csharp\nvar text = new StringBuilder().ToString();\nvar regex = new Regex(text);\n```\n";

    [Fact]
    public async Task A_name_the_compiler_reaches_only_once_the_first_binds_is_imported_in_a_second_round()
    {
        var page = AdoptionHarness.Page(Page);
        var block = Assert.Single(page.Blocks);
        // The compiler reports 'Regex' only once 'StringBuilder' binds (as a lambda's body binds once its receiver does).
        var trials = new CannedTrials(s => !s.Tags.Usings.Contains("System.Text") ? Failed(s, "CS0246", "StringBuilder", "not found")
            : !s.Tags.Usings.Contains("System.Text.RegularExpressions") ? Failed(s, "CS0246", "Regex", "not found")
            : Passed(s));

        var (results, guesses) = await UsingTrials.AddInRoundsAsync(
            trials, [(page, Failed(block, "CS0246", "StringBuilder", "not found"), [])], CancellationToken.None);

        var result = Assert.Single(results);
        Assert.Equal(SnippetStatus.Passed, result.Status);
        Assert.Equal(["System.Text", "System.Text.RegularExpressions"], result.Snippet.Tags.Usings);
        Assert.Equal(2, trials.Asked.Count);
        Assert.Equal(["System.Text"], guesses[block.Location].Usings);
    }

    [Fact]
    public async Task A_block_whose_names_need_no_using_is_not_tried()
    {
        var page = AdoptionHarness.Page("# Post\n\n```csharp\nvar n = total + 1;\n```\n");
        var block = Assert.Single(page.Blocks);
        var trials = new CannedTrials(s => Passed(s));

        var (results, _) = await UsingTrials.AddInRoundsAsync(trials, [(page, Unknown(block, "total"), [])], CancellationToken.None);

        Assert.Empty(results);
        Assert.Empty(trials.Asked);
    }
}
