using Microsoft.CodeAnalysis.CSharp;
using SnippetCheck.Adoption.Inference.Classes;
using SnippetCheck.Results;
using static SnippetCheck.Tests.Unit.Adoption.CannedTrials;

namespace SnippetCheck.Tests.Unit.Adoption.Inference.Classes;

/// <summary>
/// What a failed <c>members</c> block needs of a base class (<see cref="MemberBases"/>), read off its text and its given
/// errors: the members it overrides and the names it uses bare. Which package class has them is tried by
/// <c>Trials/MemberBaseTrials</c> (EndToEnd/Adoption/AdoptMembersBaseTests, AdoptEndpointClassTests).
/// </summary>
public sealed class MemberBasesTests
{
    private const string Endpoint = """
        public override void Configure()
        {
            Post("/login");
            AllowAnonymous();
            logger.Log("configured");
        }
        """;

    private static SnippetResult WithErrors(SnippetResult first, params SnippetResult[] more) =>
        first with { Diagnostics = [.. first.Diagnostics, .. more.SelectMany(m => m.Diagnostics)] };

    [Fact]
    public void A_block_of_overrides_and_bare_pascal_case_calls_needs_a_base_with_those_and_a_camel_case_name_is_no_base_member()
    {
        var snippet = AdoptionHarness.Page($"# Endpoint\n\n```csharp\n{Endpoint}\n```\n").Blocks[0];
        var members = MemberBases.ParsedMembers(snippet, CSharpParseOptions.Default)!;
        var overridden = Failed(snippet, "CS0115", "Configure", "'Configure()': no suitable method found to override");
        var bare = WithErrors(overridden, Unknown(snippet, "Post"), Unknown(snippet, "AllowAnonymous"), Unknown(snippet, "Post"));

        var needs = MemberBases.BaseNeeds(bare, snippet, members);

        Assert.Equal(["Configure"], needs!.Value.Overrides);
        Assert.Equal(["Post", "AllowAnonymous"], needs.Value.Bare);
        // A camelCase name is a local of code the docs never showed, which no base class gives.
        Assert.Null(MemberBases.BaseNeeds(WithErrors(bare, Unknown(snippet, "logger")), snippet, members));
        // Nor does one fix an error of another kind.
        Assert.Null(MemberBases.BaseNeeds(WithErrors(bare, Failed(snippet, "CS0029", "Post", "cannot convert")), snippet, members));
    }

    [Fact]
    public void Only_a_block_of_members_is_parsed_as_a_class_body_and_one_that_gives_the_class_no_member_is_not()
    {
        var page = AdoptionHarness.Page($"# Endpoint\n\n```csharp\n{Endpoint}\n```\n\n```csharp\nnamespace Acme {{ class A {{ }} }}\n```\n");

        Assert.Single(MemberBases.ParsedMembers(page.Blocks[0], CSharpParseOptions.Default)!);
        Assert.Null(MemberBases.ParsedMembers(page.Blocks[1], CSharpParseOptions.Default));
    }
}
