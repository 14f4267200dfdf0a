using SnippetCheck.Configuration;
using SnippetCheck.Model;
using SnippetCheck.Extraction.Snippets;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Unit.Extraction.Snippets;

/// <summary>Blog-engine words in info strings: silent on untagged blocks, warned about on tagged ones unless declared in <c>engineWords</c>.</summary>
public sealed class EngineWordTests
{
    private const string Post = "```csharp {linenos=table,hl_lines=[8,\"15-17\"]}\nvar a = 1;\n```\n\n```csharp compile title=\"Program.cs\"\nvar b = 2;\n```\n\n```cs run showLineNumbers\nConsole.WriteLine(3);\n```\n";

    [Fact]
    public void Untagged_blocks_keep_their_engine_words_without_a_warning()
    {
        var snippets = Pipeline.Read(Post).Snippets;

        // Kept as information only: in JSON diagnostics and with --verbose, never as a warning.
        Assert.Equal(DiagnosticSeverity.Info, Assert.Single(snippets[0].Annotations).Severity);
        Assert.False(snippets[0].IsTagged);
        Assert.Equal(["{linenos=table,hl_lines=[8,\"15-17\"]}"], snippets[0].Tags.ForeignAttributes);
        Assert.Equal(["SC1009"], snippets[1].Annotations.Select(d => d.Id));
        Assert.Equal(["SC1009"], snippets[2].Annotations.Select(d => d.Id));
        Assert.Contains("add 'title' to \"engineWords\"", snippets[1].Annotations[0].Message);
    }

    [Fact]
    public void Strict_tags_still_make_an_untagged_block_s_foreign_word_an_error()
    {
        var snippet = Pipeline.Read("```csharp showLineNumbers\nvar a = 1;\n```\n", strictTags: true).Snippets.Single();

        Assert.Equal(DiagnosticSeverity.Error, snippet.Annotations.Single().Severity);
    }

    [Theory]
    [InlineData("title=\"Program.cs\"", true)]
    [InlineData("{linenos=table,hl_lines=[8,\"15-17\"]}", true)]
    [InlineData("{linenos=table,style=monokai}", false)]
    [InlineData("showLineNumbers", false)]
    [InlineData("Title", true)]
    public void Declared_engine_words_cover_every_attribute_of_a_word(string word, bool declared)
    {
        Assert.Equal(declared, TagParser.IsEngineWord(word, ["linenos", "hl_lines", "title"]));
    }

    [Fact]
    public void The_engineWords_key_is_read_from_the_config_file()
    {
        var config = ConfigLoader.Parse("snippetcheck.json", "{ \"engineWords\": [\"linenos\", \"title\"] }");
        Assert.Equal(["linenos", "title"], config.EngineWords);

        var error = Assert.Throws<ConfigException>(() => ConfigLoader.Parse("snippetcheck.json", "{ \"engineWords\": 3 }"));
        Assert.Contains("'engineWords' must be a list of words", error.Message);
    }

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
