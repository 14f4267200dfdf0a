using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Cli;

/// <summary>A Hugo post's TOML front matter as the CLI honours it (the reading: Unit/Configuration/TomlFrontMatterTests).</summary>
public sealed class TomlFrontMatterCliTests
{
    [Fact]
    public async Task A_skipped_Hugo_post_is_reported_as_skipped_by_the_real_CLI()
    {
        using var folder = new TempFolder();
        folder.Write("post.md", "+++\ntitle = \"Hugo\"\nsnippetcheck = \"skip\"\n+++\n\n```csharp run\nConsole.WriteLine(undefinedName);\n```\n");

        var run = CliRunner.Run(folder.Path, "-v");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("post.md(6,1): skipped run: skipped by 'snippetcheck: skip' in front matter", run.Stdout);
        await Task.CompletedTask;
    }
}
