using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Cli;

/// <summary>The <c>render</c> command line: what it needs, and that its exit codes are <c>verify</c>'s.</summary>
public sealed class RenderCommandTests
{
    [Fact]
    public void Without_out_it_is_a_bad_command_line()
    {
        using var folder = new TempFolder();
        folder.Write("post.md", "```csharp\nConsole.WriteLine(1);\n```\n");
        var result = CliRunner.Run(folder.Path, "render", "post.md");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--out", result.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(folder.Path, "site")));
    }

    [Fact]
    public void An_MDX_post_gets_its_fragments_but_no_copy_or_page_and_says_why()
    {
        using var folder = new TempFolder();
        folder.Write("post.mdx", "# Post\n\n```csharp compile\nvar braces = new { Name = \"x\" };\n```\n");
        var result = CliRunner.Run(folder.Path, "render", "post.mdx", "--out", "site", "--in-place-copy", "--site", "--no-cache");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("post.mdx: no copy or page: MDX reads HTML as JSX", result.Stderr, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(folder.Path, "site", "post", "L3.html")));
        Assert.False(File.Exists(Path.Combine(folder.Path, "site", "post.mdx")));
        Assert.False(File.Exists(Path.Combine(folder.Path, "site", "post.html")));
    }

    [Fact]
    public void A_failing_block_fails_the_run_and_is_still_rendered_with_its_error()
    {
        using var folder = new TempFolder();
        folder.Write("post.md", "# Post\n\n```csharp compile\nint count = \"many\";\n```\n");
        var result = CliRunner.Run(folder.Path, "render", "post.md", "--out", "site", "--no-cache");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error CS0029", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("rendered 1 C# blocks into", result.Stdout, StringComparison.Ordinal);
        var html = File.ReadAllText(Path.Combine(folder.Path, "site", "post", "L3.html"));
        Assert.Contains("data-sc-status=\"failed\"", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"sc-error\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("sc-mark", html, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(folder.Path, "site", "snippetcheck.css")));
    }
}
