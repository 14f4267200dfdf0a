using SnippetCheck.Adoption.Inference;

namespace SnippetCheck.Tests.Unit.Adoption.Inference;

/// <summary>
/// A block that only lists values (<see cref="ApiListing.DeclaresOnly"/>): constants, fields and auto-properties of built-in
/// types with literal values or none compile inside the tool's class whatever the library holds, so <c>compile members</c>
/// would prove nothing and adopt never proposes it. Block in, yes or no out; nothing compiled.
/// </summary>
public sealed class ApiListingTests
{
    private static bool DeclaresOnly(string code) =>
        ApiListing.DeclaresOnly(Assert.Single(AdoptionHarness.Page($"# API\n\n```csharp\n{code}\n```\n").Blocks));

    [Theory]
    [InlineData("public const long BytesInGibibyte = 1073741824;")]
    [InlineData("public const double Below = -1.5;\npublic static readonly int Zero;\npublic const string Name = \"api\";")]
    [InlineData("public int Count { get; set; }\npublic string? Title { get; init; } = \"none\";\npublic bool? Done { get; }")]
    public void Built_in_constants_fields_and_auto_properties_with_literal_values_or_none_only_list(string code) =>
        Assert.True(DeclaresOnly(code));

    [Theory]
    // What binds outside the block: a library's type, a member's value, a body, a method; a statement; nothing at all.
    [InlineData("public TimeSpan Timeout = TimeSpan.FromSeconds(5);")]
    [InlineData("public const long Total = 1073741824;\npublic int Max = int.MaxValue;")]
    [InlineData("public const int One = 1;\npublic int Twice => One * 2;")]
    [InlineData("public int Count { get { return 1; } }")]
    [InlineData("public const int One = 1;\npublic void Run() { }")]
    [InlineData("Console.WriteLine(1);")]
    [InlineData("// nothing declared here")]
    public void A_block_that_binds_anything_or_declares_nothing_is_no_listing(string code) =>
        Assert.False(DeclaresOnly(code));
}
