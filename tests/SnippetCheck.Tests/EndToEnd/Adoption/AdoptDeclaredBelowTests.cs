using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.EndToEnd.Adoption;

/// <summary>
/// Issue 54, item 3 (the audit's cause D): a page shows a class that uses a type its page declares in a later block
/// (Polly's extensibility pages: the strategy class, then its options class). No earlier block declares what the first
/// block lacks, so no chain of earlier blocks helps; adopt joins it with the block below that declares it, as a session
/// (one program, types in any block), and a misspelt member of the library in it still fails.
/// </summary>
public sealed class AdoptDeclaredBelowTests
{
    private const string Library = """
        namespace Acme.Resilience
        {
            public abstract class Strategy { public abstract string Execute(string input); }
            public class StrategyOptions { public string Name { get; set; } = ""; }
            public static class Clock { public static string Stamp(string s) => s + "@"; }
        }
        """;

    private const string Page = """
        # A timing strategy

        Install it with `dotnet add package Acme.Resilience`.

        The strategy:

        ```csharp
        public sealed class TimingStrategy(TimingOptions options) : Strategy
        {
            public override string Execute(string input) => Clock.Stamp(input) + options.Threshold;
        }
        ```

        Its options:

        ```csharp
        public class TimingOptions : StrategyOptions
        {
            public int Threshold { get; set; } = 5;
        }
        ```
        """;

    [Fact]
    public async Task A_class_using_a_type_declared_in_a_later_block_is_compiled_with_it_as_a_session_and_its_mutants_fail()
    {
        using var docSet = AdoptInProcess.WithFeed();
        var docs = docSet.Docs;
        docSet.Pack("Acme.Resilience", "1.0.0", Library);
        docSet.Write("strategy.md", Page);

        var adopt = AdoptInProcess.Table(await docSet.AdoptWriteAsync());

        var page = File.ReadAllText(Path.Combine(docs, "strategy.md"));
        const string Tag = "<!-- snippetcheck: compile usings=Acme.Resilience packages=Acme.Resilience session=adopt-1 -->\n```csharp\n";
        Assert.True(page.Contains(Tag + "public sealed class TimingStrategy", StringComparison.Ordinal), page + "\n" + adopt);
        Assert.Contains("packages=Acme.Resilience session=adopt-1 -->", page[page.IndexOf("Its options", StringComparison.Ordinal)..],
            StringComparison.Ordinal);
        docSet.Verifies();

        // A misspelt call of the library, or an override of a member the base class lacks, fails.
        (string From, string To, string? Id)[] mutants = [("Clock.Stamp", "Clock.Stmp", "CS0117"), ("string Execute(", "string Execut(", "CS0115")];
        docSet.MutantsFail("strategy.md", page, mutants);
    }
}
