using SnippetCheck.Model;

namespace SnippetCheck.Tests.Unit.Model;

/// <summary>
/// The sets of compiler errors that read as "it failed on unknown names" (<see cref="UnknownNames"/>), pinned: each
/// reader's set was written by hand at its site before it had this one home, and a set that grows lets a trial (or the
/// <c>check</c> level) take a wrong block for one that only lacks context.
/// </summary>
public sealed class UnknownNamesTests
{
    [Fact]
    public void Each_set_holds_exactly_the_errors_its_reader_can_supply()
    {
        Assert.Equal(["CS0103", "CS0246"], Sorted(UnknownNames.Core));
        Assert.Equal(["CS0103", "CS0246", "CS1061"], Sorted(UnknownNames.OrMember));
        Assert.Equal(["CS0103", "CS0234", "CS0246", "CS1061"], Sorted(UnknownNames.Fixture));
        Assert.Equal(["CS0103", "CS0234", "CS0246", "CS0308", "CS1061"], Sorted(UnknownNames.Package));
        Assert.Equal(["CS0103", "CS0246", "CS0307", "CS0308", "CS0616", "CS1061", "CS1929"], Sorted(UnknownNames.Using));
        Assert.Equal(["CS0103", "CS0115", "CS0246"], Sorted(UnknownNames.MemberBase));
        Assert.Equal(["CS0115", "CS1729"], Sorted(UnknownNames.OfAnUnknownBase));
        Assert.Equal(["CS0234", "CS0400"], Sorted(UnknownNames.Namespace));
        Assert.Equal(["CS0103", "CS0106", "CS0116", "CS0234", "CS0246", "CS8803", "CS9348"], Sorted(UnknownNames.Context));
    }

    [Fact]
    public void Every_wider_set_holds_the_core_and_only_a_marked_errors_comment_is_read_in_any_case()
    {
        foreach (var set in new[] { UnknownNames.OrMember, UnknownNames.Fixture, UnknownNames.Package, UnknownNames.Using,
                     UnknownNames.MemberBase, UnknownNames.Context })
            Assert.Superset(UnknownNames.Core.ToHashSet(), set.ToHashSet());
        // The check level's set is the narrowest: a misspelt member of a known type (CS1061) is a real error there.
        Assert.DoesNotContain("CS1061", (IReadOnlySet<string>)UnknownNames.Core);
        Assert.DoesNotContain("cs0103", (IReadOnlySet<string>)UnknownNames.Core);
        Assert.Contains("cs0103", (IReadOnlySet<string>)UnknownNames.Context);
    }

    private static string[] Sorted(IEnumerable<string> set) => [.. set.Order(StringComparer.Ordinal)];
}
