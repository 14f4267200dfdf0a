using SnippetCheck.Adoption.Rot;
using SnippetCheck.Results;

namespace SnippetCheck.Tests.Unit.Adoption.Rot;

/// <summary>
/// Issue 76, items 2 and 3: a menu of assertions is no one claim, a task left unawaited no throw; and an entry never rests
/// on a name the page declares. Whether the text around a block says it throws is shown by whole adopts:
/// EndToEnd/RotInContextTests.
/// </summary>
public sealed class RotInContextTests
{
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

    /// <summary>
    /// FluentAssertions' upgradingtov6.md: "… cast both to `int`, which gave a `NullReferenceException`." above the block that
    /// shows the old bug; an exception's type named in the text says the code throws, as the word "exception" does.
    /// </summary>
    [Theory]
    [InlineData("In the first case, we would match both `null` and `0` as an `int?`, but then cast both to `int`, which gave a "
        + "`NullReferenceException`.", true)]
    [InlineData("This call throws.", true)]
    [InlineData("The result is `42`, as the handler returns it.", false)]
    public void The_text_says_it_throws_when_it_names_the_exceptions_type(string text, bool says) =>
        Assert.Equal(says, RotEvidence.SaysItFails(text));

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
