using SnippetCheck.Adoption.Writing;
using SnippetCheck.Extraction.Snippets;
using static SnippetCheck.Tests.Unit.Adoption.CannedTrials;

namespace SnippetCheck.Tests.Unit.Adoption.Trials;

/// <summary>
/// Issue 77, capability 1: a block that shows a type and then the statements that use it, as READMEs do, is CS8803 as
/// one C# file. The reader means the statements to run with the type: adopt tries it <c>statements-first</c> and, when it
/// passes so, tags it that way; the tag lines are all it writes. That the page as tagged passes and its mutants fail:
/// Cli/StatementsFirstTests.
/// </summary>
public sealed class StatementsFirstTests
{
    internal const string Page = """
        # A counter

        ```csharp
        // The counter the example uses.
        public class Counter
        {
            public int Count { get; private set; }
            public void Increment() => Count++;
        }

        var counter = new Counter();
        counter.Increment();
        Console.WriteLine(counter.Count);
        ```

        ```text
        1
        ```

        """;

    /// <summary><see cref="Page"/> as adopt writes it.</summary>
    internal static readonly string Tagged = Page
        .Replace("```csharp", "<!-- snippetcheck: run statements-first -->\n```csharp", StringComparison.Ordinal)
        .Replace("```text", "<!-- snippetcheck: output -->\n```text", StringComparison.Ordinal);

    [Fact]
    public async Task A_type_shown_before_the_statements_that_use_it_is_tagged_to_run_with_them_first_and_nothing_else_changes()
    {
        // What the compiler says of the block as one file, and of it with its statements first (it prints 1).
        var trials = new CannedTrials(s => !s.Tags.StatementsFirst
            ? Failed(s, "CS8803", "var", "Top-level statements must precede namespace and type declarations.")
            : Passed(s, s.Tags.Kind == SnippetKind.Run ? "1\n" : null));
        var page = AdoptionHarness.Page(Page, "counter.md");

        var file = Assert.Single(await AdoptionHarness.ProposeAsync(trials, page));

        Assert.Equal("run statements-first", Assert.Single(file.Proposals).Words);
        Assert.Equal(Tagged, AdoptWriter.Apply(Page, file.Document, file.Proposals));
    }
}
