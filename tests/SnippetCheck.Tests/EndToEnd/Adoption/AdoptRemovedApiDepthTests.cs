using System.Text.Json.Nodes;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.EndToEnd.Adoption;

/// <summary>
/// Issue 55, how far back the removed-name search looks, end to end on a local feed: Rot.Deep 1.0.0 has
/// <c>Screen.Render</c>, 2.0.0 to 5.0.0 do not. A member of a package's type is looked for six majors back (an upgrade
/// guide to 9 of a package at 12 shows 8.x's API), so 1.0.0, four majors before 5.0.0, is found. The answer is kept in the
/// package cache; a "not found" kept from a shallower search (an earlier version of the tool looked three majors back)
/// is searched again, while one from a search as deep is trusted.
/// </summary>
[TakesSeconds(56)]
public sealed class AdoptRemovedApiDepthTests
{
    private const string Post = """
        # Screens

        Install it with `dotnet add package Rot.Deep`.

        ```csharp
        using Rot.Deep;

        Screen.Render("hello");
        ```
        """;

    private const string Reported =
        "post.md(8,8): CS0117: 'Screen' does not contain a definition for 'Render' — " +
        "'Screen.Render' was removed from Rot.Deep after 1.x; last in 1.0.0 [removed-api]";

    [Fact]
    public async Task A_member_removed_four_majors_ago_is_found_and_a_kept_not_found_of_a_shallower_search_is_searched_again()
    {
        using var docSet = AdoptInProcess.WithFeed();
        const string Write = "public static void Write(string text) { }";
        const string Render = "public static void Render(string text) { }";
        docSet.Pack("Rot.Deep", "1.0.0", $"namespace Rot.Deep {{ public static class Screen {{ {Render} {Write} }} }}");
        foreach (var major in new[] { 2, 3, 4, 5 })
            docSet.Pack("Rot.Deep", $"{major}.0.0", $"namespace Rot.Deep {{ public static class Screen {{ {Write} }} }}");
        docSet.Write("post.md", Post);

        var run = AdoptInProcess.Table(await docSet.AdoptAsync());

        Assert.Contains(Reported, run);

        // The kept answer, rewritten as a shallower search's "not found": searched again, and found.
        var kept = Directory.GetFiles(Path.Combine(docSet.Root, "cache", "removed"), "*.json", SearchOption.AllDirectories)
            .Single(f => JsonNode.Parse(File.ReadAllText(f))?["Found"] is not null);
        File.WriteAllText(kept, """{"Found":null,"Majors":3}""");
        var shallower = AdoptInProcess.Table(await docSet.AdoptAsync());
        Assert.Contains(Reported, shallower);

        // A "not found" from a search as deep is the answer: nothing is reported, so the kept file is what was read.
        File.WriteAllText(kept, """{"Found":null,"Majors":6}""");
        var trusted = AdoptInProcess.Table(await docSet.AdoptAsync());
        Assert.DoesNotContain("[removed-api]", trusted);
    }
}
