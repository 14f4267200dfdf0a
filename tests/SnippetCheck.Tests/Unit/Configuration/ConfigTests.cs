using SnippetCheck.Configuration;
using SnippetCheck.Extraction;
using SnippetCheck.Extraction.Markdown;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Unit.Configuration;

public sealed class ConfigTests
{
    [Fact]
    public void The_starter_config_is_valid_and_says_what_the_defaults_are()
    {
        var config = ConfigLoader.Parse("snippetcheck.json", ConfigLoader.StarterConfig);
        Assert.Equal(VerifyMode.Tagged, config.Mode);
        Assert.Equal(TimeSpan.FromSeconds(10), config.Timeout);
        Assert.Equal(Settings.Include.Default, config.Include);
    }

    [Fact]
    public void Unknown_keys_are_errors_that_name_the_file_the_key_and_the_near_miss()
    {
        var error = Assert.Throws<ConfigException>(() => ConfigLoader.Parse("snippetcheck.json", "{\n  \"timout\": \"1s\"\n}"));
        Assert.Equal(("snippetcheck.json", 2), (error.File, error.Line));
        Assert.Contains("unknown key 'timout'; did you mean 'timeout'?", error.Message);
    }

    [Theory]
    [InlineData("{ \"timeout\": \"soon\" }", "'timeout' must be a duration")]
    [InlineData("{ \"mode\": \"some\" }", "'mode' must be \"tagged\" or \"all\"")]
    [InlineData("{ \"parallelism\": 0 }", "'parallelism' must be a whole number")]
    [InlineData("{ \"include\": 3 }", "'include' must be a list")]
    [InlineData("{ not json", "not valid JSON")]
    [InlineData("{ \"packages\": 3 }", "'packages' must be a list of pinned packages")]
    [InlineData("{ \"preludes\": [\"docs/_prelude.md\"] }", "'preludes' lists C# files of hidden code, such as \"docs/_prelude.cs\", not \"docs/_prelude.md\"")]
    [InlineData("{ \"packages\": [\"Bogus\"] }", "'packages' must pin each package as ID@VERSION, such as \"Spectre.Console@0.57.2\", not \"Bogus\"")]
    [InlineData("{ \"packages\": [\"Bogus@35.*\"] }", "not \"Bogus@35.*\"")]
    [InlineData("{ \"packages\": [\"Bogus@35.6.5\", \"bogus@35.6.4\"] }", "'packages' names 'Bogus' more than once")]
    public void Bad_values_are_errors_that_name_the_key(string json, string message)
    {
        Assert.Contains(message, Assert.Throws<ConfigException>(() => ConfigLoader.Parse("c.json", json)).Message);
    }

    [Fact]
    public void Front_matter_settings_apply_to_their_file_and_skip_skips_it()
    {
        var settings = FrontMatterReader.Read("post.md", new FrontMatter("title: x\nsnippetcheck:\n  timeout: 2s\n  mode: all", new("post.md", 1, 1)));
        Assert.Equal((TimeSpan.FromSeconds(2), VerifyMode.All), (settings.Config!.Timeout, settings.Config.Mode));
        Assert.True(FrontMatterReader.Read("post.md", new FrontMatter("snippetcheck: skip", new("post.md", 1, 1))).Skip);
    }

    [Fact]
    public void Packages_are_pinned_in_the_config_file_and_only_there()
    {
        Assert.Equal(["Spectre.Console@0.57.2", "Bogus@35.6.5-beta.1"],
            ConfigLoader.Parse("c.json", "{ \"packages\": [\"Spectre.Console@0.57.2\", \"Bogus@35.6.5-beta.1\"] }").Packages);
        var error = Assert.Throws<ConfigException>(() =>
            FrontMatterReader.Read("post.md", new FrontMatter("snippetcheck:\n  packages: [\"Bogus@35.6.5\"]", new("post.md", 1, 1))));
        Assert.Contains("'packages' applies to a whole run and belongs in snippetcheck.json", error.Message);
    }

    [Fact]
    public void Unknown_front_matter_keys_name_the_markdown_line()
    {
        var error = Assert.Throws<ConfigException>(() =>
            FrontMatterReader.Read("post.md", new FrontMatter("title: x\nsnippetcheck:\n  modes: all", new("post.md", 1, 1))));
        Assert.Equal(4, error.Line);
        Assert.Contains("unknown key 'modes'", error.Message);
    }

    [Fact]
    public void Front_matter_wins_over_the_config_file_and_the_command_line_over_both()
    {
        var file = new SnippetCheckConfig { Timeout = TimeSpan.FromSeconds(1), Mode = VerifyMode.All, Nullable = Microsoft.CodeAnalysis.NullableContextOptions.Disable };
        var frontMatter = new SnippetCheckConfig { Timeout = TimeSpan.FromSeconds(2) };
        var commandLine = new SnippetCheckConfig { Mode = VerifyMode.Tagged };
        var merged = file.Overlay(frontMatter).Overlay(commandLine);
        Assert.Equal((TimeSpan.FromSeconds(2), VerifyMode.Tagged, Microsoft.CodeAnalysis.NullableContextOptions.Disable), (merged.Timeout, merged.Mode, merged.Nullable));
    }

    [Fact]
    public void The_config_file_is_found_in_a_parent_folder()
    {
        using var folder = new TempFolder();
        folder.Write("snippetcheck.json", "{}");
        var nested = Path.Combine(folder.Path, "a", "b");
        Directory.CreateDirectory(nested);
        Assert.Equal(Path.Combine(folder.Path, "snippetcheck.json"), ConfigLoader.Find(nested));
    }
}
