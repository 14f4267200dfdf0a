using System.Text.RegularExpressions;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.EndToEnd.Adoption;

/// <summary>
/// Issue 77, item 5: a page's class, then its use. A validation library's page shows a validator's rules as bare
/// statements (the body of a class it never shows: <c>base=</c>), then <c>var validator = new PersonValidator();</c> and
/// the output it prints. The rules block becomes that class, named as the later block uses it, in one session with the
/// block that uses it; the output block after them is checked, and every mutant of a library call fails.
/// </summary>
public sealed partial class AdoptPageClassTests
{
    [GeneratedRegex(@"<!-- snippetcheck: compile base=PersonValidator:AbstractValidator<Person> [^>]*session=adopt-1 -->\n```csharp\nRuleFor")]
    private static partial Regex RulesTag();

    private const string Page = """
        # Validating a person

        Install it with `dotnet add package FluentValidation`.

        ```csharp
        public class Person
        {
            public string Name { get; set; } = "";
            public int Age { get; set; }
        }
        ```

        The rules, in your validator's constructor:

        ```csharp
        RuleFor(person => person.Name).NotEmpty();
        RuleFor(person => person.Age).InclusiveBetween(0, 150);
        ```

        Then validate a person:

        ```csharp
        var validator = new PersonValidator();
        var result = validator.Validate(new Person { Age = 200 });
        Console.WriteLine(result.Errors.Count);
        ```

        ```text
        2
        ```
        """;

    [Fact]
    public async Task Bare_rules_then_a_block_constructing_the_validator_by_name_become_one_session_whose_output_is_checked()
    {
        using var docs = new AdoptInProcess();
        docs.Write("person.md", Page);

        var adopt = await docs.AdoptWriteAsync();
        var written = docs.Read("person.md");
        Assert.True(RulesTag().IsMatch(written), written + "\n" + AdoptInProcess.Table(adopt));
        Assert.Matches(@"<!-- snippetcheck: run [^>]*session=adopt-1 -->\n```csharp\nvar validator", written);
        Assert.Contains("<!-- snippetcheck: output -->\n```text\n2\n```", written, StringComparison.Ordinal);
        docs.Verifies();

        // A misspelt rule, a misspelt call on the validator, an output it does not print: each fails.
        (string From, string To)[] mutants =
            [("NotEmpty()", "NotEmpy()"), ("validator.Validate(", "validator.Validat("), ("```text\n2\n", "```text\n3\n")];
        docs.MutantsFail("person.md", written, mutants);
    }
}
