using SnippetCheck.Caching;
using SnippetCheck.Tests.Infrastructure;
using static SnippetCheck.Tests.Unit.Caching.ToolFolderTests;

namespace SnippetCheck.Tests.EndToEnd.Adoption;

/// <summary>
/// A whole adopt and a whole verify leave a posts folder with nothing but its post and <c>.snippetcheck/</c>, which
/// ignores itself (the folder's rules: Unit/Caching/ToolFolderTests; with git and the CLI: EndToEnd/GitStatusTests).
/// </summary>
public sealed class AdoptToolFolderTests
{
    private const string Post = "# Post\n\n```csharp run\nConsole.WriteLine(42);\n```\n\n```output\n42\n```\n\n```csharp\nvar x = 1;\n```\n";

    [Fact]
    public async Task Verify_and_an_adopt_dry_run_leave_only_the_post_and_the_self_ignoring_folder()
    {
        using var docs = new AdoptInProcess();
        docs.Write("post.md", Post);

        var adopted = await docs.AdoptAsync("post.md");
        Assert.Contains(ToolFolder.GitIgnore, GitIgnoreOf(docs.Docs), StringComparison.Ordinal);
        Directory.Delete(Path.Combine(docs.Docs, ToolFolder.Name), recursive: true);
        // verify with its cache, as a run with no options keeps one.
        var verified = docs.Verify(cache: true, "post.md");

        Assert.Empty(adopted.Refused);
        Assert.Equal(1, verified.Report.Passed);
        Assert.Equal(ToolFolder.GitIgnore, GitIgnoreOf(docs.Docs));
        Assert.Equal(["post.md"], Directory.GetFiles(docs.Docs).Select(Path.GetFileName));
        Assert.Equal([ToolFolder.Name], Directory.GetDirectories(docs.Docs).Select(Path.GetFileName));
    }
}
