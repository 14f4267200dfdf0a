using SnippetCheck.Results;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Unit.Results;

/// <summary>
/// Issue 75, item 8: a <c>compile-fail</c> block judged as the C# standard's own example tester judges its
/// <c>expectedErrors</c> (dotnet/csharpstandard, tools/ExampleTester): the IDs a tag lists are the block's account of its
/// errors, whatever its comments say; comments only narrow a block that lists none. Compiled for real, in-process.
/// </summary>
public sealed class CompileFailListTests
{
    private static async Task<SnippetResult> Verify(string tags, string code)
    {
        var report = await Pipeline.VerifyAsync($"<!-- snippetcheck: {tags} -->\n```csharp\n{code}\n```\n");
        return Assert.Single(report.Snippets);
    }

    private static void AssertPassed(SnippetResult result) =>
        Assert.True(result.Status == SnippetStatus.Passed, $"{result.Status}: {result.Message}\n{result.Detail}");

    /// <summary>The same code under several tags: those that pass, then those that fail as SC2007 does.</summary>
    private static async Task AssertTags(string code, string[] passing, string[] failing)
    {
        foreach (var tags in passing) AssertPassed(await Verify(tags, code));
        foreach (var tags in failing) await AssertFailsOnItsList(tags, code);
    }

    /// <summary>The block fails as SC2007 does: an ID missing, another error, or an error off the lines its comments mark.</summary>
    private static async Task AssertFailsOnItsList(string tags, string code)
    {
        var result = await Verify(tags, code);
        Assert.Equal((SnippetStatus.Failed, "missing-diagnostic"), (result.Status, result.ReasonWord));
    }

    [Fact]
    public async Task A_list_of_every_error_passes_though_an_error_stands_on_a_line_whose_comment_says_nothing()
    {
        var result = await Verify("compile-fail=CS0029,CS0102", """
            class Shelf
            {
                int width;
                int width;           // Error, a second member of that name
                int depth = "deep";
            }
            """);

        AssertPassed(result);
    }

    [Fact]
    public async Task A_list_of_every_error_passes_though_a_comment_names_its_line_as_an_error_only_at_its_end()
    {
        var result = await Verify("compile-fail=CS0111,CS0111", """
            interface IShape
            {
                double Area(int scale);     // Area(int)
                double Area(int factor);    // Area(int) error
                void Draw(object canvas);   // Draw(object)
                void Draw(dynamic canvas);  // Error, the same signature
            }
            """);

        AssertPassed(result);
    }

    [Fact]
    public void A_comment_whose_last_word_is_error_after_a_signature_marks_its_line()
    {
        var post = Pipeline.Read("""
            ```csharp
            interface IShape
            {
                double Area(int scale);     // Area(int)
                double Area(int factor);    // Area(int) error
                void Log(string text);      // we log the error
            }
            ```
            """);

        var marked = ErrorMarkers.MarkedLines(post.Snippets.Single());

        Assert.Equal([5], marked.Keys);
    }

    [Fact]
    public async Task A_listed_warning_is_among_what_the_block_gives_and_an_unlisted_one_is_not_held_against_it()
    {
        // CS0162: unreachable code, a warning; CS0165: an unassigned local, an error; CS0168: an unused local, unlisted.
        var code = """
            class Counter
            {
                static int Next()
                {
                    int spare;
                    int seed;
                    return seed;
                    seed = 1;
                }
            }
            """;

        await AssertTags(code, passing: ["compile-fail=CS0165,CS0162", "compile-fail=CS0165"], failing: ["compile-fail=CS0165,CS0219"]);
    }

    [Fact]
    public async Task A_list_with_the_errors_binding_finds_beside_the_syntax_errors_passes_as_does_the_list_of_the_syntax_errors_alone()
    {
        // 'dotnet build' stops at the syntax errors (CS1002, CS1022, CS0116); binding the same trees, as an editor and the
        // C# standard's tester do, adds CS0305 (a generic type named without its type arguments) and CS0246 (the names of
        // the broken alias, read as a namespace and a field's type).
        var code = """
            namespace Storage
            {
                class Bin<T> {}
            }

            namespace Use
            {
                using Plain = Storage.Bin;
                using Typed<T> = Storage.Bin<T>;
            }
            """;

        // The last is neither view: CS0305 is given by binding, and not listed.
        await AssertTags(code, passing: ["compile-fail=CS0116,CS1002,CS1022,CS0305,CS0246", "compile-fail=CS0116,CS1002,CS1022"],
            failing: ["compile-fail=CS0116,CS1002,CS1022,CS0246"]);
    }

    [Fact]
    public async Task An_id_given_more_often_than_listed_is_narrowed_by_the_comments_and_one_listed_as_often_as_given_is_not()
    {
        var twice = """
            int count = "three"; // error CS0029
            int total = "four";
            Console.WriteLine(count + total);
            """;

        var once = await Verify("compile-fail=CS0029", twice);
        Assert.Equal((SnippetStatus.Failed, 4), (once.Status, once.FailureLocation.Line));
        AssertPassed(await Verify("compile-fail=CS0029,CS0029", twice));
        await AssertFailsOnItsList("compile-fail=CS0029,CS0029,CS0029", twice);
    }

    [Fact]
    public async Task A_block_that_lists_no_ids_is_still_narrowed_by_its_comments_and_a_listed_one_still_fails_on_an_unlisted_error()
    {
        var shelf = """
            class Shelf
            {
                int width;
                int width;           // Error, a second member of that name
                int depth = "deep";
            }
            """;

        var unmarked = await Verify("compile-fail", shelf);
        Assert.Equal((SnippetStatus.Failed, "CS0029"), (unmarked.Status, unmarked.Message?.Split(' ')[1]));
        await AssertFailsOnItsList("compile-fail=CS0102", shelf);
        var compiles = await Verify("compile-fail=CS0102", "class Shelf { int width; }");
        Assert.Equal((SnippetStatus.Failed, "compiled"), (compiles.Status, compiles.ReasonWord));
    }
}
