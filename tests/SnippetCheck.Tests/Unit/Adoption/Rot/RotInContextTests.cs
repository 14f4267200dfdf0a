using SnippetCheck.Adoption.Rot;

namespace SnippetCheck.Tests.Unit.Adoption.Rot;

/// <summary>
/// Issue 76, item 3, removed-API rot's part: a bare call of a name nothing declares is the reader's helper
/// (<see cref="RemovedApiRot.IsBareCall"/>). <see cref="SnippetCheck.Results.RotEvidence"/>'s own rules (a menu of
/// assertions, a task left unawaited, the text that says a block throws, the names a page declares):
/// Unit/Results/RotEvidenceTests. The text around a block, which says whether it throws: RotContextTests.
/// </summary>
public sealed class RotInContextTests
{
    [Theory]
    [InlineData("var method = GetMethod();", 14, "GetMethod", true)]
    [InlineData("var method = Helpers.GetMethod();", 22, "GetMethod", false)]
    [InlineData("var shape = new Circle();", 17, "Circle", false)]
    [InlineData("Configure(options);", 1, "Configure", true)]
    public void A_bare_call_of_a_name_nothing_declares_is_the_readers_helper(string line, int column, string name, bool bare) =>
        Assert.Equal(bare, RemovedApiRot.IsBareCall(line, column - 1, name));
}
