using Microsoft.CodeAnalysis.CSharp;
using SnippetCheck.Configuration;
using SnippetCheck.Model;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Unit.Model;

/// <summary>
/// The words of a framework matrix (docs/frameworks.md): monikers, a block's <c>frameworks=</c> set, the config key, the
/// <c>#:property TargetFramework</c> directive and <c>output frameworks=</c> blocks, read at the edge with clear errors.
/// </summary>
public sealed class TargetFrameworkTests
{
    [Theory]
    [InlineData("net8.0", 8, LanguageVersion.CSharp12)]
    [InlineData("NET9.0", 9, LanguageVersion.CSharp13)]
    [InlineData(" net10.0 ", 10, LanguageVersion.CSharp14)]
    public void A_moniker_gives_the_defaults_the_SDK_gives_a_project_of_that_framework(string text, int major, LanguageVersion language)
    {
        var framework = TargetFramework.TryParse(text)!;
        Assert.Equal((major, language, major, $"net{major}.0"), (framework.Major, Settings.LangVersion.DefaultOn(framework), Settings.WarningLevel.DefaultOn(framework), framework.Moniker));
    }

    [Theory]
    [InlineData("net7.0")]
    [InlineData("net11.0")]
    [InlineData("netstandard2.0")]
    [InlineData("net8")]
    [InlineData("")]
    public void Anything_but_a_supported_moniker_is_no_framework(string text) => Assert.Null(TargetFramework.TryParse(text));

    [Fact]
    public void Each_framework_compiles_with_its_own_preprocessor_symbols()
    {
        var net8 = BuildSymbols.For(TargetFramework.TryParse("net8.0")!, debug: true);
        Assert.Contains("NET8_0", net8);
        Assert.Contains("NET8_0_OR_GREATER", net8);
        Assert.DoesNotContain("NET9_0_OR_GREATER", net8);
        Assert.DoesNotContain("NET10_0", net8);
        // The tool's own: what the SDK defines for a net10.0 Release build.
        Assert.Equal(
            ["TRACE", "NET", "NET10_0", "NETCOREAPP", "NET5_0_OR_GREATER", "NET6_0_OR_GREATER", "NET7_0_OR_GREATER", "NET8_0_OR_GREATER",
             "NET9_0_OR_GREATER", "NET10_0_OR_GREATER", "NETCOREAPP3_1_OR_GREATER", "NETCOREAPP3_0_OR_GREATER", "NETCOREAPP2_0_OR_GREATER", "NETCOREAPP1_0_OR_GREATER"],
            BuildSymbols.For(debug: false).ToArray());
    }

    [Theory]
    [InlineData("net9.0+", "net8.0:False net9.0:True net10.0:True")]
    [InlineData("net8.0,net10.0", "net8.0:True net9.0:False net10.0:True")]
    [InlineData("net10.0", "net8.0:False net9.0:False net10.0:True")]
    public void A_block_narrows_the_matrix_to_a_range_or_a_list(string text, string expected)
    {
        var set = FrameworkSet.TryParse(text, out var problem)!;
        Assert.Equal("", problem);
        Assert.Equal(expected, string.Join(' ', TargetFramework.Supported.Select(f => $"{f}:{set.Contains(f)}")));
    }

    [Fact]
    public void Every_layer_reads_a_list_as_MSBuild_writes_TargetFrameworks()
    {
        var tag = Pipeline.Read("```csharp run frameworks=net8.0;net10.0\nConsole.WriteLine(1);\n```\n").Snippets.Single();
        Assert.DoesNotContain(tag.Annotations, d => d.IsError);
        Assert.Equal("net8.0:True net9.0:False net10.0:True", string.Join(' ', TargetFramework.Supported.Select(f => $"{f}:{tag.Tags.Frameworks!.Contains(f)}")));

        var config = ConfigLoader.Parse("snippetcheck.json", """{ "frameworks": ["net10.0;net8.0"] }""");
        Assert.Equal(["net8.0", "net10.0"], config.Frameworks!.Select(f => f.Moniker));
    }

    /// <summary>One parser for every layer (issue 57): what the tag reads, the config key and the option read too.</summary>
    [Fact]
    public void The_config_key_and_the_option_read_a_range_as_the_tag_does()
    {
        var config = ConfigLoader.Parse("snippetcheck.json", """{ "frameworks": ["net9.0+"] }""");
        Assert.Equal(["net9.0", "net10.0"], config.Frameworks!.Select(f => f.Moniker));

        var (value, problem) = Settings.Frameworks.Option!.Parse!("net9.0+");
        Assert.Null(problem);
        Assert.Equal(["net9.0", "net10.0"], ((IReadOnlyList<TargetFramework>)value!).Select(f => f.Moniker));
    }

    [Fact]
    public void A_bad_frameworks_tag_fails_its_block_and_names_the_supported_ones()
    {
        var snippet = Pipeline.Read("```csharp run frameworks=net7.0+\nConsole.WriteLine(1);\n```\n").Snippets.Single();

        var error = Assert.Single(snippet.Annotations, d => d.IsError);
        Assert.Equal(("SC1002", "'frameworks=net7.0+': 'net7.0' is not a supported target framework (supported: net8.0, net9.0, net10.0)"), (error.Id, error.Message));
    }

    [Fact]
    public void The_config_key_takes_a_list_of_supported_frameworks()
    {
        var config = ConfigLoader.Parse("snippetcheck.json", """{ "frameworks": ["net10.0", "net8.0"] }""");
        Assert.Equal(["net8.0", "net10.0"], config.Frameworks!.Select(f => f.Moniker));

        var bad = Assert.Throws<ConfigException>(() => ConfigLoader.Parse("snippetcheck.json", """{ "frameworks": ["net8.0", "net6.0"] }"""));
        Assert.Equal("'frameworks': 'net6.0' is not a supported target framework (supported: net8.0, net9.0, net10.0)", bad.Message);
    }

    [Fact]
    public void A_target_framework_directive_pins_its_block_and_an_unsupported_one_is_a_directive_error()
    {
        var document = Pipeline.Read("""
            ```csharp run
            #:property TargetFramework=net8.0
            Console.WriteLine(1);
            ```

            ```csharp run
            #:property TargetFramework=net6.0
            Console.WriteLine(1);
            ```
            """);

        var pinned = document.Snippets[0];
        Assert.Equal("net8.0", pinned.PinnedFramework?.Moniker);
        Assert.True(pinned.AppliesTo(TargetFramework.TryParse("net8.0")!));
        Assert.False(pinned.AppliesTo(TargetFramework.Tool));
        var error = Assert.Single(document.Snippets[1].Directives.Errors);
        Assert.Equal("'#:property TargetFramework=net6.0': not a supported target framework (supported: net8.0, net9.0, net10.0)", error.Message);
    }

    [Fact]
    public void A_snippet_has_one_output_block_per_framework_set_and_one_for_the_rest()
    {
        var document = Pipeline.Read("""
            ```csharp run
            Console.WriteLine(Environment.Version.Major);
            ```

            ```output frameworks=net8.0
            8
            ```

            ```output
            10
            ```

            ```csharp run
            Console.WriteLine(1);
            ```

            ```output
            1
            ```

            ```output
            1
            ```
            """);

        var matrix = document.Snippets[0];
        Assert.Empty(matrix.Annotations);
        Assert.Equal("8", matrix.OutputFor(TargetFramework.TryParse("net8.0")!)!.Text);
        Assert.Equal("10", matrix.OutputFor(TargetFramework.TryParse("net9.0")!)!.Text);
        Assert.Equal("10", matrix.OutputFor(TargetFramework.Tool)!.Text);
        // Two output blocks for the same frameworks are still a slip.
        var second = Assert.Single(document.Snippets[1].Annotations);
        Assert.Equal("SC1008", second.Id);
        Assert.Contains("tag each with frameworks=", second.Message);
    }
}
