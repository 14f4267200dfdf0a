using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.EndToEnd;

/// <summary>
/// Config <c>preludes</c> (docs/tags.md, "Hidden code for a whole folder"): Samples/config-preludes names
/// <c>_shared/prelude.cs</c> in its snippetcheck.json, and its posts use the prelude's types and using without
/// declaring them. The differential verifies the folder every way (<see cref="EveryWayRuns"/>); these tests read its
/// default run, and check that the prelude is what makes the blocks pass and that its diagnostics point into it.
/// </summary>
public sealed class ConfigPreludesTests
{
    [Fact]
    public void Every_block_of_every_post_passes_with_the_shared_prelude_and_a_files_own_prelude_comes_after_it()
    {
        var run = EveryWayRuns.ByPath("config-preludes")[VerificationPath.Merged];
        Assert.True(run.Result.ExitCode == 0, run.Result.Output);
        Assert.Equal((6, 6), (run.Report.Snippets.Count(), run.Report.Snippets.Count(s => s.Str("status") == "passed")));
    }

    [Fact]
    public void Without_the_config_the_blocks_fail_and_a_prelude_error_points_into_the_prelude_file()
    {
        using var folder = new TempFolder();
        PathRuns.CopyFolder(Samples.PathOf("config-preludes"), folder.Path);
        var config = Path.Combine(folder.Path, "snippetcheck.json");
        var prelude = Path.Combine(folder.Path, "_shared", "prelude.cs");

        File.Move(config, config + ".off");
        var without = CliRunner.Run(folder.Path, "verify", "--no-cache", "post.md");
        Assert.True(without.ExitCode == 1, without.Output);
        Assert.Contains("0 passed, 4 failed", without.Output);
        Assert.Contains("post.md(7,15): error CS0246: The type or namespace name 'Person' could not be found", without.Output);
        File.Move(config + ".off", config);

        // A typo in the prelude fails each snippet at the prelude's own line and column, not at a post's.
        File.WriteAllText(prelude, File.ReadAllText(prelude).Replace("text.ToUpperInvariant()", "txt.ToUpperInvariant()", StringComparison.Ordinal));
        var broken = CliRunner.Run(folder.Path, "verify", "--no-cache", "post.md");
        Assert.True(broken.ExitCode == 1, broken.Output);
        Assert.Contains(Path.Combine("_shared", "prelude.cs") + "(8,48): error CS0103: The name 'txt' does not exist", broken.Output);

        File.Delete(prelude);
        var missing = CliRunner.Run(folder.Path, "verify", "--no-cache", "post.md");
        Assert.True(missing.ExitCode == 2, missing.Output);
        Assert.Contains("error SC3001: snippetcheck.json: prelude '_shared/prelude.cs' does not exist", missing.Output);
    }

    [Fact]
    public void Hidden_code_in_the_config_is_every_snippets_and_its_error_points_at_its_line_in_the_config()
    {
        using var folder = new TempFolder();
        folder.Write("post.md", "# Post\n\n```csharp run\nConsole.WriteLine(new Person(\"Ada\").Name);\n```\n\n```output\nAda\n```\n");
        folder.Write("snippetcheck.json", "{\n  \"hiddenCode\": [\n    \"// the models\",\n    \"public record Person(string Name);\"\n  ]\n}\n");

        var passes = CliRunner.Run(folder.Path, "verify", "--no-cache");
        Assert.True(passes.ExitCode == 0, passes.Output);
        Assert.Contains("1 passed, 0 failed", passes.Output);

        folder.Write("snippetcheck.json", "{\n  \"hiddenCode\": [\n    \"// the models\",\n    \"public record Person(strin Name);\"\n  ]\n}\n");
        var broken = CliRunner.Run(folder.Path, "verify", "--no-cache");
        Assert.True(broken.ExitCode == 1, broken.Output);
        Assert.Contains("snippetcheck.json(4,27): error CS0246: The type or namespace name 'strin' could not be found", broken.Output);
    }
}
