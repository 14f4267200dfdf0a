using SnippetCheck.Caching;
using SnippetCheck.Compilation;
using SnippetCheck.Configuration;
using SnippetCheck.Programs;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Unit.Caching;

/// <summary>A program's key holds the file's settings that can change its verdict (the table's keyed rows).</summary>
public sealed class CacheKeyTests
{
    private static string KeyOf(SnippetCheckConfig config)
    {
        var document = Pipeline.Read("```csharp run\nConsole.WriteLine(\"hi\");\n```\n");
        return CacheKey.For(SnippetProgram.Lone(document, document.Snippets.Single(), new FileSettings(config, ReferenceAssemblies.Default)), "run-wide");
    }

    [Fact]
    public void A_file_that_allows_the_network_keys_its_programs_apart_from_one_that_does_not()
    {
        // A snippet that connects passes with the file's network: true and fails without it: one key would let the
        // cached pass answer for the run without the network.
        Assert.NotEqual(KeyOf(new SnippetCheckConfig()), KeyOf(new SnippetCheckConfig { Network = true }));
    }

    [Fact]
    public void A_setting_that_changes_no_verdict_leaves_the_key_alone()
    {
        Assert.Equal(KeyOf(new SnippetCheckConfig()), KeyOf(new SnippetCheckConfig { Parallelism = 3, StrictTags = true, Stale = StaleMode.Error }));
        Assert.NotEqual(KeyOf(new SnippetCheckConfig()), KeyOf(new SnippetCheckConfig { NoWarn = ["CS0618"] }));
    }
}
