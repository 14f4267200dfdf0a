using SnippetCheck.Configuration;
using SnippetCheck.Markdown;
using SnippetCheck.Model;
using SnippetCheck.Results;
using SnippetCheck.Snippets;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Unit.Configuration;

/// <summary>The settings table (<see cref="Settings"/>) is what config, front matter and tags read.</summary>
public sealed class SettingsTests
{
    [Fact]
    public void Every_tag_the_table_names_is_a_tag_the_tag_parser_reads()
    {
        foreach (var tag in Settings.All.Select(s => s.Tag?.Word).OfType<string>())
        {
            // A flag ('network') or a key that needs a value ('timeout='): either way one of ours, never a foreign word.
            var (_, diagnostics) = TagParser.Parse([new TagSource($"{tag} {tag}=1", new SourceLocation("post.md", 1, 1))], strictTags: false);
            Assert.DoesNotContain(diagnostics, d => d.Id is DiagnosticCodes.ForeignAttribute or DiagnosticCodes.UnknownTag);
        }
    }

    [Fact]
    public void Front_matter_takes_exactly_the_settings_that_are_not_run_only()
    {
        foreach (var setting in Settings.All)
        {
            var frontMatter = new FrontMatter($"snippetcheck:\n  {setting.Key}: nonsense", new("post.md", 1, 1));
            var error = Record.Exception(() => FrontMatterReader.Read("post.md", frontMatter));
            Assert.Equal(setting.RunOnly, error?.Message.Contains($"'{setting.Key}' applies to a whole run", StringComparison.Ordinal) == true);
        }
    }

    private const string WarningPost = "<!-- snippetcheck: run name=it -->\n```csharp\nint unused = 0;\nConsole.WriteLine(\"hi\");\n```\n\n```output\nhi\n```\n";

    [Fact]
    public async Task WarnAsError_in_front_matter_fails_a_warning_as_the_warnaserror_tag_does()
    {
        var plain = (await Pipeline.VerifyAsync(WarningPost, o => o with { NoCache = true })).Snippets.Single();
        var strict = (await Pipeline.VerifyAsync("---\nsnippetcheck:\n  warnAsError: true\n---\n" + WarningPost, o => o with { NoCache = true })).Snippets.Single();
        var tagged = (await Pipeline.VerifyAsync(WarningPost.Replace("run name=it", "run warnaserror name=it", StringComparison.Ordinal), o => o with { NoCache = true })).Snippets.Single();

        Assert.Equal(SnippetStatus.Passed, plain.Status);
        Assert.Equal((SnippetStatus.Failed, "CS0219"), (strict.Status, strict.Code));
        Assert.Equal((tagged.Status, tagged.Code), (strict.Status, strict.Code));
    }

    [Fact]
    public void WarnAsError_in_the_config_file_must_be_true_or_false()
    {
        Assert.True(ConfigLoader.Parse("c.json", "{ \"warnAsError\": true }").WarnAsError);
        Assert.Equal("'warnAsError' must be true or false, not \"yes\"",
            Assert.Throws<ConfigException>(() => ConfigLoader.Parse("c.json", "{ \"warnAsError\": \"yes\" }")).Message);
    }
}
