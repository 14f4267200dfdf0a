using System.Text.RegularExpressions;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.EndToEnd.Adoption;

/// <summary>
/// Issue 77, capability 4: attributes count as bindings. A test page's block whose library use is its attributes
/// (<c>[Fact]</c>) beside the class under test it never shows (<c>new Calculator()</c>) binds the test framework as much
/// as its <c>Assert.Equal</c> does: an attribute that binds to a package or the framework is a call that bound at the
/// <c>check</c> level, so such a block is checked, and a misspelt attribute, like a misspelt assertion, fails.
/// </summary>
public sealed partial class AdoptAttributeBindingTests
{
    [GeneratedRegex(@"<!-- snippetcheck: check usings=Xunit packages=xunit -->\n```csharp\npublic class CalculatorTests")]
    private static partial Regex CheckTag();

    private const string Page = """
        # Tests

        Install with `dotnet add package xunit`.

        ```csharp
        public class CalculatorTests
        {
            [Fact]
            public void Adds()
            {
                var calculator = new Calculator();
                Assert.Equal(4, calculator.Add(2, 2));
            }
        }
        ```

        """;

    [Fact]
    public async Task A_block_whose_library_use_is_its_attributes_is_checked_and_a_misspelt_attribute_fails()
    {
        using var docs = new AdoptInProcess();
        docs.Write("tests.md", Page);

        await docs.AdoptWriteAsync();
        var page = docs.Read("tests.md");
        Assert.Matches(CheckTag(), page);
        var verify = docs.Verifies();
        Assert.Contains("0 passed, 1 checked, 0 failed", verify.Output);

        docs.MutantsFail("tests.md", page, new[] { ("[Fact]", "[Factq]"), ("[Fact]", "[Fakt]"),
            ("Assert.Equal(", "Assert.Equalq(") });
    }
}
