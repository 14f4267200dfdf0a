using SnippetCheck.Model;

namespace SnippetCheck.Tests.Unit.Model;

/// <summary>
/// The one "did you mean" rule (<see cref="EditDistance.NearMiss"/>, docs/architecture.md): one edit, words of three
/// letters or more, case ignored. Tags, config keys, directives, scrubbers, the check level's misspelt types and
/// suspected rot's missing members all read it; the cases below are the hints the four earlier rules gave otherwise.
/// </summary>
public sealed class NearMissTests
{
    [Theory]
    [InlineData("rnu", "run", "run")]
    [InlineData("timout", "timeout", "timeout")]
    [InlineData("Lenght", "Length", "Length")]
    [InlineData("length", "Length", "Length")]
    // Config keys, directives, scrubbers and missing members took two edits in any word: no longer.
    [InlineData("Dictonery", "Dictionary", null)]
    [InlineData("sd", "sdk", null)]
    [InlineData("mdxe", "mode", null)]
    // Suspected rot measured no member under four letters: a three-letter one is now a near miss.
    [InlineData("Trm", "Trim", "Trim")]
    // Tags took two edits from five letters: no longer (the check level's one edit became everyone's).
    [InlineData("norun", "run", null)]
    [InlineData("seqion", "session", null)]
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
