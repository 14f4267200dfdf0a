using SnippetCheck.Editing;

namespace SnippetCheck.Tests.Unit.Editing;

/// <summary>The one edit applier of --accept, adopt --write and the quick fixes.</summary>
public sealed class TextEditTests
{
    [Fact]
    public void Edits_apply_in_offset_order_with_an_insertion_before_a_replacement_at_its_offset()
    {
        // Given out of order: a replacement, then an insertion at the same offset, then two insertions at one offset.
        TextEdit[] edits = [new(4, 7, "BBB"), new(4, 4, "<"), new(9, 9, "1"), new(9, 9, "2"), new(0, 1, "")];
        Assert.Equal("bcd<BBBhi12j", TextEdit.Apply("abcdefghij", edits));
    }

    [Fact]
    public void Overlapping_edits_or_edits_past_the_end_are_refused_instead_of_writing_a_wrong_file()
    {
        Assert.Throws<ArgumentException>(() => TextEdit.Apply("abcdef", [new(1, 4, "x"), new(3, 5, "y")]));
        Assert.Throws<ArgumentException>(() => TextEdit.Apply("abc", [new(2, 9, "x")]));
    }
}
