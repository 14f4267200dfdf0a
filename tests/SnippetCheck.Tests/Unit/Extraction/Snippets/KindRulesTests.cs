using SnippetCheck.Extraction.Snippets;

namespace SnippetCheck.Tests.Unit.Extraction.Snippets;

/// <summary>
/// A tag kind's meaning is one row of <see cref="KindRules"/>: the stages that plan, merge, run and judge a block read its
/// columns, so a new kind is a row plus its judge case, not a search through eight files. That the stages compare no kind
/// is a check of the source, Hygiene/KindComparisonTests.
/// </summary>
public sealed class KindRulesTests
{
    [Fact]
    public void Every_kind_has_one_row_in_the_order_of_the_enum_with_a_word_of_its_own()
    {
        Assert.Equal(Enum.GetValues<SnippetKind>(), KindRules.All.Select(r => r.Kind));
        Assert.Equal(KindRules.All.Count, KindRules.All.Select(r => r.Word).Distinct(StringComparer.Ordinal).Count());
        Assert.All(Enum.GetValues<SnippetKind>(), kind => Assert.Equal(kind, SnippetKindNames.FromTag(kind.ToTag())));
    }
}
