using SnippetCheck.Adoption.Inference;
using SnippetCheck.Programs;
using static SnippetCheck.Tests.Unit.Adoption.CannedTrials;

namespace SnippetCheck.Tests.Unit.Adoption.Inference;

/// <summary>
/// The C# standard's test annotation above an example (<see cref="ExampleAnnotations"/>): the errors its
/// <c>expectedErrors</c> list names, read from the page's lines just above the fence, and a failed block's reading against
/// them (a <c>compile-fail</c> case only when the compiler reports exactly those IDs). Page and canned result in, IDs out.
/// </summary>
public sealed class ExampleAnnotationsTests
{
    private static PreparedDocument Page(string markdown) => AdoptionHarness.Page(markdown, "docs/classes.md");

    private static IReadOnlyList<string>? Expected(string markdown)
    {
        var page = Page(markdown);
        return ExampleAnnotations.ExpectedErrors(page.Snippets, Assert.Single(page.Blocks));
    }

    [Fact]
    public void The_annotation_just_above_the_fence_gives_its_ids_distinct_in_upper_case_and_sorted()
    {
        Assert.Equal(["CS0019", "CS0029"], Expected("""
            # Classes

            <!-- Example: {template:"standalone-lib", name:"Mixed", expectedErrors:["cs0029","CS0019","CS0029"]} -->
            ```csharp
            int x = "a" + 1 - "b";
            ```
            """));
        // In a quote, with a quoted blank line and the tool's own tag comment between: still the block's.
        Assert.Equal(["CS0146"], Expected("""
            # Classes

            > <!-- Example: {template:"standalone-lib", name:"SelfBaseClass", expectedErrors:["CS0146"]} -->
            >
            > <!-- snippetcheck: compile-fail=CS0146 -->
            > ```csharp
            > class A : A {}
            > ```
            """));
    }

    [Fact]
    public void Prose_between_an_annotation_beyond_reach_or_an_annotation_without_errors_gives_none()
    {
        const string annotation = """<!-- Example: {template:"standalone-lib", name:"SelfBaseClass", expectedErrors:["CS0146"]} -->""";
        Assert.Null(Expected($"# Classes\n\n{annotation}\n\nA class cannot derive from itself:\n\n```csharp\nclass A : A {{}}\n```\n"));
        Assert.Null(Expected($"# Classes\n\n{annotation}\n\n\n\n```csharp\nclass A : A {{}}\n```\n"));
        Assert.Null(Expected("# Classes\n\n<!-- Example: {template:\"standalone-lib\", name:\"Fine\"} -->\n```csharp\nclass A {}\n```\n"));
        Assert.Null(Expected("# Classes\n\n```csharp\nclass A : A {}\n```\n"));
        Assert.Empty(Expected("# Classes\n\n<!-- Example: {name:\"None\", expectedErrors:[]} -->\n```csharp\nclass A {}\n```\n")!);
    }

    private const string Annotated = """
        # Classes

        <!-- Example: {template:"standalone-lib", name:"SelfBaseClass", expectedErrors:["CS0146"]} -->
        ```csharp
        class A : A {}
        ```
        """;

    [Fact]
    public void A_compile_error_the_annotation_lists_exactly_is_a_case_with_its_ids()
    {
        var page = Page(Annotated);
        var block = Assert.Single(page.Blocks);

        var reading = ExampleAnnotations.Of(page.Snippets, Failed(block, "CS0146", "class", "Circular base type dependency"));

        Assert.Equal(["CS0146"], reading.Ids);
        Assert.Null(reading.Refusal);
    }

    [Fact]
    public void An_error_the_annotation_does_not_list_is_refused_with_both_lists_and_a_pass_is_no_case()
    {
        var page = Page(Annotated);
        var block = Assert.Single(page.Blocks);

        var other = ExampleAnnotations.Of(page.Snippets, Failed(block, "CS0029", "class", "Cannot convert"));
        var passed = ExampleAnnotations.Of(page.Snippets, Passed(block));

        Assert.Empty(other.Ids);
        Assert.StartsWith("its annotation expects CS0146, but the compiler reports CS0029: left untagged", other.Refusal, StringComparison.Ordinal);
        Assert.Empty(passed.Ids);
        Assert.Null(passed.Refusal);
    }
}
