using SnippetCheck.Reporting;

namespace SnippetCheck.Tests.Unit.Reporting;

/// <summary>The versions the tool shows: render's verified mark names the release, never a local pack's time stamp (issue 58).</summary>
public sealed class ToolInfoTests
{
    [Theory]
    [InlineData("0.1.0-local.20261126101628", "0.1.0")]
    [InlineData("1.2.3-beta.1-local.20261126101628", "1.2.3-beta.1")]
    [InlineData("1.2.3-beta.1", "1.2.3-beta.1")]
    [InlineData("1.2.3", "1.2.3")]
    public void The_release_version_drops_a_local_packs_suffix_only(string version, string release) =>
        Assert.Equal(release, ToolInfo.ReleaseOf(version));
}
