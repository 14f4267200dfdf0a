using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Cli;

/// <summary>
/// Issue 55, end to end: <c>adopt</c> prints the blocks that look broken in a section of their own, counts them in its
/// summary line, and lists them as <c>suspectedRot</c> in its JSON report; a block that merely lacks context is not among them.
/// </summary>
public sealed class AdoptRotTests
{
    private const string Post = """
        # Strings

        ```csharp
        var name = "Ada";
        Console.WriteLine(name.Lenght);
        ```

        ```csharp
        Console.WriteLine(customer.Name);
        ```
        """;

    [Fact]
    public void The_console_has_a_section_and_a_count_and_the_json_report_a_suspected_rot_array()
    {
        using var folder = new TempFolder();
        folder.Write("post.md", Post);

        var run = CliRunner.Run(folder.Path, "adopt", "--report", "json=adopt.json");

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("suspected rot: 1 block that looks broken rather than incomplete (an ignore tag with a reason silences one):\n" +
            "post.md(5,24): CS1061: 'string' does not contain a definition for 'Lenght'", run.Stdout);
        Assert.Contains(" — 'string' is a known type, and it has no 'Lenght'; did you mean 'Length'? [known-api]\n", run.Stdout);
        Assert.Matches(@"; 1 suspected rot \(above\); in [0-9.]+s", run.Stdout);

        var json = AdoptJsonReport.Load(Path.Combine(folder.Path, "adopt.json"));
        var rot = Assert.Single(json.SuspectedRot);
        Assert.Equal(("post.md", 5, 24), (rot.GetProperty("file").GetString(), rot.GetProperty("line").GetInt32(), rot.GetProperty("column").GetInt32()));
        Assert.Equal(("known-api", "CS1061", 3), (rot.GetProperty("evidence").GetString(), rot.GetProperty("diagnostic").GetProperty("id").GetString(),
            rot.GetProperty("blockLine").GetInt32()));
        Assert.StartsWith("'string' does not contain a definition for 'Lenght'", rot.GetProperty("diagnostic").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, json.Summary.GetProperty("suspectedRot").GetInt32());
    }

    [Fact]
    public void Verify_all_carries_the_same_block_as_an_SC2016_warning_in_sarif_and_the_github_annotations()
    {
        using var folder = new TempFolder();
        folder.Write("post.md", Post);

        var run = CliRunner.Run(folder.Path, new Dictionary<string, string?> { ["GITHUB_ACTIONS"] = "true" }, "verify", "--all", "--report", "sarif=out.sarif");

        Assert.Equal(1, run.ExitCode);
        var sarif = File.ReadAllText(Path.Combine(folder.Path, "out.sarif"));
        Assert.Contains("\"ruleId\": \"SC2016\"", sarif);
        Assert.Single(sarif.Split("\"ruleId\": \"SC2016\"").Skip(1));
        Assert.Contains("::warning file=post.md,line=5,col=24,title=Suspected rot (SC2016)::suspected rot [known-api]: CS1061: ", run.Stdout);
    }
}
