using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.EndToEnd.Adoption;

/// <summary>
/// Issue 26: <c>adopt</c> tags a block that writes results as READMEs do (<c>"abc".ToUpper() => "ABC"</c>) <c>results</c>
/// when its lines hold; one whose lines do not hold stays untagged and says which line; and once tagged, a value that
/// changes, or a method that is renamed, fails verify. In this process (<see cref="AdoptInProcess"/>).
/// </summary>
public sealed class AdoptResultLinesTests
{
    private const string Post = """
        # Results

        ```csharp
        "snippet".ToUpperInvariant() => "SNIPPET"
        Math.Max(2, 3) => 3
        ```

        ```csharp
        "abc".Length => 3
        "abc".Replace("b", "") => "abc"
        ```

        ```csharp
        var size = 3 switch
        {
            1 => "one",
            _ => "many"
        };
        Console.WriteLine(size);
        ```

        """;

    [Fact]
    public async Task Blocks_whose_result_lines_hold_are_tagged_results_and_the_others_say_which_line_does_not()
    {
        using var docs = new AdoptInProcess();
        docs.Write("post.md", Post);

        var run = await docs.AdoptAsync();

        Assert.Contains("1 with their result lines checked", AdoptInProcess.Table(run));
        Assert.Contains("      1  runtime-failure    e.g. post.md(10,1): ", AdoptInProcess.Table(run));
        var json = docs.Json(run);
        var blocks = json.Blocks;
        Assert.Equal("run results", blocks[3].GetProperty("tag").GetString());
        Assert.Equal("runtime-failure", blocks[8].GetProperty("cause").GetString());
        Assert.Contains("post.md(10,24): \"abc\".Replace(\"b\", \"\") is \"ac\", not \"abc\"", blocks[8].GetProperty("detail").GetString());
        // C# as written (a switch expression's arms) is verified as it is: no result lines.
        Assert.Equal("run", blocks[13].GetProperty("tag").GetString());
        Assert.Equal(1, json.Summary.GetProperty("runtime-failure").GetInt32());
    }

    [Fact]
    public async Task Tagged_result_lines_pass_verify_and_a_changed_value_or_a_renamed_method_then_fails_at_its_line()
    {
        using var docs = new AdoptInProcess();
        docs.Write("post.md", Post);
        var tagged = await docs.AdoptWrittenAsync("post.md");
        Assert.Contains("<!-- snippetcheck: run results -->\n```csharp\n\"snippet\".ToUpperInvariant()", tagged);
        Assert.Equal(tagged.Split('\n').Where(l => !l.StartsWith("<!-- snippetcheck:", StringComparison.Ordinal)), Post.Split('\n'));

        var verify = docs.Verifies();
        Assert.Contains("2 passed, 0 failed", verify.Output);
        // 'dotnet run' of the block as written fails: the report says the tool turned its result lines into checks.
        Assert.Equal("results", verify.Json().Snippets.First().Str("wrapped"));

        docs.Write("post.md", tagged.Replace("Math.Max(2, 3) => 3", "Math.Max(2, 3) => 2", StringComparison.Ordinal));
        var changed = docs.Verify();
        Assert.False(changed.Report.Succeeded);
        Assert.Contains("post.md(6,1): error SC2003: unhandled exception System.InvalidOperationException: post.md(6,16): Math.Max(2, 3) is 3, not 2", changed.Output);

        docs.Write("post.md", tagged.Replace("ToUpperInvariant", "ToUpperInvariantly", StringComparison.Ordinal));
        var renamed = docs.Verify();
        Assert.False(renamed.Report.Succeeded);
        Assert.Contains("post.md(5,11): error CS1061:", renamed.Output);
    }

    /// <summary>
    /// Result lines worded for another culture (a comment naming it), the clock, or another number type: what the post says
    /// holds where it says so, not in the invariant culture the run has (Humanizer's readme, issue 54). The block is tagged
    /// <c>compile results</c>: its calls compile, its claims are not run; a real wrong claim beside them stays untagged.
    /// </summary>
    private const string ElsewherePost = """
        # Elsewhere

        ```csharp
        // in fr-FR culture
        1.5.ToString() => "1,5"
        ```

        ```csharp
        Math.Round(2.4) => 2
        ```

        ```csharp
        "abc".ToUpperInvariant() => "ABD"
        ```

        """;

    [Fact]
    public async Task Result_lines_that_hold_in_another_culture_or_number_type_are_tagged_compile_and_a_wrong_one_is_not()
    {
        using var docs = new AdoptInProcess();
        docs.Write("post.md", ElsewherePost);

        var run = await docs.AdoptWriteAsync();

        var blocks = docs.Json(run).Blocks;
        Assert.Equal("compile results", blocks[3].GetProperty("tag").GetString());
        Assert.Equal("compile results", blocks[8].GetProperty("tag").GetString());
        Assert.Equal("runtime-failure", blocks[12].GetProperty("cause").GetString());
        Assert.Contains("2 passed, 0 failed", docs.Verifies().Output);

        // Compiled, so a renamed call fails.
        var tagged = docs.Read("post.md");
        docs.Write("post.md", tagged.Replace("Math.Round(", "Math.Rund(", StringComparison.Ordinal));
        Assert.False(docs.Verify().Report.Succeeded);
    }
}
