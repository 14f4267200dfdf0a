using System.Text.RegularExpressions;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.EndToEnd.Adoption;

/// <summary>
/// Issue 54, models from use: bare rules over a model no page declares (<c>RuleFor(x =&gt; x.CreditLimit).GreaterThan(0);</c>)
/// compile over a stub model adopt writes into the config's hiddenCode, one per block, each member typed by trial. The
/// stub absorbs no mutant of a library call: a misspelt rule, an argument too many, a renamed base-class member all fail.
/// </summary>
public sealed partial class AdoptStubModelTests
{
    [GeneratedRegex(@"<!-- snippetcheck: compile base=AbstractValidator<(\w+)> usings=FluentValidation,DocModels\.Stubs\.RulesL(\d+) packages=FluentValidation -->")]
    private static partial Regex StubTag();

    private const string Rules = "# Rules\n\n```csharp\nRuleFor(x => x.Surname).NotNull();\n```\n\n" +
        "```csharp\nRuleFor(customer => customer.CreditLimit).GreaterThan(0);\n```\n\n" +
        "```csharp\nRuleFor(x => x.Amount).PrecisionScale(4, 2, false);\nRuleFor(x => x.Surname).NotEmpty();\n```\n";

    [Fact]
    public async Task Bare_rules_over_an_undeclared_model_compile_over_a_stub_typed_by_trial_and_every_mutant_of_a_library_call_fails()
    {
        using var docs = new AdoptInProcess();
        docs.Write("installation.md", "# Installation\n\n```\ndotnet add package FluentValidation\n```\n");
        docs.Write("rules.md", Rules);

        await docs.AdoptWriteAsync();
        var rules = docs.Read("rules.md");
        Assert.Equal(["Model@3", "Customer@7", "Model@11"], StubTag().Matches(rules).Select(m => $"{m.Groups[1].Value}@{m.Groups[2].Value}"));
        // Only hidden comments in the page; the stubs, each member of the first type it compiles with, in the config.
        Assert.Equal(Rules, string.Join('\n', rules.Split('\n').Where(l => !l.StartsWith("<!-- snippetcheck:", StringComparison.Ordinal))));
        var config = docs.Read("snippetcheck.json");
        foreach (var member in new[] { "public string Surname", "public int CreditLimit", "public decimal Amount", "namespace DocModels.Stubs.RulesL11" })
            Assert.Contains(member, config, StringComparison.Ordinal);

        var verify = docs.Verifies();
        Assert.StartsWith("3 passed, 0 failed, 0 ignored, 0 untagged", verify.Summary);

        // A misspelt rule, a renamed base-class member, an argument too many, a misspelt call chained on a stub's member.
        docs.MutantsFail("rules.md", rules, new[] { ("NotNull()", "NotNul()"), ("RuleFor(customer", "RuleFr(customer"), ("GreaterThan(0)", "GreaterThan(0, 1)"),
                     ("PrecisionScale(4, 2, false)", "PrecisionScale(4, 2, false, 1)"), (".NotEmpty()", ".NotEmptyq()"), ("GreaterThan(0)", "GreaterThan(\"0\")") });
    }

    /// <summary>
    /// A config file is there: adopt never edits one, so it writes no prelude, and a tag naming a stub no one declares would
    /// fail every verify after it. No stub is proposed; what adopt tags still verifies.
    /// </summary>
    [Fact]
    public async Task With_a_config_file_no_stub_is_proposed_and_every_block_adopt_tags_verifies()
    {
        using var docs = new AdoptInProcess();
        docs.Write("snippetcheck.json", "{}\n");
        docs.Write("installation.md", "# Installation\n\n```\ndotnet add package FluentValidation\n```\n");
        docs.Write("rules.md", Rules);

        await docs.AdoptWriteAsync();
        Assert.DoesNotContain("DocModels.Stubs", docs.Read("rules.md"), StringComparison.Ordinal);
        docs.Verifies();
    }

    /// <summary>
    /// Members no bare call's lambda reads (a chained call's lambda, a rule nested in a top-level <c>When</c>) are found
    /// from the compiler's CS1061 on the stub and typed by trial, each by the errors on its own statement.
    /// </summary>
    [Fact]
    public async Task Members_a_chained_lambda_or_a_nested_rule_reads_are_found_and_typed_and_mutants_still_fail()
    {
        using var docs = new AdoptInProcess();
        docs.Write("installation.md", "# Installation\n\n```\ndotnet add package FluentValidation\n```\n");
        const string Page = "# Rules\n\n```csharp\nRuleFor(customer => customer.Password).Equal(customer => customer.PasswordConfirmation);\n```\n\n" +
            "```csharp\nWhen(customer => customer.IsPreferred, () => {\n   RuleFor(customer => customer.CustomerDiscount).GreaterThan(0);\n" +
            "   RuleFor(customer => customer.CreditCardNumber).NotNull();\n});\n```\n";
        docs.Write("rules.md", Page);

        await docs.AdoptWriteAsync();
        var rules = docs.Read("rules.md");
        Assert.Equal(["Customer@3", "Customer@7"], StubTag().Matches(rules).Select(m => $"{m.Groups[1].Value}@{m.Groups[2].Value}"));
        var config = docs.Read("snippetcheck.json");
        foreach (var member in new[] { "public string PasswordConfirmation", "public bool IsPreferred", "public int CustomerDiscount" })
            Assert.Contains(member, config, StringComparison.Ordinal);
        docs.MutantsFail("rules.md", rules, new[] { (".Equal(customer", ".Equl(customer"), ("When(customer", "Whn(customer"), ("GreaterThan(0)", "GreaterThan(0, 1)") });
    }

    private const string Fakers = "# Fakers\n\n```powershell\nInstall-Package Bogus\n```\n\n" +
        "```csharp\nvar fruit = new[] { \"apple\", \"banana\" };\nvar orderFaker = new Faker<Order>()\n    .StrictMode(true)\n" +
        "    .RuleFor(o => o.OrderId, f => f.IndexVariable++)\n    .RuleFor(o => o.Item, f => f.PickRandom(fruit))\n" +
        "    .RuleFor(o => o.Quantity, f => f.Random.Number(1, 10));\nOrder order = orderFaker.Generate();\nConsole.WriteLine(order.Item);\n```\n\n" +
        "```csharp\nvar faker = new Faker<Order>()\n    .StrictMode(false)\n    .Rules((f, o) =>\n    {\n" +
        "        o.Quantity = f.Random.Number(1, 4);\n        o.Item = f.Commerce.Product();\n    });\n```\n\n" +
        "```csharp\nvar order = new Faker<Order>().RuleFor(o => o.Item, f => f.Commerce.Product()).Generate();\norder.Dump();\n```\n";

    /// <summary>
    /// Bug 5: a package's calls on a type no page declares (<c>new Faker&lt;Order&gt;()</c>) compile over a stub of it, its
    /// members found from the selectors and the compiler (a bulk <c>Rules((f, o) =&gt; { o.Quantity = … })</c>) and typed by
    /// trial, one chained call at a time. A member called as a method (<c>order.Dump()</c>) is never stubbed, and every mutant
    /// of a library call fails. Before StubTypes, adopt left all three blocks untagged ('Order', then CS1593).
    /// </summary>
    [Fact]
    public async Task A_package_generic_over_an_undeclared_type_compiles_over_a_stub_and_every_mutant_of_a_library_call_fails()
    {
        using var docs = new AdoptInProcess();
        docs.Write("fakers.md", Fakers);

        await docs.AdoptWriteAsync();
        var page = docs.Read("fakers.md");
        Assert.Equal(["7", "18"], Regex.Matches(page, @"<!-- snippetcheck: compile usings=Bogus,DocModels\.Stubs\.FakersL(\d+) packages=Bogus -->")
            .Select(m => m.Groups[1].Value));
        Assert.Equal(2, Regex.Count(page, "<!-- snippetcheck:"));
        var config = docs.Read("snippetcheck.json");
        foreach (var member in new[] { "public int OrderId", "public string Item", "public int Quantity", "namespace DocModels.Stubs.FakersL18" })
            Assert.Contains(member, config, StringComparison.Ordinal);
        Assert.DoesNotContain("Dump", config, StringComparison.Ordinal);

        var verify = docs.Verifies();
        Assert.StartsWith("2 passed, 0 failed, 0 ignored, 1 untagged", verify.Summary);

        // The first library call misspelt, a misspelt call on a member's value, an argument too many, a renamed chained method.
        docs.MutantsFail("fakers.md", page, new[] { ("RuleFor(o => o.OrderId", "RuleFr(o => o.OrderId"), ("PickRandom", "PickRandm"),
                     ("Number(1, 10)", "Number(1, 10, 3)"), ("StrictMode(false)", "StrictMod(false)"),
                     ("orderFaker.Generate()", "orderFaker.Generat()"),
                     ("Product();\n", "Produc();\n"), ("Number(1, 4)", "Number(1, 4, 5)") });
    }
}
