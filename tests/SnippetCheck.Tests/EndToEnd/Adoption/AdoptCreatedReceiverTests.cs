using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.EndToEnd.Adoption;

/// <summary>
/// Issues 54 and 55, a receiver a post creates with a package's type (<c>var screen = new Screen();</c>, Spectre's
/// <c>var table = new Table();</c>) and calls in a block of another page: the block is given the local with the packages
/// and usings of the block that creates it, which fails (here on a call the package lacks). The other page names a
/// package of its own, so the doc set's packages are not its: only the creator's bring <c>Screen</c>. The creator has no
/// <c>using</c> line, as Spectre's README has none: its usings are the hidden ones adopt found for it; or it has one, which
/// is carried over as well.
/// </summary>
[TakesSeconds(40)]
public sealed class AdoptCreatedReceiverTests
{
    private const string Create = """
        # Screens

        Install it with `dotnet add package Rot.Widgets`.

        ```csharp
        var screen = new Screen();
        screen.Render("hello");
        ```
        """;

    private const string Use = """
        # Writing

        This page also uses `dotnet add package Rot.Other`.

        ```csharp
        screen.Write("more");
        ```
        """;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_block_on_a_local_another_page_creates_with_a_packages_type_takes_the_creators_package_and_using(bool ownUsingLine)
    {
        using var docSet = AdoptInProcess.WithFeed();
        var docs = docSet.Docs;
        docSet.Pack("Rot.Widgets", "1.0.0", "namespace Rot.Widgets { public sealed class Screen { public void Write(string text) { } } }");
        docSet.Pack("Rot.Other", "1.0.0", "namespace Rot.Other { public static class Unrelated { public static void Run() { } } }");
        // The creator's 'using Rot.Widgets;' line, written in the block rather than found by adopt, is carried over alike.
        docSet.Write("guide/create.md", ownUsingLine ? Create.Replace("```csharp\n", "```csharp\nusing Rot.Widgets;\n", StringComparison.Ordinal) : Create);
        docSet.Write("guide/use.md", Use);

        await docSet.AdoptWriteAsync();

        var use = File.ReadAllText(Path.Combine(docs, "guide", "use.md"));
        Assert.Contains("<!-- snippetcheck: compile given=screen:Screen usings=Rot.Widgets packages=Rot.Widgets -->\n```csharp\nscreen.Write(",
            use, StringComparison.Ordinal);

        // The call binds to the package's Screen: misspelt, or given an argument too many, it fails.
        const string Call = "screen.Write(\"more\")";
        docSet.MutantsFail("guide/use.md", use, new[] { (Call, "screen.Writ(\"more\")"), (Call, "screen.Write(\"more\", 2)") }, "guide/use.md");
    }
}
