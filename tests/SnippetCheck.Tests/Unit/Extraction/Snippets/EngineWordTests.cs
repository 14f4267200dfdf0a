using SnippetCheck.Configuration;
using SnippetCheck.Model;
using SnippetCheck.Extraction.Snippets;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Unit.Extraction.Snippets;

/// <summary>Blog-engine words in info strings: silent on untagged blocks, warned about on tagged ones unless declared in <c>engineWords</c>.</summary>
public sealed class EngineWordTests
{
    internal const string Post = "```csharp {linenos=table,hl_lines=[8,\"15-17\"]}\nvar a = 1;\n```\n\n```csharp compile title=\"Program.cs\"\nvar b = 2;\n```\n\n```cs run showLineNumbers\nConsole.WriteLine(3);\n```\n";

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
}
