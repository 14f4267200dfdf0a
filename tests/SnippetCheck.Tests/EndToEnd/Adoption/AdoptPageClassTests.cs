using System.Text.RegularExpressions;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Cli;

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
    public void Bare_rules_then_a_block_constructing_the_validator_by_name_become_one_session_whose_output_is_checked()
    {
        using var folder = new TempFolder();
        folder.Write("docs/person.md", Page);
        var docs = Path.Combine(folder.Path, "docs");

        var adopt = CliRunner.Run(docs, "adopt", "--write");

        Assert.True(adopt.ExitCode == 0, adopt.Output);
        var page = Path.Combine(docs, "person.md");
        var written = File.ReadAllText(page);
        Assert.True(RulesTag().IsMatch(written), written + "\n" + adopt.Output);
        Assert.Matches(@"<!-- snippetcheck: run [^>]*session=adopt-1 -->\n```csharp\nvar validator", written);
        Assert.Contains("<!-- snippetcheck: output -->\n```text\n2\n```", written, StringComparison.Ordinal);
        var verify = CliRunner.Run(docs, "verify", "--no-cache");
        Assert.True(verify.ExitCode == 0, verify.Output);

        // A misspelt rule, a misspelt call on the validator, an output it does not print: each fails.
        (string From, string To)[] mutants =
            [("NotEmpty()", "NotEmpy()"), ("validator.Validate(", "validator.Validat("), ("```text\n2\n", "```text\n3\n")];
        Mutants.EachFails(docs, page, written, mutants);
    }
}
