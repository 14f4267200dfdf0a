using SnippetCheck.Adoption.Rot;
using SnippetCheck.Extraction.Snippets;
using SnippetCheck.Programs;
using SnippetCheck.Results;
using static SnippetCheck.Tests.Unit.Adoption.CannedTrials;

namespace SnippetCheck.Tests.Unit.Adoption.Rot;

/// <summary>
/// Removed-API rot's guard rule (<see cref="RemovedApiRot.Guards"/>), a hit in and the trial out: a block of a page that
/// says the API is gone, whose one error is the removed name, is tried as the <c>compile-fail</c> that guards the guide.
/// </summary>
public sealed class RemovedApiGuardsTests
{
    private const string Error = "'ValidatorOptions' does not contain a definition for 'DisplayNameResolver'";

    private static RemovedApiRot.Hit HitOn(PreparedDocument page, SnippetResult failed) =>
        new(0, page, failed, failed.Diagnostics[0], new ApiName("ValidatorOptions", "DisplayNameResolver"),
            new RemovedName("FluentValidation", "8.6.3", null));

    [Fact]
    public void A_removed_name_on_an_upgrade_page_is_tried_as_the_compile_fail_that_guards_it()
    {
        var page = AdoptionHarness.Page(
            "# Upgrading to 9\n\nThe resolver was removed:\n\n```csharp\nValidatorOptions.DisplayNameResolver = null;\n```\n");
        var failed = Failed(Assert.Single(page.Blocks), "CS0117", "DisplayNameResolver", Error);

        var (_, guard) = Assert.Single(RemovedApiRot.Guards([HitOn(page, failed)]));

        Assert.Equal(SnippetKind.CompileFail, guard.Tags.Kind);
        Assert.Equal(["CS0117"], guard.Tags.ExpectedErrorIds);
    }

    [Fact]
    public void A_removed_name_on_a_page_that_does_not_say_it_is_gone_is_never_guarded()
    {
        var page = AdoptionHarness.Page("# Names\n\nSet the resolver:\n\n```csharp\nValidatorOptions.DisplayNameResolver = null;\n```\n");
        var failed = Failed(Assert.Single(page.Blocks), "CS0117", "DisplayNameResolver", Error);

        Assert.Empty(RemovedApiRot.Guards([HitOn(page, failed)]));
    }

    [Theory]
    [InlineData("# Version 8 Release Notes\n\nVersion 8.0 of FluentValidation is out.\n\n", false)]
    [InlineData("# Names\n\nSet the resolver:\n\n", true)]
    public void A_removed_name_tried_at_a_major_the_page_does_not_name_is_no_entry(string before, bool listed)
    {
        // Issue 76, item 3: the tool tried FluentValidation 11 on a page about version 8; what 11 lacks is no rot of that page.
        var page = AdoptionHarness.Page(before + "```csharp\nValidatorOptions.DisplayNameResolver = null;\n```\n");
        var block = Assert.Single(page.Blocks);
        var failed = Failed(block with { Tags = block.Tags with { Packages = [new("FluentValidation", "11.9.0", block.Location)] } },
            "CS0117", "DisplayNameResolver", Error);
        var file = new SnippetCheck.Adoption.Proposals.AdoptFile(page.Snippets.Source.Document, 1, [], [failed], []);

        var after = Assert.Single(RemovedApiRot.WithHits([file], [HitOn(page, failed)], new Dictionary<SnippetCheck.Model.SourceLocation, SnippetResult>()));

        Assert.Equal(listed, after.Rot.Any(r => r.Evidence == RotEvidence.RemovedApi));
        // Listed or not, the block stays unverified, with its cause.
        Assert.Contains(after.Failures, f => f.Snippet.Location == block.Location);
    }
}
