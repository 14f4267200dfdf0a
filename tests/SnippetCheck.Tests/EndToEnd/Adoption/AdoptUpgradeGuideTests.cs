using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.EndToEnd.Adoption;

/// <summary>
/// Issue 76, item 5: upgrade guides guard themselves. Acme.Gone 2.0.0 made <c>Screen.Paint</c> an error
/// (<c>[Obsolete(…, true)]</c>, CS0619), removed <c>Screen.Render</c> (CS0117) and <c>Canvas.Clear</c> (CS1061, on a
/// receiver the block creates); 1.0.0 had all three. A page titled "Breaking changes in 2.0" (its file name, its
/// subheadings and the prose by each block say nothing of it) shows each old call: each is proposed as
/// <c>compile-fail=ID</c> at 2.0.0, the version the doc set pins, is no rot, and <c>verify</c> then passes exactly the
/// blocks adopt tagged; its "new way" block is tagged as any passing block. The same old calls on an ordinary page
/// (whose other block uses the new API, as a doc set's pages mostly do) are rot.
/// </summary>
[TakesSeconds(60)]
public sealed class AdoptUpgradeGuideTests
{
    private const string Guide = """
        ---
        title: Breaking changes in 2.0
        ---

        # Acme.Gone 2.0

        Install it with `dotnet add package Acme.Gone`.

        ## Painting

        Before:

        ```csharp
        using Acme.Gone;

        Screen.Paint("old");
        ```

        After:

        ```csharp
        using Acme.Gone;

        Screen.Write("new");
        ```

        ## Rendering

        Before:

        ```csharp
        using Acme.Gone;

        Screen.Render("old");
        ```

        ## Canvas

        Before:

        ```csharp
        using Acme.Gone;

        var canvas = new Canvas();
        canvas.Clear();
        ```
        """;

    private const string Post = """
        # Screens

        Install it with `dotnet add package Acme.Gone`.

        Write a line:

        ```csharp
        using Acme.Gone;

        Screen.Write("hello");
        ```

        Paint a line:

        ```csharp
        using Acme.Gone;

        Screen.Paint("hello");
        ```

        Render a line:

        ```csharp
        using Acme.Gone;

        Screen.Render("hello");
        ```
        """;

    [Fact]
    public async Task An_old_call_on_a_breaking_changes_page_is_proposed_as_compile_fail_at_the_pinned_version_and_the_same_call_elsewhere_is_rot()
    {
        using var docSet = AdoptInProcess.WithFeed();
        var docs = docSet.Docs;
        docSet.Pack("Acme.Gone", "1.0.0", """
            namespace Acme.Gone {
                public static class Screen { public static void Paint(string t) { } public static void Render(string t) { } public static void Write(string t) { } }
                public sealed class Canvas { public void Clear() { } } }
            """);
        docSet.Pack("Acme.Gone", "2.0.0", """
            namespace Acme.Gone {
                public static class Screen { [System.Obsolete("Use Write instead", true)] public static void Paint(string t) { } public static void Write(string t) { } }
                public sealed class Canvas { public void Reset() { } } }
            """);
        docSet.Write("v2.md", Guide);
        docSet.Write("screens.md", Post);

        var adopted = await docSet.AdoptWriteAsync();
        var adopt = AdoptInProcess.Table(adopted);

        var guide = File.ReadAllText(Path.Combine(docs, "v2.md"));
        void Tagged(string tagged) => Assert.True(guide.Contains(tagged, StringComparison.Ordinal), $"no\n{tagged}\nin\n{guide}\n{adopt}");
        Tagged("<!-- snippetcheck: compile-fail=CS0619 packages=Acme.Gone -->\n```csharp\nusing Acme.Gone;\n\nScreen.Paint(\"old\");");
        Tagged("<!-- snippetcheck: compile-fail=CS0117 packages=Acme.Gone -->\n```csharp\nusing Acme.Gone;\n\nScreen.Render(\"old\");");
        Tagged("<!-- snippetcheck: compile-fail=CS1061 packages=Acme.Gone -->\n```csharp\nusing Acme.Gone;\n\nvar canvas");
        // The new way beside it is tagged as any block that passes.
        Tagged("<!-- snippetcheck: run packages=Acme.Gone -->\n```csharp\nusing Acme.Gone;\n\nScreen.Write(\"new\");");
        Assert.DoesNotContain("@1.0.0", guide, StringComparison.Ordinal);
        Assert.Equal("{\n  \"packageVersions\": [\"Acme.Gone@2.0.0\"]\n}\n", File.ReadAllText(Path.Combine(docs, "snippetcheck.json")));

        // The guide shows the old API on purpose: none of it is rot. The ordinary page's old calls are.
        var json = docSet.Json(adopted);
        Assert.DoesNotContain(json.SuspectedRot, r => r.GetProperty("file").GetString() == "v2.md");
        Assert.Contains("screens.md(18,1): CS0619: 'Screen.Paint(string)' is obsolete: 'Use Write instead' — 'Screen.Paint' is marked " +
            "[Obsolete(…, error: true)] in Acme.Gone 2.0.0, the version the docs use: the package made it an error [removed-api]\n", adopt,
            StringComparison.Ordinal);
        Assert.Contains("screens.md(26,8): CS0117: 'Screen' does not contain a definition for 'Render'", adopt, StringComparison.Ordinal);
        Assert.Equal(["removed-api", "removed-api"], json.SuspectedRot.Where(r => r.GetProperty("file").GetString() == "screens.md")
            .Select(r => r.GetProperty("evidence").GetString()));
        Assert.Single(File.ReadAllText(Path.Combine(docs, "screens.md")).Split("<!-- snippetcheck:").Skip(1));
        Assert.Contains("5 of 7 untagged C# blocks", adopt, StringComparison.Ordinal);

        var verify = docSet.Verifies();
        Assert.StartsWith("5 passed, 0 failed", verify.Summary);
    }
}
