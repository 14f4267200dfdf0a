using SnippetCheck.Model;
using SnippetCheck.Results;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.EndToEnd;

/// <summary>
/// <c>check listing</c> (issue 54, item 4): a block that lists an API's signatures is looked up in the package it
/// documents, member by member, and counted as checked, never verified. A renamed member, a changed constant value, a
/// changed parameter type or a member the package lacks must fail it; these are the level's mutants.
/// </summary>
public sealed class ListingCheckTests
{
    /// <summary>
    /// Humanizer's own signatures, as its readme and its generated API pages list them, as Humanizer.Core 3.0.1 has them:
    /// its readme's <c>bool utcDate = true</c> is 3.0.1's <c>bool? utcDate = null</c>, which the level finds.
    /// </summary>
    private const string Listing = """
        public const long BytesInGigabyte = 1073741824;
        public const string ByteSymbol = "B";
        public ByteSize(double byteSize);
        public static string Humanize(this DateTime input, bool? utcDate = null, DateTime? dateToCompareAgainst = null, CultureInfo culture = null)
        public struct ByteSize : System.IComparable<Humanizer.ByteSize>, System.IEquatable<Humanizer.ByteSize>, System.IComparable, System.IFormattable
        """;

    private static async Task<SnippetResult> ListingAsync(string code, string tag = "check listing packages=Humanizer.Core@3.0.1")
    {
        var report = await Pipeline.VerifyAsync($"<!-- snippetcheck: {tag} name=it -->\n```csharp\n{code}\n```\n", o => o with { CommandLine = new() { Cache = false } });
        return report.Snippets.Single();
    }

    [Fact]
    public async Task A_listing_of_the_package_s_members_is_checked_not_verified()
    {
        var result = await ListingAsync(Listing);

        Assert.True(result.Status == SnippetStatus.Passed, $"{result.Status} {result.Code} {result.Message}");
        Assert.Equal(VerificationLevel.Check, result.Level);
    }

    [Theory]
    [InlineData("BytesInGigabyte = 1073741824", "BytesInGigabyt = 1073741824")]
    [InlineData("1073741824", "1073741825")]
    [InlineData("\"B\"", "\"b\"")]
    [InlineData("bool? utcDate", "int? utcDate")]
    [InlineData("bool? utcDate", "bool utcDate")]
    [InlineData("Humanize(this DateTime", "Humanise(this DateTime")]
    [InlineData("ByteSize(double byteSize)", "ByteSize(float byteSize)")]
    [InlineData("System.IComparable,", "System.ICloneable,")]
    public Task A_mutant_of_the_listing_fails(string original, string mutant) => AssertMutantFailsAsync(Listing, original, mutant);

    /// <summary>The listing with <paramref name="original"/> turned into <paramref name="mutant"/> fails SC2014.</summary>
    private static async Task AssertMutantFailsAsync(string listing, string original, string mutant, string? tag = null)
    {
        Assert.Contains(original, listing, StringComparison.Ordinal);
        var mutated = listing.Replace(original, mutant, StringComparison.Ordinal);
        var result = await (tag is null ? ListingAsync(mutated) : ListingAsync(mutated, tag));

        Assert.True((result.Status, result.Code) == (SnippetStatus.Failed, DiagnosticCodes.UnboundApi), $"{result.Status} {result.Code} {result.Message}");
    }

    [Fact]
    public async Task A_member_the_package_lacks_fails()
    {
        var result = await ListingAsync("public static string Shout(this string input)");

        Assert.Equal((SnippetStatus.Failed, DiagnosticCodes.UnboundApi), (result.Status, result.Code));
        Assert.Contains("no public type of its packages declares 'Shout'", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Listing_is_a_check_block_s_alone()
    {
        var result = await ListingAsync(Listing, "compile listing packages=Humanizer.Core@3.0.1");

        Assert.Equal((SnippetStatus.Failed, DiagnosticCodes.ConflictingTag), (result.Status, result.Code));
    }

    /// <summary>The framework's own signatures, with nullable annotations inside arrays and type arguments.</summary>
    private const string FrameworkListing = """
        public static string Join(string? separator, params string?[] value);
        public static string Join<T>(string? separator, IEnumerable<T> values);
        public static int? Max(this IEnumerable<int?> source);
        public static bool TryParse(string? s, out int result);
        """;

    [Fact]
    public async Task A_listing_matches_annotations_at_any_depth()
    {
        var result = await ListingAsync(FrameworkListing, "check listing");

        Assert.True(result.Status == SnippetStatus.Passed, $"{result.Status} {result.Code} {result.Message}");
    }

    [Theory]
    [InlineData("params string?[] value", "params string?[,] value")]
    [InlineData("params string?[] value", "params int?[] value")]
    [InlineData("IEnumerable<T> values", "IEnumerable<T, T> values")]
    [InlineData("IEnumerable<int?> source", "IEnumerable<int> source")]
    [InlineData("int? Max", "int Max")]
    [InlineData("out int result", "ref int result")]
    public Task A_mutant_of_a_framework_listing_fails(string original, string mutant) =>
        AssertMutantFailsAsync(FrameworkListing, original, mutant, "check listing");

    /// <summary>
    /// Operators and conversions as a generated API page lists them (Humanizer's ByteSize page, issue 54): the token with
    /// its parameter count names the operator (<c>-</c> with one parameter is the negation, with two the subtraction).
    /// </summary>
    private const string OperatorListing = """
        public static bool operator ==(System.DateTime d1, System.DateTime d2);
        public static System.TimeSpan operator -(System.DateTime d1, System.DateTime d2);
        public static TimeSpan operator -(TimeSpan t);
        public static decimal operator ++(decimal d);
        public static explicit operator int(decimal value);
        """;

    [Fact]
    public async Task A_listing_of_operators_is_checked()
    {
        var result = await ListingAsync(OperatorListing, "check listing");

        Assert.True(result.Status == SnippetStatus.Passed, $"{result.Status} {result.Code} {result.Message}");
        Assert.Equal(VerificationLevel.Check, result.Level);
    }

    [Theory]
    [InlineData("bool operator ==", "int operator ==")]
    [InlineData("operator -(TimeSpan t)", "operator !(TimeSpan t)")]
    [InlineData("operator -(System.DateTime d1", "operator *(System.DateTime d1")]
    [InlineData("operator ++(decimal d)", "operator ++(TimeSpan d)")]
    [InlineData("explicit operator int", "implicit operator int")]
    public async Task A_mutant_of_an_operator_listing_fails(string original, string mutant)
    {
        // The listing as written passes (before operators were read, it failed as no listing at all, mutant or not).
        var unmutated = await ListingAsync(OperatorListing, "check listing");
        Assert.True(unmutated.Status == SnippetStatus.Passed, $"{unmutated.Status} {unmutated.Code} {unmutated.Message}");
        await AssertMutantFailsAsync(OperatorListing, original, mutant, "check listing");
    }
}
