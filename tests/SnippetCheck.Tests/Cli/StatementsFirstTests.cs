using SnippetCheck.Tests.Infrastructure;
using static SnippetCheck.Tests.Unit.Adoption.Trials.StatementsFirstTests;

namespace SnippetCheck.Tests.Cli;

/// <summary>
/// Issue 77, capability 1: a block tagged <c>statements-first</c> compiles and runs as <c>dotnet run</c> runs the file with
/// the type's lines moved below the statements. The page is the one adopt tags so (Unit/Adoption/Trials/StatementsFirstTests):
/// it passes, and its output, a misspelt call, an error inside the moved type (at its own line) and a misspelt tag all fail.
/// </summary>
public sealed class StatementsFirstTests
{
    [Fact]
    public void A_block_tagged_statements_first_runs_with_its_type_below_and_its_mutants_fail()
    {
        using var folder = new TempFolder();
        folder.Write("counter.md", Tagged);

        var verify = CliRunner.Run(folder.Path, "verify", "--no-cache");
        Assert.True(verify.ExitCode == 0, verify.Output);
        Assert.Contains("1 passed, 0 failed", verify.Stdout);

        // Its output, a misspelt call, an error inside the moved type (at its own line), the tag misspelt.
        Mutants.EachFails(folder.Path, Path.Combine(folder.Path, "counter.md"), Tagged, new[] { ("```text\n1", "```text\n2"),
            ("counter.Increment();", "counter.Incrementq();"), ("=> Count++;", "=> Count += \"1\";"), ("statements-first", "statements-frist") });
        File.WriteAllText(Path.Combine(folder.Path, "counter.md"), Tagged.Replace("=> Count++;", "=> Count += \"1\";", StringComparison.Ordinal));
        Assert.Contains("counter.md(9,", CliRunner.Run(folder.Path, "verify", "--no-cache").Stdout, StringComparison.Ordinal);
    }
}
