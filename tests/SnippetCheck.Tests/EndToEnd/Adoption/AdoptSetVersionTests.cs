using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.EndToEnd.Adoption;

/// <summary>
/// Issue 75, items 3 and 2: one version per package for the doc set, chosen once and said; a restore that fails for
/// good named in the closing summary. Docs written for a major the package source does not serve (3.x: its
/// <c>Api.Old</c> came back, beside 2.0's <c>Api.Fresh</c>), with 1.0.0 and 2.0.0 served: five blocks call only
/// <c>Old</c> (1.0.0 has it, 2.0.0 not), one calls only 2.0.0's <c>Fresh</c>, one calls <c>Now</c> that both have, and a
/// session joins a block that passes at both with one that calls <c>Fresh</c>. The newest served version, 2.0.0, is the
/// set's: no block that passes there is verified at 1.0.0, no two versions meet in one program (SC1013), every block that
/// keeps a version in its tag is listed, and <c>verify</c> after <c>adopt --write</c> reports adopt's counts.
/// </summary>
[TakesSeconds(120)]
public sealed class AdoptSetVersionTests
{
    private static readonly string Guide = new DocPage("Acme 3").Installs("Acme.Lib")
        .Prints("Acme.Lib", "Api.Now(1)", "Api.Fresh(2)", "Api.Old(3)", "Api.Old(4) + 1", "Api.Old(5) + 2", "Api.Old(6) + 3", "Api.Old(8) + 4")
        .Prose("A value to keep:").CSharp("using Acme.Lib;\n\nvar kept = Api.Now(7);")
        .Prose("and to use:").CSharp("Console.WriteLine(Api.Fresh(kept));").ToString();

    [Fact]
    public async Task Docs_for_an_unserved_major_take_the_newest_served_version_once_and_no_block_that_passes_there_is_verified_older()
    {
        using var docSet = AdoptInProcess.WithFeed();
        docSet.Pack("Acme.Lib", "1.0.0", """
            namespace Acme.Lib { public static class Api { public static int Now(int n) => n; public static int Old(int n) => -n; } }
            """);
        docSet.Pack("Acme.Lib", "2.0.0", """
            namespace Acme.Lib { public static class Api { public static int Now(int n) => n; public static int Fresh(int n) => 2 * n; } }
            """);
        docSet.Write("guide.md", Guide);

        var adopt = AdoptInProcess.Table(await docSet.AdoptWriteAsync());

        var page = docSet.Read("guide.md");
        var ownPins = page.Split('\n').Count(l => l.Contains("packages=Acme.Lib@", StringComparison.Ordinal));
        Assert.Multiple(
            // The set's one version, in the config: the newest served, which the docs' names fit best.
            () => Assert.Equal("{\n  \"packageVersions\": [\"Acme.Lib@2.0.0\"]\n}\n", docSet.Read("snippetcheck.json")),
            // The block that passes at 2.0.0 is never verified at 1.0.0 (the config's pin, were it 1.0.0).
            () => Assert.Contains("<!-- snippetcheck: run packages=Acme.Lib -->\n```csharp\nusing Acme.Lib;\n\nConsole.WriteLine(Api.Now(1));",
                page, StringComparison.Ordinal),
            // Adopt never creates a clash of two versions it chose itself: the block that keeps a value and the one that uses it
            // with 2.0.0's Fresh are one session (the block at 1.0.0 and the one at 2.0.0 would ask one program for both, SC1013).
            () => Assert.DoesNotContain("SC1013", adopt, StringComparison.Ordinal),
            () => Assert.Contains("<!-- snippetcheck: run packages=Acme.Lib session=adopt-1 -->\n```csharp\nusing Acme.Lib;\n\nvar kept",
                page, StringComparison.Ordinal),
            () => Assert.Contains("<!-- snippetcheck: run usings=Acme.Lib packages=Acme.Lib session=adopt-1 -->\n```csharp\n" +
                "Console.WriteLine(Api.Fresh(kept));", page, StringComparison.Ordinal),
            // A block that keeps a version of its own in its tag is listed in the summary, each one.
            () => Assert.Equal(ownPins, adopt.Split('\n').Count(l => l.Contains("keeps its own pin", StringComparison.Ordinal))),
            // The blocks that fit only 1.0.0 are never hidden by a pin of 1.0.0, and never listed as rot either: the page is
            // about Acme 3, which no source serves, so "removed after 1.x" would rest on the 2.0.0 the tool chose (RotContext).
            () => Assert.DoesNotContain("Acme.Lib@1.0.0", page, StringComparison.Ordinal),
            () => Assert.DoesNotContain("[removed-api]", adopt, StringComparison.Ordinal),
            () => Assert.DoesNotContain("<!-- snippetcheck: run packages=Acme.Lib -->\n```csharp\nusing Acme.Lib;\n\nConsole.WriteLine(Api.Old(3));",
                page, StringComparison.Ordinal));

        var verify = docSet.Verify();
        Assert.DoesNotContain("SC1013", verify.Output, StringComparison.Ordinal);
        var tagged = int.Parse(adopt.Split("adopt: tagged ")[1].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(verify.Report.Succeeded, verify.Output);
        Assert.StartsWith($"{tagged} passed, 0 failed", verify.Summary);
    }

    [Fact]
    public async Task A_block_whose_page_names_another_version_keeps_it_in_its_tag_and_the_summary_lists_it()
    {
        using var docSet = AdoptInProcess.WithFeed();
        docSet.Pack("Acme.Lib", "1.0.0", "namespace Acme.Lib { public static class Api { public static int Now(int n) => n; } }");
        docSet.Pack("Acme.Lib", "2.0.0", "namespace Acme.Lib { public static class Api { public static int Now(int n) => n; } }");
        docSet.Write("a/new.md", new DocPage("New").Installs("Acme.Lib").Prints("Acme.Lib", "Api.Now(1)", "Api.Now(2)"));
        docSet.Write("b/old.md", new DocPage("Old").Installs("Acme.Lib", "1.0.0").Prints("Acme.Lib", "Api.Now(3)"));

        var adopted = await docSet.AdoptWriteAsync();
        var adopt = AdoptInProcess.Table(adopted);
        docSet.Json(adopted);

        Assert.Equal("{\n  \"packageVersions\": [\"Acme.Lib@2.0.0\"]\n}\n", docSet.Read("snippetcheck.json"));
        Assert.Contains("<!-- snippetcheck: run packages=Acme.Lib@1.0.0 -->", docSet.Read("b/old.md"),
            StringComparison.Ordinal);
        Assert.Contains("b/old.md(5,1): packages=Acme.Lib@1.0.0 keeps its own pin: it is verified at 1.0.0, not at the set's version 2.0.0 " +
            "(snippetcheck.json)\n", adopt, StringComparison.Ordinal);
        using (var json = System.Text.Json.JsonDocument.Parse(docSet.Read("adopt.json")))
            Assert.Equal(1, json.RootElement.GetProperty("ownPins").GetArrayLength());

        var verify = docSet.Verify();
        Assert.True(verify.Report.Succeeded, verify.Output);
        Assert.DoesNotContain("SC1013", verify.Output, StringComparison.Ordinal);
        Assert.StartsWith("3 passed, 0 failed", verify.Summary);
    }

    [Fact]
    public async Task A_package_that_fails_to_restore_for_good_is_named_as_a_setup_problem_in_the_closing_summary()
    {
        using var docSet = AdoptInProcess.WithFeed();
        // It depends on a package no source has: NuGet refuses it (NU1101) every time, whatever the cache holds.
        docSet.Pack("Broken.Lib", "1.0.0", "namespace Broken.Lib { public static class Thing { public static int One() => 1; } }",
            dependency: "Missing.Dependency@1.0.0");
        docSet.Write("page.md", new DocPage("Broken").Installs("Broken.Lib").Prints("Broken.Lib", "Thing.One()")
            .CSharp("Console.WriteLine(1 + 1);"));

        var adopt = AdoptInProcess.Table(await docSet.AdoptWriteAsync());

        var summary = adopt.TrimEnd('\n').Split('\n')[^1];
        Assert.StartsWith("adopt: tagged 1 of 2", summary, StringComparison.Ordinal);
        Assert.Contains("setup problem: Broken.Lib, which could not be restored here (", summary, StringComparison.Ordinal);
        Assert.Contains("1 block", summary.Split("setup problem:")[1], StringComparison.Ordinal);

        var verify = docSet.Verify();
        Assert.True(verify.Report.Succeeded, verify.Output);
        Assert.StartsWith("1 passed, 0 failed", verify.Summary);
    }
}
