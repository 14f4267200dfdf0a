using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Cli;

/// <summary>
/// Issue 77, capability 1: a block that shows a type and then the statements that use it, as READMEs do, is CS8803 as
/// one C# file. The reader means the statements to run with the type: <c>adopt</c> tags it <c>statements-first</c>, and
/// it compiles and runs as <c>dotnet run</c> runs the file with the type's lines moved below the statements. Nothing a
/// reader sees changes; its output, a misspelt call and a misspelt tag all still fail.
/// </summary>
public sealed class AdoptStatementsFirstTests
{
    private const string Page = """
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

    [Fact]
    public void A_type_shown_before_the_statements_that_use_it_runs_with_them_and_its_mutants_fail()
    {
        using var folder = new TempFolder();
        folder.Write("counter.md", Page);

        var adopt = CliRunner.Run(folder.Path, "adopt", "--write");

        Assert.True(adopt.ExitCode == 0, adopt.Output);
        var page = File.ReadAllText(Path.Combine(folder.Path, "counter.md"));
        Assert.Contains("<!-- snippetcheck: run statements-first -->\n```csharp\n// The counter", page, StringComparison.Ordinal);
        Assert.Equal(Page, string.Join('\n', page.Split('\n').Where(l => !l.StartsWith("<!-- snippetcheck:", StringComparison.Ordinal))));
        var verify = CliRunner.Run(folder.Path, "verify", "--no-cache");
        Assert.True(verify.ExitCode == 0, verify.Output);
        Assert.Contains("1 passed, 0 failed", verify.Stdout);

        // Its output, a misspelt call, an error inside the moved type (at its own line), the tag misspelt.
        Mutants.EachFails(folder.Path, Path.Combine(folder.Path, "counter.md"), page, new[] { ("```text\n1", "```text\n2"),
            ("counter.Increment();", "counter.Incrementq();"), ("=> Count++;", "=> Count += \"1\";"), ("statements-first", "statements-frist") });
        File.WriteAllText(Path.Combine(folder.Path, "counter.md"), page.Replace("=> Count++;", "=> Count += \"1\";", StringComparison.Ordinal));
        Assert.Contains("counter.md(9,", CliRunner.Run(folder.Path, "verify", "--no-cache").Stdout, StringComparison.Ordinal);
    }
}
