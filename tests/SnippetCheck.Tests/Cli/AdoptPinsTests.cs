using System.Text.Json;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Cli;

/// <summary>
/// Issue 54, one pin per package for the doc set: <c>adopt --write</c> on two pages that use one package (a local feed,
/// no network) writes <c>packages=Id</c> tags with no version and the version once, in <c>snippetcheck.json</c>'s
/// <c>packageVersions</c>; a later verify compiles every such block against the config's pin, as its JSON report says;
/// and <c>outdated --write</c> moves that one line, never a page.
/// </summary>
[TakesSeconds(67)]
public sealed class AdoptPinsTests
{
    private const string Intro = """
        # Greeting

        Install it with `dotnet add package Acme.Greeter`.

        ```csharp
        using Acme.Greeter;

        Console.WriteLine(Greeting.Hello("intro"));
        ```
        """;

    private const string More = """
        # More greetings

        ```csharp
        Console.WriteLine(Greeting.Hello("more"));
        ```
        """;

    [Fact]
    public void Adopt_writes_one_pin_in_the_config_and_tags_without_versions_that_verify_and_outdated_move_it()
    {
        using var folder = new TempFolder();
        var docs = Path.Combine(folder.Path, "docs");
        var (feed, environment) = LocalFeed.Create(folder.Path, docs);
        LocalFeed.Pack(feed, "Acme.Greeter", "1.0.0", Greeter("1.0"));
        LocalFeed.Pack(feed, "Acme.Greeter", "1.1.0", Greeter("1.1"));
        folder.Write("docs/guide/intro.md", Intro);
        folder.Write("docs/guide/more.md", More);

        var adopt = CliRunner.Run(docs, environment, "adopt", "--write");

        Assert.True(adopt.ExitCode == 0, adopt.Output);
        var intro = File.ReadAllText(Path.Combine(docs, "guide", "intro.md"));
        var more = File.ReadAllText(Path.Combine(docs, "guide", "more.md"));
        Assert.Contains("<!-- snippetcheck: run packages=Acme.Greeter -->\n```csharp\nusing Acme.Greeter;", intro, StringComparison.Ordinal);
        Assert.Contains("<!-- snippetcheck: run usings=Acme.Greeter packages=Acme.Greeter -->\n```csharp\nConsole", more, StringComparison.Ordinal);
        var config = File.ReadAllText(Path.Combine(docs, "snippetcheck.json"));
        Assert.Equal("{\n  \"packageVersions\": [\"Acme.Greeter@1.1.0\"]\n}\n", config);
        Assert.Contains("snippetcheck.json: pinned Acme.Greeter@1.1.0 in \"packageVersions\"", adopt.Stdout, StringComparison.Ordinal);

        // The config's pin is the version: moved back to 1.0.0, every block is verified with 1.0.0 and says so.
        File.WriteAllText(Path.Combine(docs, "snippetcheck.json"), config.Replace("1.1.0", "1.0.0", StringComparison.Ordinal));
        var verify = CliRunner.Run(docs, environment, "verify", "--no-cache", "--report", "json=report.json");
        Assert.True(verify.ExitCode == 0, verify.Output);
        using (var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(docs, "report.json"))))
        {
            var snippets = report.RootElement.GetProperty("snippets").EnumerateArray().ToList();
            Assert.Equal(2, snippets.Count);
            Assert.All(snippets, s => Assert.Equal(["Acme.Greeter@1.0.0"], s.GetProperty("packages").EnumerateArray().Select(
                p => $"{p.GetProperty("id").GetString()}@{p.GetProperty("version").GetString()}")));
        }

        // outdated finds 1.1.0, and --write moves the one pin in the config; the pages stay as they are.
        var outdated = CliRunner.Run(docs, environment, "outdated", "--write");
        Assert.True(outdated.ExitCode == 0, outdated.Output);
        Assert.Equal(config, File.ReadAllText(Path.Combine(docs, "snippetcheck.json")));
        Assert.Equal(intro, File.ReadAllText(Path.Combine(docs, "guide", "intro.md")));
        Assert.Equal(more, File.ReadAllText(Path.Combine(docs, "guide", "more.md")));
    }

    [Fact]
    public void A_packages_tag_without_a_version_the_config_does_not_pin_fails_its_block_saying_so()
    {
        using var folder = new TempFolder();
        folder.Write("post.md", "<!-- snippetcheck: run packages=Acme.Greeter -->\n```csharp\nConsole.WriteLine(1);\n```\n");

        var verify = CliRunner.Run(folder.Path, "verify", "--no-cache");

        Assert.Equal(1, verify.ExitCode);
        Assert.Contains(
            "error SC1002: 'packages=Acme.Greeter' names no version, and the config pins none for it", verify.Output, StringComparison.Ordinal);
    }

    /// <summary>
    /// A library family whose packages share a namespace root (Swashbuckle's six <c>Swashbuckle.AspNetCore.*</c>): every
    /// package declares the namespace part a block's using lacks, so each block got all of them. Trimmed, a block keeps
    /// only those it passes with, one at a time (PackageTrim); a block that needs both keeps both.
    /// </summary>
    [Fact]
    public void A_block_keeps_only_the_packages_it_passes_with()
    {
        using var folder = new TempFolder();
        var docs = Path.Combine(folder.Path, "docs");
        var (feed, environment) = LocalFeed.Create(folder.Path, docs);
        LocalFeed.Pack(feed, "Acme.Core", "1.0.0", "namespace Acme.Core { public static class Greeting { public static string Hello(string n) => n; } }");
        LocalFeed.Pack(feed, "Acme.Extras", "1.0.0", "namespace Acme.Extras { public static class Shout { public static string Loud(string n) => n; } }");
        folder.Write("docs/guide/page.md", """
            # Acme

            Install it with `dotnet add package Acme.Core` and `dotnet add package Acme.Extras`.

            ```csharp
            using Acme.Core;

            Console.WriteLine(Greeting.Hello("one"));
            ```

            ```csharp
            using Acme.Core;
            using Acme.Extras;

            Console.WriteLine(Greeting.Hello(Shout.Loud("two")));
            ```
            """);

        var adopt = CliRunner.Run(docs, environment, "adopt", "--write");

        Assert.True(adopt.ExitCode == 0, adopt.Output);
        var page = File.ReadAllText(Path.Combine(docs, "guide", "page.md"));
        Assert.Contains("<!-- snippetcheck: run packages=Acme.Core -->\n```csharp\nusing Acme.Core;\n\nConsole", page, StringComparison.Ordinal);
        Assert.Contains("<!-- snippetcheck: run packages=Acme.Core,Acme.Extras -->\n```csharp\nusing Acme.Core;\nusing Acme.Extras;", page, StringComparison.Ordinal);
        var verify = CliRunner.Run(docs, environment, "verify", "--no-cache");
        Assert.True(verify.ExitCode == 0, verify.Output);
    }

    /// <summary>
    /// An add-on (<c>Acme.Greeter.Extras</c>, which depends on <c>Acme.Greeter</c> 1.0.0) beside the package it extends: the
    /// block still compiles without <c>Acme.Greeter</c>, against the 1.0.0 the add-on brings along, but that is a version
    /// nobody pinned; so the trim never drops a package another of the set extends, and the block is verified with 1.1.0.
    /// </summary>
    [Fact]
    public void A_block_keeps_the_package_an_add_on_of_its_set_extends()
    {
        using var folder = new TempFolder();
        var docs = Path.Combine(folder.Path, "docs");
        var (feed, environment) = LocalFeed.Create(folder.Path, docs);
        LocalFeed.Pack(feed, "Acme.Greeter", "1.0.0", Greeter("1.0"));
        LocalFeed.Pack(feed, "Acme.Greeter", "1.1.0", Greeter("1.1"));
        LocalFeed.Pack(feed, "Acme.Greeter.Extras", "1.0.0",
            "namespace Acme.Greeter.Extras { public static class Shout { public static string Loud(string n) => n.ToUpperInvariant(); } }",
            dependency: "Acme.Greeter@1.0.0");
        folder.Write("docs/guide/page.md", """
            # Acme

            Install it with `dotnet add package Acme.Greeter` and `dotnet add package Acme.Greeter.Extras`.

            ```csharp
            using Acme.Greeter;
            using Acme.Greeter.Extras;

            Console.WriteLine(Shout.Loud(Greeting.Hello("two")));
            ```
            """);

        var adopt = CliRunner.Run(docs, environment, "adopt", "--write");

        Assert.True(adopt.ExitCode == 0, adopt.Output);
        var page = File.ReadAllText(Path.Combine(docs, "guide", "page.md"));
        Assert.Contains("packages=Acme.Greeter,Acme.Greeter.Extras -->\n```csharp\nusing Acme.Greeter;", page, StringComparison.Ordinal);
        var verify = CliRunner.Run(docs, environment, "verify", "--no-cache");
        Assert.True(verify.ExitCode == 0, verify.Output);
    }

    private static string Greeter(string version) =>
        "namespace Acme.Greeter { public static class Greeting { public static string Hello(string name) => \"hello \" + name + \" " + version
        + "\"; } }";
}
