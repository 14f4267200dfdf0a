using System.Text;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Cli;

/// <summary>A Docusaurus-style MDX post verified end to end with the real CLI: exact positions, and <c>--accept</c> on <c>.mdx</c>.</summary>
public sealed class MdxCliTests
{
    [Fact]
    public void A_Docusaurus_post_is_found_by_the_default_globs_and_verified()
    {
        using var folder = new TempFolder();
        folder.CopySample("docusaurus.mdx", "blog/2024-05-01-patterns/index.mdx");

        var run = CliRunner.Run(folder.Path);

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("3 passed, 0 failed, 0 ignored, 1 untagged (4 C# blocks in 1 file)", run.Stdout.Split('\n')[^2]);
    }

    [Fact]
    public void Failures_in_an_MDX_post_point_at_the_exact_line_and_column()
    {
        using var folder = new TempFolder();
        var text = File.ReadAllText(Samples.PathOf("docusaurus.mdx"))
            .Replace("if (o is int n) Console.WriteLine(n + 1);", "if (o is int n) Console.WriteLine(m);", StringComparison.Ordinal)
            .Replace("{/* snippetcheck: output\nsquare\n*/}", "{/* snippetcheck: output\ncircle\n*/}", StringComparison.Ordinal);
        folder.Write("post.mdx", text);

        var run = CliRunner.Run(folder.Path);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            "post.mdx(35,1): error SC2001: output differs from the output block at line 34 [output-mismatch]\n" +
            "    - circle\n" +
            "    + square\n" +
            "    (- expected, + actual; --accept updates the output block)\n" +
            "post.mdx(43,37): error CS0103: The name 'm' does not exist in the current context [compile-error]\n" +
            // The two failed blocks are not verified (issue 54: coverage counts passes only).
            "verified 1 of 4 C# blocks (25 %)\n",
            string.Concat(run.Stdout.Split('\n').SkipLast(2).Select(l => l + "\n")));
    }

    [Fact]
    public void Accept_rewrites_only_the_hidden_output_of_an_MDX_post_with_CRLF_and_a_BOM()
    {
        using var folder = new TempFolder();
        var original = File.ReadAllText(Samples.PathOf("docusaurus.mdx")).Replace("\n", "\r\n", StringComparison.Ordinal);
        var before = original.Replace("output\r\nsquare\r\n*/}", "output\r\nround\r\n*/}", StringComparison.Ordinal);
        byte[] bom = [0xEF, 0xBB, 0xBF];
        var path = Path.Combine(folder.Path, "post.mdx");
        File.WriteAllBytes(path, [.. bom, .. Encoding.UTF8.GetBytes(before)]);

        var accept = CliRunner.Run(folder.Path, "--accept");

        Assert.Equal(0, accept.ExitCode);
        Assert.Contains("post.mdx(34,1): accepted output for the snippet at line 29\n--accept: 1 output block rewritten in 1 file\n", accept.Stdout);
        Assert.Equal([.. bom, .. Encoding.UTF8.GetBytes(original)], File.ReadAllBytes(path));
        Assert.Equal(0, CliRunner.Run(folder.Path).ExitCode);
    }

    [Fact]
    public void Highlight_tags_are_reported_and_counted_by_the_real_CLI()
    {
        using var folder = new TempFolder();
        folder.Write("post.md", "{% highlight csharp linenos %}\nvar x = 1;\n{% endhighlight %}\n\n{{< highlight cs \"linenos=table\" >}}\nvar y = 2;\n{{< /highlight >}}\n");

        var run = CliRunner.Run(folder.Path);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            [
                "post.md(1,1): warning SC1018: this {% highlight csharp %} block is not verified: SnippetCheck reads fenced blocks only; write it as a ```csharp fence to verify it",
                "post.md(5,1): warning SC1018: this {{< highlight cs >}} block is not verified: SnippetCheck reads fenced blocks only; write it as a ```cs fence to verify it",
            ],
            run.Stdout.Split('\n').Where(l => l.Contains("SC1018")));
        Assert.StartsWith("0 passed, 0 failed, 0 ignored, 0 untagged, 2 unverifiable (0 C# blocks in 1 file)", run.Stdout.Split('\n')[^2]);
    }

    [Fact]
    public void Highlight_tags_become_GitHub_warning_annotations()
    {
        using var folder = new TempFolder();
        folder.Write("post.md", "Text.\n\n{% highlight c# %}\nvar x = 1;\n{% endhighlight %}\n");

        var run = CliRunner.RunProcess(folder.Path, null, "--report", "github");

        Assert.Contains("::warning file=post.md,line=3,col=1,title=C# block not verified (SC1018)::this {%25 highlight c# %25} block is not verified", run.Stdout);
    }
}
