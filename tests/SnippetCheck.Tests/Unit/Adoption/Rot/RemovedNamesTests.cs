using SnippetCheck.Adoption.Rot;

namespace SnippetCheck.Tests.Unit.Adoption.Rot;

/// <summary>
/// Issue 55, removed-name search: which versions are looked at first. An upgrade guide to 9 of a package at 12 shows the
/// 8.x API (FluentValidation's <c>ValidatorOptions.DisplayNameResolver</c>): a member of a package's type is looked for
/// six majors back; a bare name, which may be the post's own, only three, so a post's undeclared <c>Customer</c> costs few restores.
/// </summary>
public sealed class RemovedNamesTests
{
    /// <summary>The last minor of each line of a package at 12.1, down to 1.x, newest first (as <c>LastOfEachMinor</c> gives them).</summary>
    private static readonly List<string> Lines =
        [.. Enumerable.Range(1, 12).Reverse().SelectMany(major => new[] { $"{major}.1.0", $"{major}.0.0" }).Where(v => v != "12.1.0")];

    [Fact]
    public void A_member_of_a_packages_type_is_looked_for_in_8x_of_a_package_at_12()
    {
        var probes = RemovedNames.Probes(Lines, "12.1.0", RemovedNames.OlderMajors(new ApiName("ValidatorOptions", "DisplayNameResolver")));

        Assert.Equal(["11.1.0", "10.1.0", "9.1.0", "8.1.0", "7.1.0", "6.1.0"], probes);
    }

    [Fact]
    public void A_bare_name_is_looked_for_three_majors_back()
    {
        var probes = RemovedNames.Probes(Lines, "12.1.0", RemovedNames.OlderMajors(new ApiName(null, "Customer")));

        Assert.Equal(["11.1.0", "10.1.0", "9.1.0"], probes);
    }
}
