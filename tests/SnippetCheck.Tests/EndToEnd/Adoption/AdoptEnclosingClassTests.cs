using System.Globalization;
using System.Text.RegularExpressions;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.EndToEnd.Adoption;

/// <summary>
/// Issue 54, the enclosing class and models across pages: a validation library's docs write rules bare
/// (<c>RuleFor(x =&gt; x.Surname).NotNull();</c>, declared on <c>AbstractValidator&lt;T&gt;</c>) over a model another page
/// declares. One plain <c>adopt --write</c> compiles them inside a class deriving from the library's base class, the
/// model in a prelude of the folder, and writes only hidden comments into the pages; every mutant of a library call fails.
/// </summary>
public sealed partial class AdoptEnclosingClassTests
{
    [GeneratedRegex(@"<!-- snippetcheck: compile base=AbstractValidator<Customer> usings=FluentValidation,DocModels\.Start packages=FluentValidation -->")]
    private static partial Regex RuleTag();

    [GeneratedRegex(@"<!-- snippetcheck: compile usings=FluentValidation,DocModels\.Start packages=FluentValidation -->")]
    private static partial Regex ClassTag();

    [Fact]
    public async Task Bare_rules_compile_in_an_inferred_validator_over_another_pages_model_and_every_mutant_of_a_rule_fails()
    {
        using var docs = new AdoptInProcess();
        docs.Write("installation.md", "# Installation\n\n```\ndotnet add package FluentValidation\n```\n");
        docs.Write("start.md", "# Start\n\n```csharp\npublic class Customer\n{\n  public int Id { get; set; }\n  public string Surname { get; set; }\n}\n```\n");
        const string Rules = "# Rules\n\n```csharp\nRuleFor(customer => customer.Surname).NotNull();\n```\n\n```csharp\nRuleFor(x => x.Id).InclusiveBetween(1, 10);\n```\n\n" +
            "```csharp\npublic class CustomerValidator : AbstractValidator<Customer>\n{\n  public CustomerValidator()\n  {\n    RuleFor(x => x.Surname).NotEmpty();\n  }\n}\n```\n";
        docs.Write("rules.md", Rules);

        await docs.AdoptWriteAsync();
        var rules = docs.Read("rules.md");
        Assert.Equal(2, RuleTag().Matches(rules).Count);
        Assert.Single(ClassTag().Matches(rules));
        // Only hidden comments: the page reads as before once they are taken out.
        Assert.Equal(Rules, string.Join('\n', rules.Split('\n').Where(l => !l.StartsWith("<!-- snippetcheck:", StringComparison.Ordinal))));
        // The models go into the config, not into a C# file beside the pages (doc-trial counted such a file as visible).
        Assert.Equal(["installation.md", "rules.md", "snippetcheck.json", "start.md"], Directory.GetFiles(docs.Docs).Select(Path.GetFileName).Order());
        Assert.Contains("    \"namespace DocModels.Start\",", docs.Read("snippetcheck.json"), StringComparison.Ordinal);

        var verify = docs.Verifies();
        Assert.StartsWith("4 passed, 0 failed, 0 ignored, 0 untagged", verify.Summary);

        // A misspelt rule, a misspelt base-class member, an argument too many, a member the model lacks: each fails.
        docs.MutantsFail("rules.md", rules, new[] { ("NotNull()", "NotNul()"), ("RuleFor(customer", "RuleFr(customer"), ("InclusiveBetween(1, 10)", "InclusiveBetween(1, 10, 11)"),
                     ("customer.Surname", "customer.Surnam"), ("NotEmpty()", "NotEmptyy()") });
    }
    [GeneratedRegex(@"<!-- snippetcheck: compile base=AbstractValidator<(\w+)> usings=FluentValidation,DocModels\.(\w+) ")]
    private static partial Regex ModelTag();

    /// <summary>
    /// Two models have what each rule reads: the one its lambda's parameter names is taken, for each block. The tries are
    /// paired with their results by what was tried, not by order (the verifier returns them as they finish).
    /// </summary>
    [Fact]
    public async Task Of_two_models_that_fit_each_rule_takes_the_one_its_lambda_names()
    {
        using var docs = new AdoptInProcess();
        docs.Write("installation.md", "# Installation\n\n```\ndotnet add package FluentValidation\n```\n");
        const string Model = "```csharp\npublic class {0}\n{{\n  public int Id {{ get; set; }}\n  public string Surname {{ get; set; }}\n}}\n```\n";
        docs.Write("start.md", "# Start\n\n" + string.Format(CultureInfo.InvariantCulture, Model, "Customer"));
        docs.Write("people.md", "# People\n\n" + string.Format(CultureInfo.InvariantCulture, Model, "Person"));
        docs.Write("rules.md", "# Rules\n\n```csharp\nRuleFor(customer => customer.Surname).NotNull();\n```\n\n```csharp\nRuleFor(person => person.Surname).NotEmpty();\n```\n\n" +
            "```csharp\nRuleFor(customer => customer.Id).GreaterThan(0);\n```\n\n```csharp\nRuleFor(person => person.Id).LessThan(10);\n```\n");

        await docs.AdoptWriteAsync();
        var tags = ModelTag().Matches(docs.Read("rules.md")).Select(m => $"{m.Groups[1].Value}@{m.Groups[2].Value}");
        Assert.Equal(["Customer@Start", "Person@People", "Customer@Start", "Person@People"], tags);
    }
}
