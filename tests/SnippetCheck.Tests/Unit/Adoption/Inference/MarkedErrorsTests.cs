using SnippetCheck.Adoption.Writing;
using SnippetCheck.Extraction.Snippets;
using SnippetCheck.Adoption.Proposals;
using static SnippetCheck.Tests.Unit.Adoption.CannedTrials;

namespace SnippetCheck.Tests.Unit.Adoption.Inference;

/// <summary>
/// Issue 26: <c>adopt</c> tags a block that shows code the compiler rejects, and marks each rejected line as an error in
/// its own comments (or the C# standard's annotation above it lists its errors), <c>compile-fail=IDS</c>; it refuses blocks
/// whose errors the page does not mark, or marks as another error. The compiler's answers are canned (what it reports of
/// each block, at its line); that it does report them, and that the tagged pages pass verify and their mutants fail:
/// Cli/MarkedErrorVerifyTests.
/// </summary>
public sealed class MarkedErrorsTests
{
    internal const string Post = """
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

    /// <summary><see cref="Post"/> as adopt writes it: three blocks tagged, nothing else changed.</summary>
    internal static readonly string TaggedPost = Post
        .Replace("```csharp\nint count", "<!-- snippetcheck: compile-fail=CS0029 -->\n```csharp\nint count", StringComparison.Ordinal)
        .Replace("```csharp\nvar a", "<!-- snippetcheck: compile-fail=CS0826 -->\n```csharp\nvar a", StringComparison.Ordinal)
        .Replace("```csharp\nclass Pair", "<!-- snippetcheck: compile-fail=CS0102 -->\n```csharp\nclass Pair", StringComparison.Ordinal);

    internal const string Classes = """
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
        """;

    /// <summary><see cref="Classes"/> as adopt writes it: only the block whose annotation lists exactly its errors is tagged.</summary>
    internal static readonly string TaggedClasses = Classes
        .Replace("> ```csharp\n> class A", "> <!-- snippetcheck: compile-fail=CS0146 -->\n> ```csharp\n> class A", StringComparison.Ordinal);

    /// <summary>What the compiler reports of each block of <see cref="Post"/> (by its fence line): the error, on the line holding the word.</summary>
    private static readonly Dictionary<int, (string Id, string Word)> PostErrors = new()
    {
        [3] = ("CS0029", "three"),
        [7] = ("CS0826", "d"),
        [13] = ("CS0029", "first"),
        [18] = ("CS0246", "Widget"),
        [22] = ("CS0029", "n"),
        [26] = ("CS0029", "m"),
        [30] = ("CS0102", "duplicate"),
    };

    /// <summary>
    /// The compiler, canned: every trial of a block fails with its one error, except a <c>compile-fail</c> trial naming
    /// exactly that error, which passes (as verify judges one).
    /// </summary>
    private static CannedTrials Compiler(Func<Snippet, (string Id, string Word)> error) => new(s =>
    {
        var (id, word) = error(s);
        return s.Tags.Kind == SnippetKind.CompileFail && s.Tags.ExpectedErrorIds.SequenceEqual([id]) ? Passed(s)
            : Failed(s, id, word, $"error {id}");
    });

    [Fact]
    public async Task Only_blocks_whose_errors_all_stand_on_lines_marked_as_errors_are_tagged_compile_fail_with_their_ids()
    {
        var trials = Compiler(s => PostErrors[s.Location.Line]);

        var file = Assert.Single(await AdoptionHarness.ProposeAsync(trials, AdoptionHarness.Page(Post, "post.md")));

        // A comment alone on its line marks the line below it (block 7).
        Assert.Equal([(3, "compile-fail=CS0029"), (7, "compile-fail=CS0826"), (30, "compile-fail=CS0102")],
            file.Proposals.Select(p => (p.Snippet.Location.Line, p.Words)).OrderBy(p => p.Line));
        Assert.Equal(TaggedPost, AdoptWriter.Apply(Post, file.Document, file.Proposals));
        var note = Assert.Single(file.Notes, n => n.Location.Line == 22);
        Assert.StartsWith("its comments mark the errors as CS0019, but the compiler reports CS0029: left untagged", note.Message, StringComparison.Ordinal);
        // The error stands on a line no comment marks (block 13); "error" in the middle of a comment is not a mark (block 26).
        Assert.Equal("compile-error", Cause(file, 13));
        // An unknown name on a marked line is what the block lacks, not what it shows.
        Assert.Equal("unknown-name", Cause(file, 18));
        Assert.Equal("compile-error", Cause(file, 22));
        Assert.Equal("compile-error", Cause(file, 26));
    }

    [Fact]
    public async Task A_block_the_standards_annotation_says_fails_with_exactly_its_errors_is_tagged_compile_fail_and_no_other()
    {
        // dotnet/csharpstandard annotates its examples for its own extractor; the annotation is the page's own word.
        var trials = Compiler(s => ("CS0146", "class"));

        var file = Assert.Single(await AdoptionHarness.ProposeAsync(trials, AdoptionHarness.Page(Classes, "classes.md")));

        Assert.Equal(TaggedClasses, AdoptWriter.Apply(Classes, file.Document, file.Proposals));
        Assert.Contains(file.Notes, n => n.Message.StartsWith("its annotation expects CS0029, but the compiler reports CS0146", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_syntax_error_on_a_line_marked_only_as_an_error_is_the_fragments_shape_not_the_case_it_shows()
    {
        // Vogen's docs list expressions with no ';' and mark the last "// compilation error" (two value types compared):
        // the only error, CS1002 at that line, comes from the listing's shape, and a misspelt call would keep it. Named, it counts.
        const string Listing = "# Ids\n\n```csharp\n(42 == 42) // true\n(SupplierId.From(42) == VendorId.From(42)) // {0}\n```\n";
        var trials = Compiler(_ => ("CS1002", "VendorId"));

        var generic = Assert.Single(await AdoptionHarness.ProposeAsync(trials, AdoptionHarness.Page(string.Format(Listing, "compilation error"), "ids.md")));
        var named = Assert.Single(await AdoptionHarness.ProposeAsync(trials, AdoptionHarness.Page(string.Format(Listing, "error CS1002"), "ids.md")));

        Assert.Empty(generic.Proposals);
        Assert.Equal(["compile-fail=CS1002"], named.Proposals.Select(p => p.Words));
    }

    /// <summary>Why the block at fence line <paramref name="line"/> stays unverified.</summary>
    private static string Cause(AdoptFile file, int line) =>
        file.Causes[file.Failures.Select((f, i) => (f, i)).Single(f => f.f.Snippet.Location.Line == line).i].Kind;
}
