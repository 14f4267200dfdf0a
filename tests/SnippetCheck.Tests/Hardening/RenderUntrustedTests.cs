using SnippetCheck.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SnippetCheck.Tests.Hardening;

/// <summary>
/// <c>render</c> and links (issue 74, finding 8): a docs site built from a pull request's preview is an untrusted run.
/// Render never writes through a linked <c>--out</c> root or a linked folder in it (a clear error naming it, never the
/// internal error it was), and under <c>--untrusted</c>, as <c>verify --untrusted</c>, it reads no linked post
/// (<c>posts/key.md -&gt; ~/.ssh/id_rsa</c> was published into the site): SC3017 at the link's path. The trusted control
/// shows the same checkout does publish the linked post.
/// </summary>
public sealed class RenderUntrustedTests(ITestOutputHelper output) : IDisposable
{
    private const string Post = "# A post\n\n```csharp run\nConsole.WriteLine(1);\n```\n\n```output\n1\n```\n";
    private const string Secret = "CANARY-SSH-KEY";

    private readonly TempFolder _repository = new();
    private readonly TempFolder _outside = new();

    private CliResult Run(params string[] args)
    {
        var result = CliRunner.Run(_repository.Path, args);
        output.WriteLine($"$ snippetcheck {string.Join(' ', args)} → exit {result.ExitCode}\n{result.Output}");
        return result;
    }

    private static void AssertNoInternalError(CliResult result)
    {
        Assert.DoesNotContain("SC3006", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", result.Output, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_linked_out_root_is_a_clear_error_and_nothing_is_written_through_it()
    {
        _repository.Write("posts/post.md", Post);
        Directory.CreateSymbolicLink(Path.Combine(_repository.Path, "site"), _outside.Path);

        var result = Run("render", "posts", "--out", "site", "--site", "--no-cache");

        Assert.Empty(Directory.GetFileSystemEntries(_outside.Path));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("symbolic link", result.Output, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(_repository.Path, "site"), result.Output, StringComparison.Ordinal);
        AssertNoInternalError(result);
    }

    [Fact]
    public void A_linked_folder_in_the_output_is_a_clear_error_naming_it_not_an_internal_one()
    {
        _repository.Write("posts/post.md", Post);
        Directory.CreateDirectory(Path.Combine(_repository.Path, "out"));
        Directory.CreateSymbolicLink(Path.Combine(_repository.Path, "out", "posts"), _outside.Path);

        var result = Run("render", "posts", "--out", "out", "--no-cache");

        Assert.Empty(Directory.GetFileSystemEntries(_outside.Path));
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("symbolic link", result.Output, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(_repository.Path, "out", "posts"), result.Output, StringComparison.Ordinal);
        AssertNoInternalError(result);
    }

    /// <summary>A post linked to a key outside the checkout, one in a linked folder, and a plain post.</summary>
    private void PlantLinkedPosts()
    {
        _repository.Write("posts/post.md", Post);
        var key = _outside.Write(".ssh/id_rsa", $"{Secret}\n\n```csharp run\nConsole.WriteLine(\"{Secret}\");\n```\n");
        _outside.Write("folder/inner.md", $"# {Secret}\n");
        File.CreateSymbolicLink(Path.Combine(_repository.Path, "posts", "key.md"), key);
        Directory.CreateSymbolicLink(Path.Combine(_repository.Path, "posts", "folder"), Path.Combine(_outside.Path, "folder"));
    }

    private string SiteText() => string.Concat(Directory.GetFiles(Path.Combine(_repository.Path, "site"), "*", SearchOption.AllDirectories)
        .Select(File.ReadAllText));

    [Fact]
    public void Render_untrusted_publishes_no_linked_post_and_says_so_at_the_links()
    {
        PlantLinkedPosts();

        var untrusted = Run("render", "posts", "--out", "site", "--site", "--no-cache", "--untrusted");

        Assert.DoesNotContain(Secret, SiteText(), StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, untrusted.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_repository.Path, "site", "posts", "post.html")), untrusted.Output);
        Assert.Contains("posts/key.md(1,1): error SC3017", untrusted.Output, StringComparison.Ordinal);
        Assert.Contains("posts/folder/inner.md(1,1): error SC3017", untrusted.Output, StringComparison.Ordinal);
        Assert.Equal(1, untrusted.ExitCode);
        AssertNoInternalError(untrusted);

        // The control: trusted, render follows the links and publishes what they point to.
        var trusted = Run("render", "posts", "--out", "site", "--site", "--no-cache");
        Assert.Contains(Secret, SiteText(), StringComparison.Ordinal);
        Assert.Equal(0, trusted.ExitCode);
    }

    [SandboxFact(SandboxFeature.Filesystem)]
    public void Verify_untrusted_reads_no_linked_post()
    {
        PlantLinkedPosts();

        var untrusted = Run("verify", "posts", "--no-cache", "--untrusted");

        Assert.DoesNotContain(Secret, untrusted.Output, StringComparison.Ordinal);
        Assert.Contains("posts/key.md(1,1): error SC3017", untrusted.Output, StringComparison.Ordinal);
        Assert.Contains("symbolic link", untrusted.Output, StringComparison.Ordinal);
        Assert.Contains("1 passed", untrusted.Output, StringComparison.Ordinal);
        Assert.Equal(1, untrusted.ExitCode);

        var trusted = Run("verify", "posts", "--no-cache");
        Assert.Contains("2 passed", trusted.Output, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _repository.Dispose();
        _outside.Dispose();
    }
}
