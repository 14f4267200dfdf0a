using SnippetCheck.Adoption.Rot;
using SnippetCheck.Results;

namespace SnippetCheck.Tests.Unit.Adoption.Rot;

/// <summary>
/// Issue 76, item 2: a throw is rot only where the text around the block does not say it throws. The text around a block
/// (<see cref="RotContext.Around"/>) read off a page: the paragraph after counts, one ending with a colon only when no C#
/// block follows it, and a snippet tool's markup is no paragraph. Whether that text says it throws:
/// <see cref="RotEvidence.SaysItFails"/> (Unit/Results/RotEvidenceTests).
/// </summary>
public sealed class RotContextTests
{
    private static string[] AroundEach(string page)
    {
        var document = AdoptionHarness.Page(page);
        return [.. document.Blocks.Select(b => RotContext.Around(document.Document, b.Block))];
    }

    [Fact]
    public void The_paragraph_after_a_block_says_it_throws_unless_it_introduces_the_next_csharp_block()
    {
        var around = AroundEach("""
            # Division

            Divide by the count:

            ```csharp
            Console.WriteLine(10 / zero);
            ```

            This will fail with:

            ```text
            System.DivideByZeroException: Attempted to divide by zero.
            ```

            Divide by the size:

            ```csharp
            Console.WriteLine(20 / none);
            ```

            This fails when the count is zero:

            ```csharp
            Console.WriteLine(30 / count);
            ```
            """);

        Assert.Equal("Divide by the count:\nThis will fail with:", around[0]);
        Assert.True(RotEvidence.SaysItFails(around[0]));
        // The paragraph after the second block introduces the third: it says nothing of the second.
        Assert.Equal("Divide by the size:", around[1]);
        Assert.False(RotEvidence.SaysItFails(around[1]));
    }

    [Fact]
    public void A_snippet_tools_markup_around_a_block_is_passed_over_to_the_paragraph_beyond_it()
    {
        // mdsnippets' layout (Shouldly's docs): the '**Exception**' label past the markup says the block throws.
        var around = AroundEach("""
            # Division

            Divide by the count:

            <!-- snippet: Divide.codeSample.approved.cs -->
            <a id='snippet-Divide.codeSample.approved.cs'></a>
            ```csharp
            Console.WriteLine(10 / zero);
            ```
            <sup><a href='/src/Divide.codeSample.approved.cs#L1-L2' title='Snippet source file'>snippet source</a></sup>
            <!-- endSnippet -->


            **Exception**

            <!-- include: Divide.exceptionText.approved.txt -->
            ```
            Attempted to divide by zero.
            ```
            <!-- endInclude -->

            Divide by the size:

            <!-- snippet: Size.codeSample.approved.cs -->
            ```csharp
            Console.WriteLine(20 / none);
            ```
            <!-- endSnippet -->

            And the size is printed.
            """);

        Assert.Equal("Divide by the count:\n**Exception**", around[0]);
        Assert.True(RotEvidence.SaysItFails(around[0]));
        Assert.Equal("Divide by the size:\nAnd the size is printed.", around[1]);
        Assert.False(RotEvidence.SaysItFails(around[1]));
    }
}
