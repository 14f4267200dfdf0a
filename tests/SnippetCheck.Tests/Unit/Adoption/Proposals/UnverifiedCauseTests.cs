using SnippetCheck.Adoption.Proposals;
using SnippetCheck.Extraction.Snippets;
using SnippetCheck.Tests.Infrastructure;
using static SnippetCheck.Tests.Unit.Adoption.CannedTrials;

namespace SnippetCheck.Tests.Unit.Adoption.Proposals;

/// <summary>
/// Why adopt left a block untagged (<see cref="UnverifiedCause.Of"/>), from a recorded failure: what stays unverified says
/// why, and says it true (a name the docs never declare is no package not found; a package that would not restore here is
/// a setup problem, not the post's).
/// </summary>
public sealed class UnverifiedCauseTests
{
    private static Snippet Block(string code) => Pipeline.Read($"# P\n\n```csharp\n{code}\n```\n").Snippets[0];

    [Fact]
    public void A_block_that_compiled_and_failed_its_run_is_a_runtime_failure()
    {
        var cause = UnverifiedCause.Of(Threw(Block("Run();")), packageLookedFor: false);

        Assert.Equal(UnverifiedCause.RuntimeFailure, cause.Kind);
        Assert.Contains("InvalidOperationException", cause.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_block_that_does_not_parse_is_a_fragment_named_by_the_token_the_parser_stopped_at()
    {
        var block = Block("var total = ;");

        var cause = UnverifiedCause.Of(Failed(block, "CS1525", "total", "Invalid expression term ';'"), packageLookedFor: true);

        Assert.Equal(UnverifiedCause.Fragment, cause.Kind);
        Assert.Contains("';'", cause.Detail, StringComparison.Ordinal);
        Assert.Equal(block.Location.Line + 1, cause.Location.Line);
    }

    [Fact]
    public void Unknown_names_are_a_package_not_found_only_when_one_was_looked_for_and_the_docs_own_types_are_declared_nowhere()
    {
        var failed = Unknown(Block("var order = new Order(); Ship(order);"), "Ship");

        Assert.Equal((UnverifiedCause.UnknownName, "'Ship'"), Said(UnverifiedCause.Of(failed, packageLookedFor: false)));
        Assert.Equal((UnverifiedCause.PackageNotFound, "'Ship'"), Said(UnverifiedCause.Of(failed, packageLookedFor: true)));
        Assert.Equal((UnverifiedCause.UnknownName, "'Ship': declared nowhere in the docs"),
            Said(UnverifiedCause.Of(failed, packageLookedFor: true, nowhereInTheDocs: ["Ship"])));
        Assert.Equal((UnverifiedCause.PackageUnavailable, "Acme.Shipping could not be restored ('Ship')"),
            Said(UnverifiedCause.Of(failed, packageLookedFor: true, unloaded: ["Acme.Shipping"])));
    }

    [Fact]
    public void Another_compile_error_is_said_with_its_code_and_message()
    {
        var failed = Failed(Block("int n = \"text\";"), "CS0029", "n", "Cannot implicitly convert type 'string' to 'int'");

        var cause = UnverifiedCause.Of(failed, packageLookedFor: false);

        Assert.Equal((UnverifiedCause.CompileError, "CS0029: Cannot implicitly convert type 'string' to 'int'"), Said(cause));
    }

    [Fact]
    public void A_withdrawn_block_says_it_passed_alone_but_not_on_its_page_as_written()
    {
        var block = Block("Run();");
        var proposal = new AdoptProposal(block, SnippetKind.Compile, null);

        Assert.Equal("'compile' passed alone but not on its page as written: not verified", UnverifiedCause.Withdrawn(proposal, null).Detail);
        var threw = Threw(block);
        Assert.Equal($"'compile' passed alone but not on its page as written: {threw.ReasonWord}: {threw.Message}",
            UnverifiedCause.Withdrawn(proposal, threw).Detail);
    }

    private static (string Kind, string Detail) Said(UnverifiedCause cause) => (cause.Kind, cause.Detail);
}
