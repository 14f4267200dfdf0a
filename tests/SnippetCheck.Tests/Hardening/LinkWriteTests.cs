using SnippetCheck.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SnippetCheck.Tests.Hardening;

/// <summary>
/// No write through a link (issue 53, item 6): a pull request's <c>posts/</c> can hold a file symlink and a folder
/// symlink that point outside the checkout. <c>verify --accept</c>, <c>adopt --write</c> and render's in-place copy
/// say so and leave the link's target byte for byte, while a plain post beside them is still written.
/// </summary>
public sealed class LinkWriteTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempFolder _repository = new();
    private readonly TempFolder _outside = new();

    /// <summary>A post --accept rewrites: its output block is wrong.</summary>
    private const string Mismatch = "```csharp\nConsole.WriteLine(\"new\");\n```\n\n```output\nold\n```\n";

    /// <summary>A post adopt --write tags: its block fails to compile with the error its comment marks.</summary>
    private const string Untagged = "```csharp\nint count = \"three\"; // error CS0029\n```\n";

    /// <summary>The targets outside the checkout, reached as posts/linked.md and posts/folder/inner.md; and a plain post.</summary>
    private (string File, string Inner, string Plain) Plant(string text)
    {
        var file = Path.Combine(_outside.Path, "target.md");
        var inner = Path.Combine(_outside.Path, "folder", "inner.md");
        _outside.Write("target.md", text);
        _outside.Write("folder/inner.md", text);
        var plain = _repository.Write("posts/plain.md", text);
        File.CreateSymbolicLink(Path.Combine(_repository.Path, "posts", "linked.md"), file);
        Directory.CreateSymbolicLink(Path.Combine(_repository.Path, "posts", "folder"), Path.GetDirectoryName(inner)!);
        return (file, inner, plain);
    }

    private CliResult Run(params string[] args)
    {
        var result = CliRunner.Run(_repository.Path, args);
        output.WriteLine($"$ snippetcheck {string.Join(' ', args)} → exit {result.ExitCode}\n{result.Output}");
        return result;
    }

    /// <summary>Both targets are as planted, both links are still links, and the run named each.</summary>
    private void AssertLinksKept(string file, string inner, string text, CliResult result)
    {
        Assert.Equal(text, File.ReadAllText(file));
        Assert.Equal(text, File.ReadAllText(inner));
        Assert.NotNull(new FileInfo(Path.Combine(_repository.Path, "posts", "linked.md")).LinkTarget);
        Assert.NotNull(new DirectoryInfo(Path.Combine(_repository.Path, "posts", "folder")).LinkTarget);
        Assert.Contains("posts/linked.md", result.Output);
        Assert.Contains("posts/folder/inner.md", result.Output);
        Assert.Contains("symbolic link", result.Output);
    }

    [Fact]
    public void Accept_never_writes_through_a_file_or_folder_symlink()
    {
        var (file, inner, plain) = Plant(Mismatch);

        var result = Run("verify", "posts", "--accept", "--no-cache");

        AssertLinksKept(file, inner, Mismatch, result);
        Assert.Contains("```output\nnew\n```", File.ReadAllText(plain));
    }

    [Fact]
    public void Adopt_write_never_writes_through_a_file_or_folder_symlink()
    {
        var (file, inner, plain) = Plant(Untagged);

        var result = Run("adopt", "posts", "--write");

        AssertLinksKept(file, inner, Untagged, result);
        Assert.Contains("<!-- snippetcheck: compile-fail=CS0029 -->", File.ReadAllText(plain));
    }

    [Fact]
    public void Render_never_writes_its_in_place_copy_through_a_symlink_in_its_output_folder()
    {
        _repository.Write("posts/post.md", "```csharp\nConsole.WriteLine(1);\n```\n\n```output\n1\n```\n");
        var target = _outside.Write("victim.md", "kept");
        Directory.CreateDirectory(Path.Combine(_repository.Path, "out", "posts"));
        File.CreateSymbolicLink(Path.Combine(_repository.Path, "out", "posts", "post.md"), target);

        var result = Run("render", "posts", "--out", "out", "--in-place-copy", "--no-cache");

        Assert.Equal("kept", File.ReadAllText(target));
        Assert.Contains("symbolic link", result.Output);
    }

    public void Dispose()
    {
        _repository.Dispose();
        _outside.Dispose();
    }
}
