using System.Text.RegularExpressions;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Cli;

/// <summary>
/// Issue 75, item 2: the same docs give the same tags whatever the package cache holds. Humanizer's docs name the
/// <c>Humanizer</c> meta-package, <c>Humanizer.Core</c> and <c>Humanizer.Core.fr</c>; adopt restores each alone, two at a
/// time, and each restore extracts <c>Humanizer.Core</c> into the one packages folder. Every confined restore had a
/// TMPDIR of its own, where NuGet keeps the locks it extracts a package under, so on an empty packages folder two of
/// them extracted it at once and one failed (<c>Could not find file '…/humanizer.core/3.0.10/e3bdawwp.jis'</c>); adopt
/// then took the package's next older version, and 86 blocks failed with <c>NU1605: Detected package downgrade</c>:
/// 3 of 240 tagged cold, 147 warm. A family like it on a local feed, adopted from empty caches and again with the caches
/// the first run left, must give the same output and the same files.
/// </summary>
[TakesSeconds(240)]
public sealed partial class AdoptColdCacheTests
{
    private const string Page = """
        # Fam

        Install everything with `dotnet add package Fam`, English only with `dotnet add package Fam.Core`, and French
        with `dotnet add package Fam.Core.Fr`.

        ```csharp
        using Fam;

        Console.WriteLine(Words.Hello("world"));
        ```

        ```csharp
        using Fam.Fr;

        Console.WriteLine(Mots.Bonjour("monde"));
        ```

        ```csharp
        using Fam;
        using Fam.Fr;

        Console.WriteLine(Words.Hello(Mots.Bonjour("tous")));
        ```
        """;

    [GeneratedRegex(@"in \d+(\.\d+)?s\b")]
    private static partial Regex Elapsed();

    [Fact]
    public void Adopt_from_empty_package_caches_gives_what_it_gives_with_warm_ones()
    {
        using var folder = new TempFolder();
        var cold = Path.Combine(folder.Path, "cold");
        var (feed, environment) = LocalFeed.Create(folder.Path, cold);
        environment["NUGET_HTTP_CACHE_PATH"] = Path.Combine(folder.Path, "http-cache");
        // Version 2 of the family, whose core takes seconds to download, beside version 1, whose core lacks Words.Hello.
        const int Payload = 16 * 1024 * 1024;
        using var source = new LoopbackFeed(feed, bytesPerSecond: 4 * 1024 * 1024);
        source.WriteConfig(cold);
        LocalFeed.Pack(feed, "Fam.Core", "1.0.0", "namespace Fam { public static class Words { public static string Hi(string n) => n; } }");
        LocalFeed.Pack(feed, "Fam.Core", "2.0.0", "namespace Fam { public static class Words { public static string Hello(string n) => n; } }",
            payloadBytes: Payload);
        foreach (var version in (string[])["1.0.0", "2.0.0"])
        {
            LocalFeed.Pack(feed, "Fam.Core.Fr", version,
                "namespace Fam.Fr { public static class Mots { public static string Bonjour(string n) => n; } }", $"Fam.Core@{version}");
            LocalFeed.Pack(feed, "Fam", version, "namespace Fam.All { public static class Tout { public static int Count => 2; } }",
                $"Fam.Core.Fr@{version}");
        }
        folder.Write("cold/guide/fam.md", Page);
        var warm = Path.Combine(folder.Path, "warm");
        Directory.CreateDirectory(warm);
        File.Copy(Path.Combine(cold, "nuget.config"), Path.Combine(warm, "nuget.config"));
        folder.Write("warm/guide/fam.md", Page);

        var first = CliRunner.Run(cold, environment, "adopt", "--write");
        var second = CliRunner.Run(warm, environment, "adopt", "--write");

        Assert.True(first.ExitCode == 0, first.Output);
        Assert.Equal(Elapsed().Replace(first.Stdout, "in Xs"), Elapsed().Replace(second.Stdout, "in Xs"));
        foreach (var file in (string[])["guide/fam.md", "snippetcheck.json"])
            Assert.Equal(File.ReadAllText(Path.Combine(cold, file)), File.ReadAllText(Path.Combine(warm, file)));
        // And what both give is the newest version of the whole family, every block verified with it.
        Assert.Contains("3 of 3 untagged C# blocks", first.Stdout, StringComparison.Ordinal);
        var config = File.ReadAllText(Path.Combine(cold, "snippetcheck.json"));
        Assert.DoesNotContain("1.0.0", config, StringComparison.Ordinal);
        Assert.DoesNotContain("@1.0.0", File.ReadAllText(Path.Combine(cold, "guide", "fam.md")), StringComparison.Ordinal);
    }
}
