using SnippetCheck.Results;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.EndToEnd.Adoption;

/// <summary>
/// Issue 76, item 2, by whole adopts of small posts: a throw is rot only where the text around the block does not say it
/// throws (the paragraph after it counts, even one that ends with a colon before the exception's text). The rules
/// themselves: Unit/Results/RotEvidenceTests and Unit/Adoption/Rot/RotInContextTests.
/// </summary>
public sealed class AdoptRotInContextTests
{
    private static async Task<Dictionary<int, SuspectedRot>> RotAsync(string post) => (await AdoptInProcess.AdoptPostAsync(post)).RotByBlock;

    [Fact]
    public async Task A_throw_the_paragraph_after_announces_is_not_rot_and_one_that_introduces_the_next_block_still_is()
    {
        var rot = await RotAsync("""
            # Division

            Divide by the count:

            ```csharp
            var zero = 0;
            Console.WriteLine(10 / zero);
            ```

            This will fail with:

            ```text
            System.DivideByZeroException: Attempted to divide by zero.
            ```

            Divide by the size:

            ```csharp
            var none = 0;
            Console.WriteLine(20 / none);
            ```

            You would get the following when the count is zero:

            ```csharp
            var count = 1;
            Console.WriteLine(30 / count);
            ```
            """);

        // The paragraph after the third block introduces the next C# block, which does not throw: it says nothing of the second.
        Assert.Equal([18], rot.Keys);
    }

    [Fact]
    public async Task A_throw_announced_past_a_snippet_tools_markup_is_not_rot_and_one_announced_nowhere_still_is()
    {
        // mdsnippets' layout (Shouldly's docs): the markup around an included block is no paragraph of the page's; the
        // '**Exception**' label after it, over the exception's text, says the block throws (38 false entries before).
        var rot = await RotAsync("""
            # Division

            Divide by the count:

            <!-- snippet: Divide.codeSample.approved.cs -->
            <a id='snippet-Divide.codeSample.approved.cs'></a>
            ```csharp
            var zero = 0;
            Console.WriteLine(10 / zero);
            ```
            <sup><a href='/src/Divide.codeSample.approved.cs#L1-L2' title='Snippet source file'>snippet source</a> | <a href='#snippet-Divide' title='Start of snippet'>anchor</a></sup>
            <!-- endSnippet -->


            **Exception**

            <!-- include: Divide.exceptionText.approved.txt -->
            ```
            Attempted to divide by zero.
            ```
            <!-- endInclude -->

            Divide by the size:

            <!-- snippet: Size.codeSample.approved.cs -->
            <a id='snippet-Size.codeSample.approved.cs'></a>
            ```csharp
            var none = 0;
            Console.WriteLine(20 / none);
            ```
            <sup><a href='/src/Size.codeSample.approved.cs#L1-L2' title='Snippet source file'>snippet source</a> | <a href='#snippet-Size' title='Start of snippet'>anchor</a></sup>
            <!-- endSnippet -->

            And the size is printed.
            """);

        Assert.Equal([27], rot.Keys);
    }
}
