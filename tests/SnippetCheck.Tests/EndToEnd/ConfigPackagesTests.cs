using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.EndToEnd;

/// <summary>
/// Config <c>packages</c> (docs/packages.md, "Packages for every snippet"): Samples/config-packages pins
/// Newtonsoft.Json 13.0.3 in its snippetcheck.json, and its post never says <c>#:package</c> but in one block that
/// pins another version. The differential verifies the folder every way (<see cref="EveryWayRuns"/>); these tests
/// read its default run, and check that the config is what makes the blocks pass.
/// </summary>
public sealed class ConfigPackagesTests
{
    [Fact]
    public void Every_block_passes_with_the_configs_package_and_a_block_keeps_its_own_version()
    {
        var run = EveryWayRuns.ByPath("config-packages")[VerificationPath.Merged];
        Assert.True(run.Result.ExitCode == 0, run.Result.Output);
        var snippets = run.Report.Snippets.ToList();
        Assert.Equal(5, snippets.Count);
        Assert.All(snippets, s => Assert.Equal("passed", s.Str("status")));
        // The version each block printed (a pass printed its output block): the config's, and the block's own where it pins one.
        Assert.Equal(["13.0.0.0", "12.0.0.0"], snippets.Select(s => s.Str("expectedOutput")?.Trim()).Where(e => e?.EndsWith(".0.0.0", StringComparison.Ordinal) == true));
    }

    [Fact]
    public void Without_the_config_the_blocks_that_use_the_package_fail_and_a_package_that_cannot_be_restored_stops_the_run()
    {
        using var folder = new TempFolder();
        PathRuns.CopyFolder(Samples.PathOf("config-packages"), folder.Path);
        File.Delete(Path.Combine(folder.Path, "snippetcheck.json"));
        var without = CliRunner.Run(folder.Path, PackageTestCache.Environment, "verify", "--no-cache", "post.md");
        Assert.True(without.ExitCode == 1, without.Output);
        Assert.Contains("1 passed, 4 failed", without.Output);
        Assert.Contains("error CS0246: The type or namespace name 'Newtonsoft'", without.Output);

        folder.Write("snippetcheck.json", """{ "packages": ["No.Such.Package.Xyz@1.0.0"] }""");
        var missing = CliRunner.Run(folder.Path, PackageTestCache.Environment, "verify", "--no-cache", "post.md");
        Assert.True(missing.ExitCode == 2, missing.Output);
        Assert.Contains("error SC3001: snippetcheck.json: packages could not be restored", missing.Output);
        Assert.Contains("No.Such.Package.Xyz", missing.Output);
    }
}
