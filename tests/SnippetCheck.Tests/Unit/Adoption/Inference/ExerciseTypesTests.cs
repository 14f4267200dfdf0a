using SnippetCheck.Adoption.Inference;
using SnippetCheck.Extraction;

namespace SnippetCheck.Tests.Unit.Adoption.Inference;

/// <summary>
/// Issue 78, item 1a: the classes an exercise's instructions ask the reader to write (<see cref="ExerciseTypes"/>), read
/// from the page's text alone. A block that lacks only them says so in its cause (no stub may stand for the class the
/// reader writes); a page that merely uses a class, or says "Implement" in its code, asks for nothing.
/// </summary>
public sealed class ExerciseTypesTests
{
    private static SourceDocument Page(string markdown) => SourceDocument.FromText(Path.GetFullPath("instructions.md"), "instructions.md", markdown);

    private const string Instructions = """
        # Instructions

        Implement the static `DialingCodes` class, with a dictionary of country codes.

        ## 1. Create a new dictionary

        Implement the (static) method `Inventory.GetEmptyDictionary()` that returns an empty dictionary.

        ```csharp
        DialingCodes.GetEmptyDictionary();
        // => empty dictionary
        ```
        """;

    [Fact]
    public void The_classes_the_prose_asks_the_reader_to_implement_are_the_exercise_s_as_a_class_or_as_a_method_of_it()
    {
        Assert.Equal(["DialingCodes", "Inventory"], ExerciseTypes.Of(Page(Instructions)).Order(StringComparer.Ordinal));
    }

    [Theory]
    // A page that uses a class: it asks for nothing, whatever it calls.
    [InlineData("Call `DialingCodes.GetEmptyDictionary()` to get an empty dictionary, or use the `Dictionary<TKey, TValue>` class.")]
    // A class of the library that implements another: 'implements' is not the reader's task.
    [InlineData("The `Logger` class implements `ILogger`, and Implements `IDisposable` too.")]
    // 'Implement' in a block's comment is code, not the page's instructions.
    [InlineData("Use it as shown:\n\n```csharp\n// Implement the `Widget` class first\nvar widget = new Widget();\n```")]
    // Lower case after 'Implement': a method of the reader's own, not a class.
    [InlineData("Implement the `add` function.")]
    public void A_page_that_only_uses_a_class_or_says_implement_in_its_code_asks_for_none(string text)
    {
        Assert.Empty(ExerciseTypes.Of(Page("# Usage\n\n" + text + "\n")));
    }

    [Fact]
    public void The_cause_names_the_exercise_s_class_only_when_every_name_the_block_lacks_is_one_the_reader_writes()
    {
        var page = Page("# Instructions\n\nImplement the static `DialingCodes` class.\n\nImplement the `Inventory` class.\n");

        Assert.Equal("'DialingCodes': the page asks its reader to write it (an exercise), and the block calls nothing else: " +
            "no stub may stand for it, and nothing of a library is left to check", ExerciseTypes.CauseOf(page, ["DialingCodes"]));
        Assert.StartsWith("'DialingCodes', 'Inventory': the page asks", ExerciseTypes.CauseOf(page, ["DialingCodes", "Inventory"]));
        // A name the page does not ask for may be a library's: the block's cause stays the unknown name's own.
        Assert.Null(ExerciseTypes.CauseOf(page, ["DialingCodes", "JsonSerializer"]));
        Assert.Null(ExerciseTypes.CauseOf(page, []));
        Assert.Null(ExerciseTypes.CauseOf(page, null));
        // The same block on a page that only uses the class: no exercise.
        Assert.Null(ExerciseTypes.CauseOf(Page("# Usage\n\nCall `DialingCodes.GetEmptyDictionary()`.\n"), ["DialingCodes"]));
    }
}
