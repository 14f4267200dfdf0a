using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Cli;

/// <summary>
/// Issue 76, item 1, end to end: <c>adopt</c> lists a typo with the repair that makes its block compile, on the console
/// and as a text edit in its JSON report; <c>adopt --repair</c> writes exactly those edits and nothing else, after
/// which the blocks compile and adopt tags them.
/// </summary>
public sealed class AdoptRepairTests
{
    private const string Post = """
        # Totals

        Some text.

        ```csharp
        var numbers = new List<int>();
        numbers.Add(1);
        numbers.Add(2)
        numbers.Add(3);
        Console.WriteLine(numbers.Sum());
        ```

        ```csharp
        Console.WriteLine(string.Join("-", "a", "b",));
        ```

        ```csharp
        Console.WriteLine(customer.Name)
        ```
        """;

    [Fact]
    public void Adopt_lists_the_repair_and_its_edit_and_adopt_repair_writes_only_the_edits()
    {
        using var folder = new TempFolder();
        folder.Write("post.md", Post);

        var run = CliRunner.Run(folder.Path, "adopt", "--report", "json=adopt.json");

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("post.md(8,15): CS1002: ; expected — one ';' after 'numbers.Add(2)' makes the block compile [typo]\n", run.Stdout);
        Assert.Contains("post.md(14,45): CS1525: Invalid expression term ')' — taking out the ',' after '\"b\"' makes the block compile [typo]\n",
            run.Stdout);
        Assert.Contains("2 of them are typos that adopt repaired and compiled: 'snippetcheck adopt --repair' writes the repairs", run.Stdout);
        var json = AdoptJsonReport.Load(Path.Combine(folder.Path, "adopt.json"));
        var typo = json.SuspectedRot.Single(r => r.GetProperty("blockLine").GetInt32() == 5);
        var edit = Assert.Single(typo.GetProperty("repair").GetProperty("edits").EnumerateArray());
        Assert.Equal((8, 15, "", ";"), (edit.GetProperty("line").GetInt32(), edit.GetProperty("column").GetInt32(),
            edit.GetProperty("oldText").GetString(), edit.GetProperty("newText").GetString()));
        Assert.Equal(Post, File.ReadAllText(Path.Combine(folder.Path, "post.md")));

        var repair = CliRunner.Run(folder.Path, "adopt", "--repair");

        Assert.True(repair.ExitCode == 0, repair.Output);
        Assert.Contains("post.md: repaired 2 typos\n", repair.Stdout);
        var expected = Post.Replace("numbers.Add(2)\n", "numbers.Add(2);\n", StringComparison.Ordinal)
            .Replace("\"b\",)", "\"b\")", StringComparison.Ordinal);
        Assert.Equal(expected, File.ReadAllText(Path.Combine(folder.Path, "post.md")));

        var again = CliRunner.Run(folder.Path, "adopt");

        Assert.True(again.ExitCode == 0, again.Output);
        Assert.DoesNotContain("suspected rot", again.Stdout, StringComparison.Ordinal);
        Assert.Contains("adopt: would tag 2 of 3 untagged C# blocks", again.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Repair_and_write_together_are_refused()
    {
        using var folder = new TempFolder();
        folder.Write("post.md", Post);

        var run = CliRunner.Run(folder.Path, "adopt", "--repair", "--write");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("--repair writes the typos' repairs only", run.Output, StringComparison.Ordinal);
        Assert.Equal(Post, File.ReadAllText(Path.Combine(folder.Path, "post.md")));
    }
}
