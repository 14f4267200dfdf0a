using SnippetCheck.Caching;
using SnippetCheck.Compilation;
using SnippetCheck.Configuration;
using SnippetCheck.Model;
using SnippetCheck.Programs;
using SnippetCheck.Caching.Store;
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
        Assert.Equal(KeyOf(new SnippetCheckConfig()), KeyOf(new SnippetCheckConfig { Parallelism = 3, StrictTags = true, StaleTags = StaleMode.Error }));
        Assert.NotEqual(KeyOf(new SnippetCheckConfig()), KeyOf(new SnippetCheckConfig { NoWarn = ["CS0618"] }));
    }

    [Fact]
    public void Compile_settings_that_differ_in_any_one_field_give_different_keys()
    {
        // A field the key left out would let one setting's cached pass answer for the other (a false pass), and merge
        // programs that compile differently. Every settable field but the references (keyed by content, "refs") is tried.
        var baseline = new CompileSettings();
        var fields = typeof(CompileSettings).GetProperties(System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic)
            .Where(p => p.SetMethod is not null && p.Name != nameof(CompileSettings.References)).ToList();
        Assert.True(fields.Count >= 9, $"only {fields.Count} fields found");
        foreach (var field in fields)
        {
            var changed = baseline with { };
            field.SetValue(changed, Other(field.GetValue(baseline)));
            Assert.True(!changed.Key.Equals(baseline.Key), $"'{field.Name}' is not in the compile settings' key");
            Assert.True(changed.Key.AddTo(new StoreKey()).Hash() != baseline.Key.AddTo(new StoreKey()).Hash(), $"'{field.Name}' is not in the cache key");
        }
        // Equal settings built apart are one key, so merge groups them.
        Assert.Equal(new CompileSettings { Usings = ["System"] }.Key, new CompileSettings { Usings = ["System"] }.Key);
    }

    /// <summary>A value of the same type as <paramref name="value"/>, but different.</summary>
    private static object Other(object? value) => value switch
    {
        bool flag => !flag,
        int number => number + 1,
        Microsoft.CodeAnalysis.CSharp.LanguageVersion version => version == Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp12
            ? Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp13 : Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp12,
        TargetFramework framework => TargetFramework.Supported.First(f => f != framework),
        IReadOnlyList<string> list => (IReadOnlyList<string>)[.. list, "Extra.Namespace"],
        Enum choice => Enum.GetValues(choice.GetType()).Cast<object>().First(v => !v.Equals(choice)),
        _ => throw new InvalidOperationException($"no other value for {value?.GetType().Name ?? "null"}: add one here"),
    };
}
