using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.EndToEnd.Adoption;

/// <summary>
/// Issue 77, item 1: sessions reaching back over the whole page. A page declares a type at the top and uses it many
/// blocks later, past the five earlier blocks a chain joins (a page's <c>Point</c> declared at the top and used 40 blocks
/// later); a page that declares a type twice means, for a block, the declaration nearest before it. Adopt joins the block
/// with that declaration as a session, and a misspelt member of it still fails.
/// </summary>
public sealed class AdoptFarSessionTests
{
    /// <summary>Six blocks that pass alone and declare nothing: more than a chain of earlier blocks reaches over.</summary>
    private static string Fillers(string word) => string.Concat(Enumerable.Range(1, 6).Select(i => $"""

        A word on {word} {i}:

        ```csharp
        Console.WriteLine("{word} {i}".Length);
        ```

        """));

    [Fact]
    public async Task A_block_using_a_type_of_an_earlier_block_far_above_joins_the_nearest_earlier_declaration_as_a_session()
    {
        using var docs = new AdoptInProcess();
        var page = $$"""
            # Points

            A first sketch of the type:

            ```csharp
            public class Point
            {
                public int X { get; set; }
            }
            ```

            The type as the post goes on to use it:

            ```csharp
            public record Point(int X, int Y)
            {
                public int Sum => X + Y;
            }
            ```
            {{Fillers("aside")}}
            A vector, shown at work where it is declared:

            ```csharp
            var origin = new Vector(0, 0);
            Console.WriteLine(origin.Length);

            record Vector(int X, int Y)
            {
                public int Length => X * X + Y * Y;
            }
            ```
            {{Fillers("detour")}}
            Using both, far below:

            ```csharp
            var p = new Point(2, 3);
            Console.WriteLine(p.Sum);
            Console.WriteLine(new Vector(3, 4).Length);
            ```
            """;
        docs.Write("points.md", page);

        var adopt = await docs.AdoptWriteAsync();
        var written = docs.Read("points.md");
        Assert.True(written.Contains("session=adopt-1 -->\n```csharp\nvar p = new Point(2, 3);", StringComparison.Ordinal),
            written + "\n" + AdoptInProcess.Table(adopt));
        // The record nearest above, not the first sketch, is the one joined.
        Assert.Contains("session=adopt-1 -->\n```csharp\npublic record Point", written, StringComparison.Ordinal);
        Assert.DoesNotContain("session=adopt-1 -->\n```csharp\npublic class Point", written, StringComparison.Ordinal);
        Assert.Contains("run session=adopt-1 -->\n```csharp\nvar origin", written, StringComparison.Ordinal);
        docs.Verifies();

        // A member the joined declaration lacks fails.
        (string From, string To, string? Id)[] mutants = [("Console.WriteLine(p.Sum)", "Console.WriteLine(p.Sun)", "CS1061")];
        docs.MutantsFail("points.md", written, mutants);
    }
}
