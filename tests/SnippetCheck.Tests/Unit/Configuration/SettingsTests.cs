using SnippetCheck.Configuration;
using SnippetCheck.Driver;
using SnippetCheck.Extraction;
using SnippetCheck.Extraction.Markdown;
using SnippetCheck.Model;
using SnippetCheck.Results;
using SnippetCheck.Extraction.Snippets;
using SnippetCheck.Caching.Store;
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

    /// <summary>Each row's merge is code its readers go through, and docs/configuration.md says it as the row does.</summary>
    [Fact]
    public void Each_rows_merge_is_documented_as_the_row_says_it()
    {
        var docs = File.ReadAllText(RepositoryRoot.PathOf("docs/configuration.md"));
        foreach (var setting in Settings.All)
            Assert.True(docs.Contains(setting.Merge.Text, StringComparison.Ordinal), $"'{setting.Key}': \"{setting.Merge}\" is not in docs/configuration.md");
    }

    /// <summary>A merge is read by its own kind: reading a list's merge as a flag's is a mistake that fails at once.</summary>
    [Fact]
    public void A_block_tag_merges_by_its_rows_rule()
    {
        Assert.Equal(["System", "System.Text"], Settings.Usings.Merge.WithTag(["System"], ["System.Text", "System"]));
        Assert.Equal(["CS0168", "CS0618"], Settings.NoWarn.Merge.WithTag(["CS0168"], ["cs0168", "CS0618"]));
        Assert.True(Settings.WarnAsError.Merge.WithTag(under: false, tag: true));
        Assert.Equal(Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp12,
            Settings.LangVersion.Merge.WithTag(Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp14, Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp12));
        Assert.Throws<InvalidOperationException>(() => Settings.Usings.Merge.WithTag(under: false, tag: true));
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
        var plain = (await Pipeline.VerifyAsync(WarningPost, o => o with { CommandLine = new() { Cache = false } })).Snippets.Single();
        var strict = (await Pipeline.VerifyAsync("---\nsnippetcheck:\n  warnAsError: true\n---\n" + WarningPost, o => o with { CommandLine = new() { Cache = false } })).Snippets.Single();
        var tagged = (await Pipeline.VerifyAsync(WarningPost.Replace("run name=it", "run warnaserror name=it", StringComparison.Ordinal), o => o with { CommandLine = new() { Cache = false } })).Snippets.Single();

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

    private const string UnusedWarningPost = "<!-- snippetcheck: run warnaserror name=it -->\n```csharp\nint unused = 0;\nConsole.WriteLine(\"hi\");\n```\n\n```output\nhi\n```\n";

    /// <summary>
    /// The setting added after the table: <c>noWarn</c> (a row of <see cref="Settings"/>, its property, and its use in
    /// <c>CompileSettings</c> and the compiler's options). Tag, config and front matter all keep CS0219 from failing the
    /// block that <c>warnaserror</c> would fail.
    /// </summary>
    [Fact]
    public async Task NoWarn_as_a_tag_in_front_matter_and_in_the_config_file_keeps_a_warning_from_failing()
    {
        var failing = (await Pipeline.VerifyAsync(UnusedWarningPost, o => o with { CommandLine = new() { Cache = false } })).Snippets.Single();
        var tagged = (await Pipeline.VerifyAsync(UnusedWarningPost.Replace("warnaserror", "warnaserror nowarn=CS0219", StringComparison.Ordinal), o => o with { CommandLine = new() { Cache = false } })).Snippets.Single();
        var frontMatter = (await Pipeline.VerifyAsync("---\nsnippetcheck:\n  noWarn: [CS0219]\n---\n" + UnusedWarningPost, o => o with { CommandLine = new() { Cache = false } })).Snippets.Single();
        var otherWarning = (await Pipeline.VerifyAsync("---\nsnippetcheck:\n  noWarn: [CS0168]\n---\n" + UnusedWarningPost, o => o with { CommandLine = new() { Cache = false } })).Snippets.Single();

        using var folder = new TempFolder();
        folder.Write("post.md", UnusedWarningPost);
        folder.Write("snippetcheck.json", "{ \"noWarn\": \"CS0219\" }");
        var configured = (await new Verifier(new VerifyOptions { Paths = ["post.md"], CurrentDirectory = folder.Path, CommandLine = new() { Cache = false } }).RunAsync()).Snippets.Single();

        Assert.Equal((SnippetStatus.Failed, "CS0219"), (failing.Status, failing.Code));
        Assert.Equal(SnippetStatus.Passed, tagged.Status);
        Assert.Equal(SnippetStatus.Passed, frontMatter.Status);
        Assert.Equal((SnippetStatus.Failed, "CS0219"), (otherWarning.Status, otherWarning.Code));
        Assert.Equal(SnippetStatus.Passed, configured.Status);
    }

    [Fact]
    public void NoWarn_takes_diagnostic_IDs_only()
    {
        Assert.Equal(["CS0618", "CS0168"], ConfigLoader.Parse("c.json", "{ \"noWarn\": [\"CS0618\", \"CS0168\"] }").NoWarn);
        Assert.Equal(["CS0618", "IDE0005"], ConfigLoader.Parse("c.json", "{ \"noWarn\": \"CS0618,IDE0005\" }").NoWarn);
        Assert.Equal("'noWarn' must be a list of diagnostic IDs, such as [\"CS0618\", \"CS0168\"], not [618]",
            Assert.Throws<ConfigException>(() => ConfigLoader.Parse("c.json", "{ \"noWarn\": [\"618\"] }")).Message);

        var (tags, diagnostics) = TagParser.Parse([new TagSource("run nowarn=CS0618,cs0168", new SourceLocation("post.md", 3, 1))], strictTags: false);
        Assert.Empty(diagnostics);
        Assert.Equal(["CS0618", "cs0168"], tags.Of<IReadOnlyList<string>>(Settings.NoWarn));

        var (_, bad) = TagParser.Parse([new TagSource("run nowarn=obsolete", new SourceLocation("post.md", 3, 1))], strictTags: false);
        Assert.Equal((DiagnosticCodes.BadTagValue, "'nowarn=obsolete' must list diagnostic IDs, such as nowarn=CS0618,CS0168"), (bad.Single().Id, bad.Single().Message));
    }

    [Fact]
    public async Task Config_usings_are_checked_as_the_usings_tag_is_and_a_bad_one_is_named_at_its_line()
    {
        Assert.Equal(["System.Text", "static System.Console", "static System.Math"],
            ConfigLoader.Parse("c.json", "{ \"usings\": [\"System.Text\", \"static:System.Console\", \"static System.Math\"] }").Usings);
        Assert.Empty(ConfigLoader.Parse("c.json", "{ \"usings\": [] }").Usings!);

        using var folder = new TempFolder();
        folder.Write("post.md", UnusedWarningPost);
        folder.Write("snippetcheck.json", "{\n  \"timeout\": \"5s\",\n  \"usings\": [\"System.Text\", \"System Text\"]\n}");
        var error = await Assert.ThrowsAsync<VerificationSetupException>(() => new Verifier(new VerifyOptions { Paths = ["post.md"], CurrentDirectory = folder.Path }).RunAsync());

        Assert.Equal(DiagnosticCodes.BadConfig, error.Code);
        Assert.Equal(new SourceLocation("snippetcheck.json", 3, 1), error.Place);
        Assert.Equal("'usings' must be a list of namespaces, or static:Type for a using static, such as [\"System.Text\", \"static:System.Console\"], not \"System Text\"", error.Problem);
    }

    [Fact]
    public void Every_setting_that_can_change_a_verdict_is_in_the_cache_key()
    {
        var plain = Settings.AddKeyed(new StoreKey(), new SnippetCheckConfig()).Hash();
        foreach (var setting in Settings.All)
        {
            // Every row says where its value goes in the key, or why nowhere (the table's code, not prose).
            Assert.False(string.IsNullOrEmpty(setting.CacheKey.Where), $"{setting.Key} says nothing of the cache key");
            // A value of the setting's own type, read as config reads it: front matter's or the config file's.
            var config = ConfigLoader.Parse("c.json", $"{{ \"{setting.Key}\": {SampleValue(setting)} }}");
            var keyed = Settings.AddKeyed(new StoreKey(), config).Hash();
            Assert.True(setting.CacheKey.Keyed == (keyed != plain), $"{setting.Key}: {setting.CacheKey}");
        }
    }

    private static string SampleValue(Setting setting) => setting.Key switch
    {
        "mode" => "\"all\"",
        "timeout" => "\"2s\"",
        "langVersion" => "\"12\"",
        "nullable" => "\"disable\"",
        "configuration" => "\"Release\"",
        "warningLevel" or "parallelism" => "4",
        "frameworks" => "[\"net8.0\"]",
        "packages" or "packageVersions" => "[\"Humanizer@2.14.1\"]",
        "preludes" => "[\"a.cs\"]",
        "memoryLimit" => "\"512MB\"",
        "sandbox" => "\"off\"",
        "minCoverage" or "minCheckCoverage" => "50",
        "stale" => "\"error\"",
        "scrub" => "[\"duration\"]",
        "scrubbers" => "[{ \"name\": \"id\", \"pattern\": \"[0-9]+\", \"replacement\": \"N\" }]",
        "noWarn" => "[\"CS0618\"]",
        "usings" => "[\"System.Text\"]",
        _ when IsBool(setting) => "true",
        _ => "[\"x\"]",
    };

    private static bool IsBool(Setting setting) => setting.GetType().GetGenericArguments()[0] == typeof(bool?);

    [Fact]
    public void The_starter_config_writes_each_default_the_table_holds()
    {
        var starter = ConfigLoader.Parse("snippetcheck.json", ConfigLoader.StarterConfig);
        Assert.Equal((Settings.TypedMode.Default, Settings.Timeout.Default, Settings.MemoryLimit.Default), (starter.Mode, starter.Timeout, starter.MemoryLimit));
        Assert.Equal(Settings.Include.Default, starter.Include);
        // An unset value reads as the row's default, on each framework the SDK gives its own C# version.
        var empty = new SnippetCheckConfig();
        Assert.Equal((VerifyMode.Tagged, TimeSpan.FromSeconds(10), false), (Settings.TypedMode.In(empty), Settings.Timeout.In(empty), Settings.Network.In(empty)));
        Assert.Equal(Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp12, Settings.LangVersion.In(empty, TargetFramework.TryParse("net8.0")));
    }

    [Theory]
    [InlineData("scrub=\"bad!\"")]
    [InlineData("SCRUB=bad!")]
    [InlineData("frameworks=\"net6.0\"")]
    [InlineData("Frameworks=net9.0;net6.0")]
    public void An_output_blocks_setting_is_read_as_the_code_blocks_tag_with_the_same_message(string tag)
    {
        var document = Pipeline.Read($"```csharp run {tag}\nConsole.WriteLine(1);\n```\n\n```output {tag}\n1\n```\n");
        var messages = document.Snippets[0].Annotations.Where(d => d.Id == DiagnosticCodes.BadTagValue).Select(d => d.Message).ToList();
        Assert.Equal(2, messages.Count);
        Assert.Equal(messages[0], messages[1]);
    }
}
