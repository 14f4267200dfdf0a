using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.EndToEnd.Adoption;

/// <summary>
/// Issue 75, item 3: one version per package for the doc set, chosen once and said. A library served in two majors
/// (a local feed): most blocks use the API of 2.0.0, one calls a method only 1.0.0 declares. The config pins 2.0.0
/// once; the three blocks that pass there carry no version of their own; the one that fails there is not verified at
/// 1.0.0 (pinning it would hide its rot) but listed as rot, last in 1.0.0; and nothing adopt wrote clashes
/// (SC1013) when verified.
/// </summary>
[TakesSeconds(120)]
public sealed class AdoptOneVersionTests
{
    private static readonly string Guide = new DocPage("Acme").Installs("Acme.Lib")
        .Prints("Acme.Lib", "Api.Now(1)", "Api.Now(2) + Api.Twice(3)", "Api.Old(4)", "Api.Twice(Api.Now(5))").ToString();

    [Fact]
    public async Task The_config_pins_the_newest_version_once_and_a_block_that_fits_only_an_older_one_is_listed_never_verified_there()
    {
        using var docSet = AdoptInProcess.WithFeed();
        docSet.Pack("Acme.Lib", "1.0.0", """
            namespace Acme.Lib { public static class Api {
                public static int Now(int n) => n; public static int Twice(int n) => 2 * n; public static int Old(int n) => -n; } }
            """);
        docSet.Pack("Acme.Lib", "2.0.0", """
            namespace Acme.Lib { public static class Api { public static int Now(int n) => n; public static int Twice(int n) => 2 * n; } }
            """);
        docSet.Write("guide.md", Guide);

        var adopt = AdoptInProcess.Table(await docSet.AdoptWriteAsync());

        Assert.Equal("{\n  \"packageVersions\": [\"Acme.Lib@2.0.0\"]\n}\n", docSet.Read("snippetcheck.json"));
        var page = docSet.Read("guide.md");
        Assert.Equal(3, page.Split("packages=Acme.Lib -->").Length - 1);
        Assert.DoesNotContain("@1.0.0", page, StringComparison.Ordinal);
        Assert.Contains("guide.md(20,23): CS0117: 'Api' does not contain a definition for 'Old' — 'Api.Old' was removed from Acme.Lib after 1.x; " +
            "last in 1.0.0 [removed-api]", adopt, StringComparison.Ordinal);
        Assert.Contains("3 of 4 untagged C# blocks", adopt, StringComparison.Ordinal);

        var verify = docSet.Verifies();
        Assert.DoesNotContain("SC1013", verify.Output, StringComparison.Ordinal);
        Assert.StartsWith("3 passed, 0 failed", verify.Summary);
    }
}
