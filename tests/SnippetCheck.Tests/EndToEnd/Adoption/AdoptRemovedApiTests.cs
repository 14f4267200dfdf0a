using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.EndToEnd.Adoption;

/// <summary>
/// Issue 55, removed or renamed API, end to end on a local feed (no network): Rot.Sample 1.0.0 and 1.1.0 have
/// <c>Screen.Render</c> (1.1.0 marks it <c>[Obsolete("Use Write instead")]</c>), 2.0.0 has only <c>Screen.Write</c>.
/// A post that installs Rot.Sample and calls <c>Render</c> gets suspected rot with the last version that had it; an
/// upgrade guide's block is proposed as <c>compile-fail=CS0117</c> instead; a block tagged <c>ignore reason=</c> is
/// silent; a member no version has (LINQPad's <c>Dump</c>) is not listed; the answer is kept in the package cache, so a
/// second run needs neither the old versions nor their restores.
/// </summary>
[TakesSeconds(36)]
public sealed class AdoptRemovedApiTests
{
    private const string Post = """
        # Screens

        Install it with `dotnet add package Rot.Sample`.

        ```csharp
        using Rot.Sample;

        Screen.Write("hello");
        ```

        ```csharp
        using Rot.Sample;

        Screen.Render("hello");
        ```

        <!-- snippetcheck: ignore reason="shows the 1.x API" -->
        ```csharp
        using Rot.Sample;

        Screen.Render("silenced");
        ```

        In LINQPad, `Dump` shows it:

        ```csharp
        using Rot.Sample;

        Screen.Dump("hello");
        ```
        """;

    private const string Guide = """
        # Upgrading to 2.0

        Install it with `dotnet add package Rot.Sample`.

        ## Render was removed

        Before 2.0 you wrote:

        ```csharp
        using Rot.Sample;

        Screen.Render("old");
        ```

        ## Render took a title

        ```csharp
        using Rot.Sample;

        Screen.Render(title);
        ```
        """;

    [Fact]
    public async Task A_call_of_a_member_the_newest_version_removed_names_the_last_version_that_had_it_and_an_upgrade_guide_keeps_it_as_compile_fail()
    {
        using var docSet = AdoptInProcess.WithFeed();
        var docs = docSet.Docs;
        var feed = docSet.Feed;
        Pack(feed, "1.0.0", """public static void Render(string text) { } public static void Write(string text) { }""");
        Pack(feed, "1.1.0", """[System.Obsolete("Use Write instead")] public static void Render(string text) { } public static void Write(string text) { }""");
        Pack(feed, "2.0.0", """public static void Write(string text) { }""");
        docSet.Write("post.md", Post);
        docSet.Write("upgrading-to-2.md", Guide);

        var adopted = await docSet.AdoptAsync();
        var run = AdoptInProcess.Table(adopted);

        Assert.Contains("post.md(14,8): CS0117: 'Screen' does not contain a definition for 'Render' — 'Screen.Render' was removed from Rot.Sample after 1.x; " +
            "last in 1.1.0; it was marked [Obsolete(\"Use Write instead\")] [removed-api]\n", run);
        Assert.DoesNotContain("silenced", run);
        Assert.DoesNotContain("post.md(21", run);
        // A member no version of the package has, and no near miss of one the framework has: an extension method of another
        // package (LINQPad's Dump), which the block lacks rather than breaks.
        Assert.DoesNotContain("post.md(29", run);
        Assert.DoesNotContain("upgrading-to-2.md(12", run);
        var json = docSet.Json(adopted);
        var rot = Assert.Single(json.SuspectedRot, r => r.GetProperty("file").GetString() == "post.md");
        Assert.Equal(("removed-api", "1.1.0", 11), (rot.GetProperty("evidence").GetString(), rot.GetProperty("lastVersion").GetString(), rot.GetProperty("blockLine").GetInt32()));
        // The upgrade guide shows the old API on purpose: it guards the guide, and fails if Render comes back.
        Assert.Equal("compile-fail=CS0117 packages=Rot.Sample", json.Blocks[9].GetProperty("tag").GetString());
        // Not a block whose removed name stands beside a name the page never declares ('title'): compile-fail=CS0117
        // would pass on whatever else that block did (issue 54). It is listed as rot instead.
        Assert.False(json.Blocks.TryGetValue(17, out var titled) && titled.TryGetProperty("tag", out var tag)
            && tag.GetString()?.Contains("compile-fail", StringComparison.Ordinal) == true, titled.ToString());
        Assert.Contains(json.SuspectedRot, r => r.GetProperty("file").GetString() == "upgrading-to-2.md" && r.GetProperty("blockLine").GetInt32() == 17);
        // Its version is the config's one pin for the doc set (issue 54), which the dry run says it would write.
        Assert.Contains("\"pins\": [\n    \"Rot.Sample@2.0.0\"\n  ]", File.ReadAllText(Path.Combine(docs, "adopt.json")), StringComparison.Ordinal);

        // The answer is kept: with the 1.x versions gone from the feed and the NuGet folder, a second run still knows them.
        foreach (var old in Directory.GetFiles(feed, "rot.sample.1.*")) File.Delete(old);
        var restored = Path.Combine(docSet.Root, "nuget-packages", "rot.sample", "1.1.0");
        Assert.True(Directory.Exists(restored), "the first run restored 1.1.0 into the NuGet folder the test gave it");
        Directory.Delete(restored, recursive: true);
        var again = AdoptInProcess.Table(await docSet.AdoptAsync());
        Assert.Contains("last in 1.1.0; it was marked [Obsolete(\"Use Write instead\")] [removed-api]\n", again);
    }

    /// <summary>Writes Rot.Sample <paramref name="version"/> to the feed: a class <c>Rot.Sample.Screen</c> with <paramref name="members"/>.</summary>
    private static void Pack(string feed, string version, string members) =>
        LocalFeed.Pack(feed, "Rot.Sample", version, $"namespace Rot.Sample {{ public static class Screen {{ {members} }} }}");
}
