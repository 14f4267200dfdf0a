using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Cli;

/// <summary>
/// Issue 55: an output block the code no longer prints is a claim <c>adopt</c> lists as suspected rot, and
/// <c>verify --all</c> lists its suspected rot in the GitHub step summary as well as in its annotations.
/// </summary>
public sealed class RotClaimReportTests
{
    [Fact]
    public void A_block_that_runs_and_no_longer_prints_its_output_block_is_a_claim_and_one_that_does_is_proposed_with_it()
    {
        using var folder = new TempFolder();
        folder.Write("post.md", """
            # Greeting

            ```csharp
            Console.WriteLine("Hello, World!");
            ```

            Output:

            ```text
            Hello World
            ```

            ```csharp
            Console.WriteLine(6 * 7);
            ```

            ```text
            42
            ```

            ```csharp
            Console.WriteLine($"Infinity | {double.PositiveInfinity}");
            ```

            Output:

            ```text
            Infinity | ∞
            ```

            ```csharp
            Console.WriteLine($"Today is {DateTime.Today:dddd, d MMMM}.");
            ```

            Output:

            ```text
            Today is Friday, 7 July.
            ```
            """);

        var run = CliRunner.Run(folder.Path, "adopt", "--report", "json=adopt.json");

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("post.md(10,1): output: the output block shows 'Hello World', the code prints 'Hello, World!' — " +
            "the output block beside it no longer holds what the code prints [claim]\n", run.Stdout);
        var json = AdoptJsonReport.Load(Path.Combine(folder.Path, "adopt.json"));
        var rot = Assert.Single(json.SuspectedRot);
        Assert.Equal(("claim", 3), (rot.GetProperty("evidence").GetString(), rot.GetProperty("blockLine").GetInt32()));
        Assert.True(json.Blocks[13].GetProperty("output").GetBoolean());
        // The post's culture prints '∞' where the run's invariant culture prints 'Infinity': the machine's, not rot.
        Assert.DoesNotContain("post.md(28", run.Stdout);
        // A date the code reads from the clock, with its day and month names: the machine's, not rot.
        Assert.DoesNotContain("post.md(38", run.Stdout);
    }

    [Fact]
    public void Verify_all_lists_the_suspected_rot_in_the_github_step_summary()
    {
        using var folder = new TempFolder();
        folder.Write("post.md", """
            # Strings

            ```csharp
            var name = "Ada";
            Console.WriteLine(name.Lenght);
            ```
            """);
        var summary = Path.Combine(folder.Path, "summary.md");

        var run = CliRunner.Run(folder.Path, new Dictionary<string, string?> { ["GITHUB_ACTIONS"] = "true", ["GITHUB_STEP_SUMMARY"] = summary }, "verify", "--all");

        Assert.Equal(1, run.ExitCode);
        var text = File.ReadAllText(summary);
        Assert.Contains("### Suspected rot\n\n| Where | Why |\n| --- | --- |\n| post.md:5 | suspected rot \\[known-api\\]: CS1061: 'string' does not contain a definition for 'Lenght'", text);
        Assert.Contains("did you mean 'Length'?", text);
    }
}
