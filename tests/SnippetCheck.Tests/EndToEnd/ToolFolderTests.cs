using SnippetCheck.Adoption;
using SnippetCheck.Caching;
using SnippetCheck.Driver;
using SnippetCheck.Tests.Infrastructure;
using static SnippetCheck.Tests.Unit.Caching.ToolFolderTests;

namespace SnippetCheck.Tests.EndToEnd;

/// <summary>
/// A whole verify and a whole adopt leave a posts folder with nothing but its post and <c>.snippetcheck/</c>, which
/// ignores itself (the folder's rules: Unit/Caching/ToolFolderTests).
/// </summary>
public sealed class ToolFolderTests
{
    private const string Post = "# Post\n\n```csharp run\nConsole.WriteLine(42);\n```\n\n```output\n42\n```\n\n```csharp\nvar x = 1;\n```\n";

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
