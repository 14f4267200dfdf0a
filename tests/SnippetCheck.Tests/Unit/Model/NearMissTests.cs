using SnippetCheck.Model;

namespace SnippetCheck.Tests.Unit.Model;

/// <summary>
/// The one "did you mean" rule (<see cref="EditDistance.NearMiss"/>, docs/architecture.md): at most two edits, fewer than
/// half the shorter word, case ignored. Tags, config keys, directives, scrubbers, the check level's misspelt types and
/// suspected rot's missing members all read it; the cases below are the hints the four earlier rules gave otherwise.
/// </summary>
public sealed class NearMissTests
{
    [Theory]
    [InlineData("rnu", "run", "run")]
    [InlineData("timout", "timeout", "timeout")]
    [InlineData("Lenght", "Length", "Length")]
    [InlineData("length", "Length", "Length")]
    [InlineData("Dictonery", "Dictionary", "Dictionary")]
    // Config keys, directives, scrubbers and missing members took two edits in any word: no longer in a short one.
    [InlineData("sd", "sdk", null)]
    [InlineData("mdxe", "mode", null)]
    // Suspected rot measured no member under four letters: a three-letter one is now a near miss.
    [InlineData("Trm", "Trim", "Trim")]
    // Tags kept their rule, which became everyone's: two edits need five letters.
    [InlineData("norun", "run", null)]
    public void A_near_miss_keeps_most_of_the_word(string word, string candidate, string? meant)
    {
        Assert.Equal(meant, EditDistance.NearMiss(word, ["unrelated", candidate]));
    }

    [Fact]
    public void The_nearest_candidate_wins()
    {
        Assert.Equal("Length", EditDistance.NearMiss("Lengh", ["Lengths", "Length"]));
    }
}
