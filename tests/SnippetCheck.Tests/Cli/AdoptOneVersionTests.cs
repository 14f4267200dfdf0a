using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Cli;

/// <summary>
/// Issue 75, item 3: one version per package for the doc set, chosen once and said. A library served in two majors
/// (a local feed): most blocks use the API of 2.0.0, one uses a method only 1.0.0 declares. The config pins 2.0.0 once;
/// only the block that fails at 2.0.0 and passes at 1.0.0 gets a pin of its own, and the summary lists it; no block is
/// verified at an older version than one it passes at, and nothing adopt wrote clashes (SC1013) when verified.
/// </summary>
[TakesMinutes(120)]
public sealed class AdoptOneVersionTests
{
    private const string Guide = """
        # Acme

        Install it with `dotnet add package Acme.Lib`.

        ```csharp
        using Acme.Lib;

        Console.WriteLine(Api.Now(1));
        ```

        ```csharp
        using Acme.Lib;

        Console.WriteLine(Api.Now(2) + Api.Twice(3));
        ```

        ```csharp
        using Acme.Lib;

        Console.WriteLine(Api.Old(4));
        ```

        ```csharp
        using Acme.Lib;

        Console.WriteLine(Api.Twice(Api.Now(5)));
        ```
        """;

    [Fact]
    public void The_config_pins_the_newest_version_most_blocks_fit_and_only_a_block_that_fails_there_keeps_its_own_said()
    {
        using var folder = new TempFolder();
        var docs = Path.Combine(folder.Path, "docs");
        var (feed, environment) = LocalFeed.Create(folder.Path, docs);
        LocalFeed.Pack(feed, "Acme.Lib", "1.0.0", """
            namespace Acme.Lib { public static class Api {
                public static int Now(int n) => n; public static int Twice(int n) => 2 * n; public static int Old(int n) => -n; } }
            """);
        LocalFeed.Pack(feed, "Acme.Lib", "2.0.0", """
            namespace Acme.Lib { public static class Api { public static int Now(int n) => n; public static int Twice(int n) => 2 * n; } }
            """);
        folder.Write("docs/guide.md", Guide);

        var adopt = CliRunner.Run(docs, environment, "adopt", "--write");

        Assert.True(adopt.ExitCode == 0, adopt.Output);
        Assert.Equal("{\n  \"packageVersions\": [\"Acme.Lib@2.0.0\"]\n}\n", File.ReadAllText(Path.Combine(docs, "snippetcheck.json")));
        var page = File.ReadAllText(Path.Combine(docs, "guide.md"));
        // Three blocks at the doc set's version, one with a pin of its own.
        Assert.Equal(3, page.Split("packages=Acme.Lib -->").Length - 1);
        Assert.Contains("packages=Acme.Lib@1.0.0 -->\n```csharp\nusing Acme.Lib;\n\nConsole.WriteLine(Api.Old(4));", page, StringComparison.Ordinal);
        Assert.Matches(@"guide\.md\(17,1\): pinned Acme\.Lib@1\.0\.0 in its tag: it fails with 2\.0\.0, the doc set's version", adopt.Stdout);
        Assert.Contains("4 of 4 untagged C# blocks", adopt.Stdout, StringComparison.Ordinal);

        var verify = CliRunner.Run(docs, environment, "verify", "--no-cache");
        Assert.True(verify.ExitCode == 0, verify.Output);
        Assert.DoesNotContain("SC1013", verify.Output, StringComparison.Ordinal);
        Assert.StartsWith("4 passed, 0 failed", verify.Stdout.TrimEnd('\n').Split('\n')[^1]);
    }
}
