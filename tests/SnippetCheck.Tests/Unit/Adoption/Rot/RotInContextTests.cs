using SnippetCheck.Adoption.Rot;
using SnippetCheck.Results;

namespace SnippetCheck.Tests.Unit.Adoption.Rot;

/// <summary>
/// Issue 76, items 2 and 3: a throw is rot only where the text around the block does not say it throws (the paragraph
/// after it counts, even one that ends with a colon before the exception's text); a menu of assertions is no one claim,
/// a task left unawaited no throw; and an entry never rests on a guess of the tool's nor on a name the page declares.
/// </summary>
public sealed class RotInContextTests
{
    private static async Task<Dictionary<int, SuspectedRot>> RotAsync(string post) => (await SuspectedRotTests.AdoptAsync(post)).ByBlock;

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

    [Theory]
    [InlineData("result.Should().Be(1);\nresult.Should().NotBe(1);\nresult.Should().BeGreaterThan(0);", true)]
    [InlineData("Assert.Equal(1, result);\nAssert.NotEqual(1, result);", true)]
    [InlineData("var result = Sum(1, 2);\nresult.Should().Be(4);", false)]
    [InlineData("result.Should().Be(1);", false)]
    public void A_block_of_alternative_assertions_is_a_menu_and_not_one_claim(string code, bool menu) =>
        Assert.Equal(menu, RotEvidence.IsMenuOfAssertions(code));

    [Theory]
    [InlineData("var client = new Client();\nclient.SendAsync(message);\nConsole.WriteLine(\"sent\");", true)]
    [InlineData("_ = Task.Run(() => Work());", true)]
    [InlineData("await client.SendAsync(message);", false)]
    [InlineData("client.SendAsync(message).Wait();", false)]
    public void A_task_left_unawaited_is_no_throw(string code, bool unawaited) =>
        Assert.Equal(unawaited, RotEvidence.LeavesATaskUnawaited(code));

    [Fact]
    public void A_namespace_the_page_declares_is_among_its_declared_names()
    {
        var declared = RotEvidence.DeclaredNames("namespace Acme.Billing.Invoices;\nclass Invoice { }");

        Assert.Contains("Acme.Billing.Invoices", declared);
    }

    [Theory]
    [InlineData("var method = GetMethod();", 14, "GetMethod", true)]
    [InlineData("var method = Helpers.GetMethod();", 22, "GetMethod", false)]
    [InlineData("var shape = new Circle();", 17, "Circle", false)]
    [InlineData("Configure(options);", 1, "Configure", true)]
    public void A_bare_call_of_a_name_nothing_declares_is_the_readers_helper(string line, int column, string name, bool bare) =>
        Assert.Equal(bare, RemovedApiRot.IsBareCall(line, column - 1, name));
}
