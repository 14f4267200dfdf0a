using SnippetCheck.Adoption;
using SnippetCheck.Caching;
using SnippetCheck.Driver;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Unit.Caching;

/// <summary>
/// <c>.snippetcheck/</c> ignores itself: created with a <c>.gitignore</c> of <c>*</c>, so running the tool leaves a
/// posts repository's <c>git status</c> clean (EndToEnd/GitStatusTests runs it in a real repository).
/// </summary>
public sealed class ToolFolderTests
{
    private const string Post = "# Post\n\n```csharp run\nConsole.WriteLine(42);\n```\n\n```output\n42\n```\n\n```csharp\nvar x = 1;\n```\n";

    private static string GitIgnoreOf(string folder) => File.ReadAllText(Path.Combine(folder, ToolFolder.Name, ".gitignore"));

    [Fact]
    public void Creating_the_cache_folder_gives_the_snippetcheck_folder_a_gitignore_of_everything()
    {
        using var folder = new TempFolder();
        ToolFolder.Create(Path.Combine(folder.Path, ResultCache.DefaultFolder));
        Assert.True(Directory.Exists(Path.Combine(folder.Path, ResultCache.DefaultFolder)));
        Assert.Contains("*", GitIgnoreOf(folder.Path).Split('\n'));
    }

    [Fact]
    public void A_snippetcheck_folder_that_already_exists_is_left_as_it_is()
    {
        using var folder = new TempFolder();
        folder.Write(Path.Combine(ToolFolder.Name, ".gitignore"), "mine\n");
        Directory.CreateDirectory(Path.Combine(folder.Path, "other", ToolFolder.Name));

        ToolFolder.Create(Path.Combine(folder.Path, ResultCache.DefaultFolder));
        ToolFolder.Create(Path.Combine(folder.Path, "other", ResultCache.DefaultFolder));

        Assert.Equal("mine\n", GitIgnoreOf(folder.Path));
        Assert.False(File.Exists(Path.Combine(folder.Path, "other", ToolFolder.Name, ".gitignore")));
    }

    [Fact]
    public void A_cache_dir_outside_any_snippetcheck_folder_ignores_itself()
    {
        using var folder = new TempFolder();
        var cache = Path.Combine(folder.Path, "build", "snippet-cache");
        ToolFolder.Create(cache);
        Assert.Equal(ToolFolder.GitIgnore, File.ReadAllText(Path.Combine(cache, ".gitignore")));
        Assert.False(File.Exists(Path.Combine(folder.Path, "build", ".gitignore")));
    }

    [Fact]
    public async Task Verify_and_an_adopt_dry_run_leave_only_the_post_and_the_self_ignoring_folder()
    {
        using var folder = new TempFolder();
        folder.Write("post.md", Post);
        var options = new VerifyOptions { Paths = ["post.md"], CurrentDirectory = folder.Path };

        var adopted = await Adopter.RunAsync(options, write: false);
        Assert.Contains(ToolFolder.GitIgnore, GitIgnoreOf(folder.Path), StringComparison.Ordinal);
        Directory.Delete(Path.Combine(folder.Path, ToolFolder.Name), recursive: true);
        var verifier = new Verifier(options);
        var report = await verifier.RunAsync();

        Assert.Empty(adopted.Refused);
        Assert.Equal(1, report.Passed);
        Assert.Equal(ToolFolder.GitIgnore, GitIgnoreOf(folder.Path));
        Assert.Equal(["post.md"], Directory.GetFiles(folder.Path).Select(Path.GetFileName));
        Assert.Equal([ToolFolder.Name], Directory.GetDirectories(folder.Path).Select(Path.GetFileName));
    }
}
