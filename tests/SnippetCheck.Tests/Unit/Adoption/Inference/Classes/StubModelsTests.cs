using Microsoft.CodeAnalysis.CSharp;
using SnippetCheck.Adoption.Inference.Classes;
using static SnippetCheck.Tests.Unit.Adoption.CannedTrials;

namespace SnippetCheck.Tests.Unit.Adoption.Inference.Classes;

/// <summary>
/// The stub models rule (<see cref="StubModels.Advance"/>, <see cref="StubModels.StubOf"/>), a failure in and the next
/// stub out: a member the compiler says the stub lacks is added; a member the block calls is never stubbed.
/// </summary>
public sealed class StubModelsTests
{
    private static StubModels.Trial TrialOf(string code, params string[] members)
    {
        var page = AdoptionHarness.Page($"# Rules\n\n```csharp\n{code}\n```\n");
        var root = CSharpSyntaxTree.ParseText(code).GetCompilationUnitRoot();
        var request = new StubModels.Request(page, Assert.Single(page.Blocks), ["Customer"], "DocModels.Stubs.PostL3", root, members);
        return new StubModels.Trial(request, members.ToDictionary(m => m, _ => 0, StringComparer.Ordinal));
    }

    [Fact]
    public void A_member_the_stub_lacks_is_added_as_a_string_property()
    {
        var trial = TrialOf("RuleFor(customer => customer.Surname).NotEmpty();\nRuleFor(customer => customer.Age).GreaterThan(0);",
            "Customer.Surname");
        var failed = Failed(trial.Request.Snippet, "CS1061", "Age",
            "'Customer' does not contain a definition for 'Age' and no accessible extension method 'Age' accepting a first argument of type 'Customer' could be found");

        Assert.True(StubModels.Advance(trial, failed));

        Assert.Equal(["Customer.Age", "Customer.Surname"], trial.Members.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("        public string Age { get; set; }", StubModels.StubOf(trial).Lines);
    }

    [Fact]
    public void A_member_the_block_calls_as_a_method_is_never_stubbed()
    {
        var trial = TrialOf("RuleFor(customer => customer.Surname).NotEmpty();\ncustomer.Save();", "Customer.Surname");
        var failed = Failed(trial.Request.Snippet, "CS1061", "Save",
            "'Customer' does not contain a definition for 'Save' and no accessible extension method 'Save' accepting a first argument of type 'Customer' could be found");

        Assert.False(StubModels.Advance(trial, failed));
    }

    [Fact]
    public void A_member_whose_plural_name_spells_another_stubbed_type_of_the_page_is_a_list_of_that_stub_a_singular_a_plain_member()
    {
        const string Code = "orderDto.Should().BeEquivalentTo(order, options => options.Excluding(o => o.Customer.Name).Excluding(o => o.Products));";
        var page = AdoptionHarness.Page($"# Orders\n\n```csharp\n{Code}\n```\n");
        var root = CSharpSyntaxTree.ParseText(Code).GetCompilationUnitRoot();
        var request = new StubModels.Request(page, Assert.Single(page.Blocks), ["Order", "Customer", "Product"], "DocModels.Stubs.PostL3", root, [])
        {
            PageTypes = new HashSet<string>(["Order", "Customer", "Product"]),
        };
        var trial = new StubModels.Trial(request, []);
        var failed = Failed(request.Snippet, "CS1061", "Customer",
            "'Order' does not contain a definition for 'Customer' and no accessible extension method 'Customer' accepting a first argument of type 'Order' could be found");
        var products = Failed(request.Snippet, "CS1061", "Products",
            "'Order' does not contain a definition for 'Products' and no accessible extension method 'Products' accepting a first argument of type 'Order' could be found");

        Assert.True(StubModels.Advance(trial, failed with { Diagnostics = [.. failed.Diagnostics, .. products.Diagnostics] }));

        Assert.Equal(["Order.Customer"], trial.Members.Keys);
        var lines = StubModels.StubOf(trial).Lines;
        Assert.Contains("        public string Customer { get; set; }", lines);
        Assert.Contains("        public System.Collections.Generic.List<Product> Products { get; set; }", lines);
    }
}
