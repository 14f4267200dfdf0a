using SnippetCheck.Caching;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Unit.Caching;

/// <summary>
/// <c>.snippetcheck/</c> ignores itself: created with a <c>.gitignore</c> of <c>*</c>, so running the tool leaves a
/// posts repository's <c>git status</c> clean (EndToEnd/Adoption/AdoptToolFolderTests runs adopt and verify,
/// EndToEnd/GitStatusTests in a real repository).
/// </summary>
public sealed class ToolFolderTests
{
    internal static string GitIgnoreOf(string folder) => File.ReadAllText(Path.Combine(folder, ToolFolder.Name, ".gitignore"));

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
}
