using SnippetCheck.Adoption.Inference.Classes;
using static SnippetCheck.Tests.Unit.Adoption.CannedTrials;

namespace SnippetCheck.Tests.Unit.Adoption.Inference.Classes;

/// <summary>
/// A page fixture's rounds (<see cref="FixtureRounds"/>), read off a page's text and a round's given results: which of
/// the docs' own hidden fences are worth a reading, and the names a round's failed blocks lack, which the next round
/// looks up packages and usings for. The rounds themselves are run by <c>Trials/FixtureTrials</c> (EndToEnd/Adoption/AdoptFixtureTests).
/// </summary>
public sealed class FixtureRoundsTests
{
    [Fact]
    public void The_docs_own_hidden_fences_are_read_as_words_config_does_not_name_yet_plain_words_only()
    {
        var page = AdoptionHarness.Page("""
            # Tests

            <!--
            ```requiredcode
            private Calculator _calculator = new();
            ```
            ```hidden
            int seed = 1;
            ```
            ```c#
            int x = 1;
            ```
            -->

            ```csharp
            Assert.That(_calculator.Add(1, 2), Is.EqualTo(3));
            ```
            """);

        Assert.Equal(["requiredcode"], FixtureRounds.HiddenFenceWords(page, ["Hidden"]));
    }

    [Fact]
    public void A_round_lacks_the_names_of_its_unknown_name_unknown_member_and_namespace_errors_and_no_others()
    {
        var page = AdoptionHarness.Page("# Tests\n\n```csharp\nvar mock = new Mock<ICalculator>();\nint total = mock.Object.Sum();\n```\n");
        var block = page.Blocks[0];
        var failed = new[]
        {
            Failed(block, "CS0246", "Mock", "The type or namespace name 'Mock<>' could not be found"),
            Failed(block, "CS1061", "Sum", "'ICalculator' does not contain a definition for 'Sum'"),
            Failed(block, "CS0234", "ICalculator", "The type or namespace name 'ICalculator' does not exist in the namespace 'Acme'"),
            Failed(block, "CS0029", "total", "Cannot implicitly convert type 'string' to 'int'"),
        };

        var lacking = FixtureRounds.Lacking(failed, page.Snippets.Source.Document);

        Assert.Equal([("CS0246", "Mock"), ("CS1061", "Sum"), ("CS0234", "ICalculator")], lacking);
    }
}
