using SnippetCheck.Tests.Infrastructure;
using static SnippetCheck.Tests.Unit.Adoption.Inference.MarkedErrorsTests;

namespace SnippetCheck.Tests.Cli;

/// <summary>
/// Issue 26: the pages as adopt tags them (Unit/Adoption/Inference/MarkedErrorsTests, which decides the tags against the
/// compiler's canned answers): the compiler does report the marked errors, so the <c>compile-fail=IDS</c> blocks pass verify;
/// a tagged block whose code starts to compile, or fails with another error, then fails.
/// </summary>
public sealed class MarkedErrorVerifyTests
{
    [Fact]
    public void Tagged_blocks_pass_verify_and_a_block_whose_marked_error_is_gone_or_changed_then_fails()
    {
        using var folder = new TempFolder();
        folder.Write("post.md", TaggedPost);

        var verify = CliRunner.Run(folder.Path, "verify", "--no-cache");
        Assert.Equal(0, verify.ExitCode);
        Assert.Contains("3 passed, 0 failed", verify.Stdout);

        // Mutants: the API changes so the line compiles; the line fails with another error than the one marked.
        folder.Write("post.md", TaggedPost.Replace("int count = \"three\";", "int count = 3;", StringComparison.Ordinal));
        var compiles = CliRunner.Run(folder.Path, "verify", "--no-cache");
        Assert.Equal(1, compiles.ExitCode);
        Assert.Contains("post.md(4,1): error SC", compiles.Stdout);
        Assert.Contains("2 passed, 1 failed", compiles.Stdout);

        folder.Write("post.md", TaggedPost.Replace("int count = \"three\";", "int count = 3.5;", StringComparison.Ordinal));
        var other = CliRunner.Run(folder.Path, "verify", "--no-cache");
        Assert.Equal(1, other.ExitCode);
        Assert.Contains("CS0029", other.Stdout);
        Assert.Contains("CS0266", other.Stdout);
    }

    [Fact]
    public void A_block_tagged_from_the_standards_annotation_passes_and_fails_once_it_compiles()
    {
        using var folder = new TempFolder();
        folder.Write("classes.md", TaggedClasses);

        var verify = CliRunner.Run(folder.Path, "verify", "--no-cache", "classes.md");
        Assert.True(verify.ExitCode == 0, verify.Output);
        Assert.Contains("1 passed, 0 failed", verify.Stdout);

        // The tag guards the example: once it compiles, it fails.
        folder.Write("classes.md", TaggedClasses.Replace("> class A : A {}", "> class A {}", StringComparison.Ordinal));
        Assert.Equal(1, CliRunner.Run(folder.Path, "verify", "--no-cache", "classes.md").ExitCode);
    }
}
