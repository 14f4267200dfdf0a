using SnippetCheck.Results;
using Diagnostic = SnippetCheck.Model.Diagnostic;
using SourceLocation = SnippetCheck.Model.SourceLocation;

namespace SnippetCheck.Tests.Unit.Results;

/// <summary>
/// <see cref="RotEvidence"/>'s rules that need no run. Issue 76, items 2 and 3: a menu of assertions is no one claim, a task
/// left unawaited no throw, an exception's type named in the text says the code throws; and an entry never rests on a name
/// the page declares. Issue 76's targets on unseen docs (session 22): a namespace missing under a package's root is a
/// package not loaded; a wait on a task nothing completes, and a placeholder address, no throws. The rules of adopt's rot
/// beside them: Unit/Adoption/Rot/RotInContextTests, RotOnUnseenDocsTests and RotContextTests (the text around a block);
/// whole adopts: EndToEnd/Adoption/AdoptRotOnUnseenDocsTests. A throw's environment: EnvironmentThrowsTests.
/// </summary>
public sealed class RotEvidenceTests
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

    /// <summary>Issue 76's targets on unseen docs: a wait on a task nothing completes, and a placeholder address, are no throws.</summary>
    [Theory]
    [InlineData("var source = new TaskCompletionSource<bool>();\nawait source.Task.WaitAsync(TimeSpan.FromMilliseconds(50));", true)]
    [InlineData("TaskCompletionSource<int> source = new();\nawait source.Task;", true)]
    [InlineData("var source = new TaskCompletionSource<int>();\nsource.SetResult(0);\nConsole.WriteLine(10 / await source.Task);", false)]
    public void A_wait_on_a_task_nothing_completes_is_no_throw(string code, bool waits) =>
        Assert.Equal(waits, RotEvidence.WaitsOnATaskNothingCompletes(code));

    [Theory]
    [InlineData("System.UriFormatException: Invalid URI", "var address = new Uri(\"address\");", true)]
    [InlineData("System.UriFormatException: Invalid URI", "var address = new Uri(\"https://example.com\");", false)]
    [InlineData("System.DivideByZeroException: Attempted to divide by zero.", "var address = new Uri(\"address\");", false)]
    public void A_uri_made_of_a_text_with_no_scheme_is_a_placeholder_address(string message, string code, bool placeholder) =>
        Assert.Equal(placeholder, RotEvidence.IsAPlaceholderAddress(message, code));

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
    [InlineData("The type or namespace name 'Azure' does not exist in the namespace 'Microsoft' (are you missing an assembly reference?)", true)]
    [InlineData("The type or namespace name 'Bus' does not exist in the namespace 'Acme.Transit' (are you missing an assembly reference?)", false)]
    // Vogen's Swagger page: two usings under 'Acme.OpenApi', missing twice, are a package's tree of namespaces, not an API gone.
    [InlineData("The type or namespace name 'WebJobs' does not exist in the namespace 'Acme' (are you missing an assembly reference?)", true)]
    public void A_namespace_missing_under_a_packages_root_beside_another_roots_is_a_package_not_loaded(string other, bool anotherRoot)
    {
        var at = new SourceLocation("transports.md", 3, 7);
        var errors = new[]
        {
            Diagnostic.Error("CS0234", "The type or namespace name 'WebJobs' does not exist in the namespace 'Acme' (are you missing an assembly " +
                "reference?)", at),
            Diagnostic.Error("CS0234", other, at with { Line = 4 }),
        };

        Assert.Equal(anotherRoot, RotEvidence.ImportsAnotherUnknownNamespace(errors, "Acme"));
    }
}
