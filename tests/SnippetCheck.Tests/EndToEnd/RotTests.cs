using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.EndToEnd;

/// <summary>A post made to rot fails with the right reason at the right line.</summary>
public sealed class RotTests
{
    [Fact]
    public void The_fresh_post_passes()
    {
        using var folder = new TempFolder();
        folder.CopySample("rot.md");
        var result = CliRunner.Run(folder.Path, "verify", "rot.md");
        Assert.True(result.ExitCode == 0, result.Output);
    }

    [Fact]
    public void A_changed_expected_output_fails_at_its_line_in_the_output_block_with_a_diff()
    {
        using var folder = new TempFolder();
        var path = folder.CopySample("rot.md");
        File.WriteAllText(path, File.ReadAllText(path).Replace("sum = 385", "sum = 386"));
        var result = CliRunner.Run(folder.Path, "verify", "rot.md");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("rot.md(16,1): error SC2001: output differs from the output block at line 15 [output-mismatch]", result.Stdout);
        Assert.Contains("    - sum = 386\n    + sum = 385", result.Stdout);
    }

    [Fact]
    public void A_renamed_api_fails_to_compile_at_its_markdown_line_and_column()
    {
        using var folder = new TempFolder();
        var path = folder.CopySample("rot.md");
        // As if string.Concat had been renamed: the call in the quoted, nested fence breaks.
        File.WriteAllText(path, File.ReadAllText(path).Replace("string.Concat(", "string.Concatenate("));
        var result = CliRunner.Run(folder.Path, "verify", "rot.md", "--report", "json=r.json");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("rot.md(33,28): error CS0117: 'string' does not contain a definition for 'Concatenate'", result.Stdout);
        var snippet = JsonReport.Load(Path.Combine(folder.Path, "r.json")).Snippet("quoted");
        Assert.Equal(("failed", "compile-error", 32, 3), (snippet.Str("status"), snippet.Str("reason"), snippet.Int("line"), snippet.Int("column")));
    }
}
