using SnippetCheck.Tests.Infrastructure;
using static SnippetCheck.Tests.Unit.Extraction.Snippets.EngineWordTests;

namespace SnippetCheck.Tests.Cli;

/// <summary>A blog engine's words in the CLI's warnings, <c>list</c> and its JSON (the reading: Unit/Extraction/Snippets/EngineWordTests).</summary>
public sealed class EngineWordCliTests
{
    [Fact]
    public void The_real_CLI_warns_only_about_undeclared_words_on_tagged_blocks_and_list_calls_them_engine_attributes()
    {
        using var folder = new TempFolder();
        folder.Write("post.md", Post);
        folder.Write("snippetcheck.json", "{ \"engineWords\": [\"linenos\", \"hl_lines\", \"title\"] }");

        var verify = CliRunner.Run(folder.Path);
        var list = CliRunner.Run(folder.Path, "list");

        Assert.Equal(0, verify.ExitCode);
        Assert.Equal(
            "post.md(9,1): warning SC1009: 'showLineNumbers' is not a SnippetCheck tag; left alone as a foreign attribute (add 'showLineNumbers' to \"engineWords\" in snippetcheck.json if your blog engine uses it)\n",
            string.Concat(verify.Stdout.Split('\n').Where(l => l.Contains("SC1009")).Select(l => l + "\n")));
        Assert.Equal(
            [
                "post.md(1,1): untagged — engine attributes: {linenos=table,hl_lines=[8,\"15-17\"]}",
                "post.md(5,1): compile — tags: compile; engine attributes: title=\"Program.cs\"",
                "post.md(9,1): run — tags: run; engine attributes: showLineNumbers",
            ],
            list.Stdout.Split('\n').Where(l => l.StartsWith("post.md(", StringComparison.Ordinal)));
        Assert.DoesNotContain("tags: {linenos", list.Stdout);

        folder.Write("snippetcheck.json", "{ }");
        var verbose = CliRunner.Run(folder.Path, "-v");
        Assert.Contains("post.md(1,1): info SC1009: '{linenos=table,hl_lines=[8,\"15-17\"]}' is not a SnippetCheck tag", verbose.Stdout);
        Assert.DoesNotContain("SC1009: '{linenos", CliRunner.Run(folder.Path).Stdout);

        folder.Write("snippetcheck.json", "{ \"engineWords\": [\"linenos\", \"hl_lines\", \"title\"] }");
        var json = CliRunner.Run(folder.Path, "list", "--report", "json=blocks.json");
        Assert.Equal(0, json.ExitCode);
        using var blocks = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(folder.Path, "blocks.json")));
        Assert.Equal(["", "compile", "run"], blocks.RootElement.GetProperty("blocks").EnumerateArray().Select(b => b.GetProperty("tags").GetString()));
        Assert.Equal("title=\"Program.cs\"", blocks.RootElement.GetProperty("blocks")[1].GetProperty("foreignAttributes")[0].GetString());
    }
}
