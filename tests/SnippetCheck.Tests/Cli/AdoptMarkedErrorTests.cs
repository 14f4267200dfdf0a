using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Cli;

/// <summary>
/// Issue 26: <c>adopt</c> tags a block that shows code the compiler rejects, and marks each rejected line as an error
/// in its own comments, <c>compile-fail=IDS</c>; it refuses blocks whose errors the post does not mark, or marks as
/// another error; and a tagged block whose code starts to compile, or fails with another error, then fails verify.
/// </summary>
public sealed class AdoptMarkedErrorTests
{
    private const string Post = """
        # Errors

        ```csharp
        int count = "three"; // error CS0029: Cannot implicitly convert type 'string' to 'int'
        ```

        ```csharp
        var a = new[] { 1, 10 };
        // Error: no best type for the elements
        var d = new[] { 1, "one" };
        ```

        ```csharp
        int first = "x";
        int second = 2; // error
        ```

        ```csharp
        new Widget().Spin(); // error: 'Widget' has no member 'Spin'
        ```

        ```csharp
        int n = "x"; // error CS0019
        ```

        ```csharp
        int m = "x"; // we handle the error later
        ```

        ```csharp
        class Pair
        {
            int x;
            int x; // Error, duplicate member name
        }
        ```

        """;

    [Fact]
    public void Only_blocks_whose_errors_all_stand_on_lines_marked_as_errors_are_tagged_compile_fail_with_their_ids()
    {
        using var folder = new TempFolder();
        folder.Write("post.md", Post);

        var run = CliRunner.Run(folder.Path, "adopt", "--report", "json=adopt.json");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("3 compile-fail (errors the post marks)", run.Stdout);
        Assert.Contains("post.md(22,1): its comments mark the errors as CS0019, but the compiler reports CS0029: left untagged", run.Stdout);
        var json = AdoptJsonReport.Load(Path.Combine(folder.Path, "adopt.json"));
        var blocks = json.Blocks;
        Assert.Equal("compile-fail=CS0029", blocks[3].GetProperty("tag").GetString());
        // A comment alone on its line marks the line below it.
        Assert.Equal("compile-fail=CS0826", blocks[7].GetProperty("tag").GetString());
        Assert.Equal("compile-fail=CS0102", blocks[30].GetProperty("tag").GetString());
        // The error stands on a line no comment marks.
        Assert.Equal("compile-error", blocks[13].GetProperty("cause").GetString());
        // An unknown name on a marked line is what the block lacks, not what it shows.
        Assert.Equal("unknown-name", blocks[18].GetProperty("cause").GetString());
        Assert.Equal("compile-error", blocks[22].GetProperty("cause").GetString());
        Assert.Contains("CS0019", blocks[22].GetProperty("notes")[0].GetString());
        // "error" in the middle of a comment is not a mark.
        Assert.Equal("compile-error", blocks[26].GetProperty("cause").GetString());
    }

    [Fact]
    public void Written_tags_pass_verify_and_a_block_whose_marked_error_is_gone_or_changed_then_fails()
    {
        using var folder = new TempFolder();
        folder.Write("post.md", Post);
        Assert.Equal(0, CliRunner.Run(folder.Path, "adopt", "--write").ExitCode);
        var tagged = File.ReadAllText(Path.Combine(folder.Path, "post.md"));
        Assert.Contains("<!-- snippetcheck: compile-fail=CS0029 -->\n```csharp\nint count = \"three\";", tagged);
        Assert.Equal(tagged.Split('\n').Where(l => !l.StartsWith("<!-- snippetcheck:", StringComparison.Ordinal)), Post.Split('\n'));

        var verify = CliRunner.Run(folder.Path, "verify", "--no-cache");
        Assert.Equal(0, verify.ExitCode);
        Assert.Contains("3 passed, 0 failed", verify.Stdout);

        // Mutants: the API changes so the line compiles; the line fails with another error than the one marked.
        folder.Write("post.md", tagged.Replace("int count = \"three\";", "int count = 3;", StringComparison.Ordinal));
        var compiles = CliRunner.Run(folder.Path, "verify", "--no-cache");
        Assert.Equal(1, compiles.ExitCode);
        Assert.Contains("post.md(4,1): error SC", compiles.Stdout);
        Assert.Contains("2 passed, 1 failed", compiles.Stdout);

        folder.Write("post.md", tagged.Replace("int count = \"three\";", "int count = 3.5;", StringComparison.Ordinal));
        var other = CliRunner.Run(folder.Path, "verify", "--no-cache");
        Assert.Equal(1, other.ExitCode);
        Assert.Contains("CS0029", other.Stdout);
        Assert.Contains("CS0266", other.Stdout);
    }

    [Fact]
    public void A_block_the_standards_annotation_says_fails_with_exactly_its_errors_is_tagged_compile_fail_and_no_other()
    {
        // dotnet/csharpstandard annotates its examples for its own extractor; the annotation is the page's own word.
        using var folder = new TempFolder();
        folder.Write("classes.md", """
            # Classes

            > <!-- Example: {template:"standalone-lib-without-using", name:"SelfBaseClass", expectedErrors:["CS0146"]} -->
            > ```csharp
            > class A : A {}
            > ```

            <!-- Example: {template:"standalone-lib-without-using", name:"Other", expectedErrors:["CS0029"]} -->
            ```csharp
            class B : B {}
            ```

            ```csharp
            class C : C {}
            ```
            """);

        var run = CliRunner.Run(folder.Path, "adopt", "--write");

        Assert.Equal(0, run.ExitCode);
        var page = File.ReadAllText(Path.Combine(folder.Path, "classes.md"));
        Assert.Contains("> <!-- snippetcheck: compile-fail=CS0146 -->\n> ```csharp\n> class A : A {}", page, StringComparison.Ordinal);
        Assert.Single(page.Split("snippetcheck: compile-fail").Skip(1));
        Assert.Contains("its annotation expects CS0029, but the compiler reports CS0146", run.Output, StringComparison.Ordinal);

        // The tag guards the example: once it compiles, it fails.
        File.WriteAllText(Path.Combine(folder.Path, "classes.md"), page.Replace("> class A : A {}", "> class A {}", StringComparison.Ordinal));
        var verify = CliRunner.Run(folder.Path, "verify", "--no-cache", "classes.md");
        Assert.Equal(1, verify.ExitCode);
    }
}
