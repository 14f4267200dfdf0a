using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.EndToEnd.Adoption;

/// <summary>
/// Issue 77, capability 2: a block that shows an error with its bodies left out (<c>{ ... }</c>, the C# standard's
/// <c>replaceEllipsis</c>) is judged on the error it shows, not on the syntax errors of its dots: in a <c>compile-fail</c>
/// block a <c>...</c> that stands for statements or members is left out as in a <c>check</c> block, and <c>adopt</c> reads
/// the block's errors with them left out. Everything around the dots is still compiled: a misspelt call fails.
/// </summary>
public sealed class AdoptCompileFailHolesTests
{
    private const string Page = """
        # Constraints

        > <!-- Example: {template:"standalone-lib-without-using", name:"TypeParameterConstraints2", replaceEllipsis:true, expectedErrors:["CS0454"]} -->
        > ```csharp
        > class Circular<S,T>
        >     where S: T
        >     where T: S
        > {
        >     ...
        > }
        > ```

        ```csharp
        class Shape
        {
            public abstract double Area(); // error CS0513
            public void Draw() { ... }
            public int Sides() { ... }
        }
        ```

        """;

    [Fact]
    public async Task A_compile_fail_block_whose_only_other_errors_are_its_dots_is_tagged_on_the_error_it_shows()
    {
        using var docs = new AdoptInProcess();
        docs.Write("holes.md", Page);

        var page = await docs.AdoptWrittenAsync("holes.md");

        Assert.Contains("> <!-- snippetcheck: compile-fail=CS0454 -->\n> ```csharp\n> class Circular<S,T>", page, StringComparison.Ordinal);
        Assert.Contains("<!-- snippetcheck: compile-fail=CS0513 -->\n```csharp\nclass Shape", page, StringComparison.Ordinal);
        Assert.Equal(page.Split('\n').Where(l => !l.Contains("<!-- snippetcheck:", StringComparison.Ordinal)), Page.Split('\n'));
        docs.Verifies();
    }

    [Fact]
    public async Task The_dots_of_a_compile_fail_block_are_left_out_and_everything_around_them_still_fails_when_it_changes()
    {
        using var docs = new AdoptInProcess();
        var tagged = Page.Replace("```csharp\nclass Shape", "<!-- snippetcheck: compile-fail=CS0513 -->\n```csharp\nclass Shape", StringComparison.Ordinal)
            .Replace("> ```csharp\n> class Circular", "> <!-- snippetcheck: compile-fail=CS0454 -->\n> ```csharp\n> class Circular", StringComparison.Ordinal);
        docs.Write("holes.md", tagged);

        Assert.Contains("2 passed, 0 failed", docs.Verifies().Output);

        // Mutants: a misspelt call beside the dots; the error the block shows is gone; a '...' where C# has no place for code.
        docs.MutantsFail("holes.md", tagged, [
            ("public void Draw() { ... }", "public void Draw() { System.Console.WriteLin(); ... }", (string?)"CS0117"),
            ("class Shape", "abstract class Shape", null), ("public int Sides() { ... }", "public int Sides(...) { ... }", null)]);
    }
}
