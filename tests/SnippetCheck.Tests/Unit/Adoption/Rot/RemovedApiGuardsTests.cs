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
}
