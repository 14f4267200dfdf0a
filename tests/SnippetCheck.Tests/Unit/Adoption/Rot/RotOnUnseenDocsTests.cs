using SnippetCheck.Results;
using Diagnostic = SnippetCheck.Model.Diagnostic;
using SourceLocation = SnippetCheck.Model.SourceLocation;

namespace SnippetCheck.Tests.Unit.Adoption.Rot;

/// <summary>
/// Issue 76's targets on unseen docs (session 22), the rules that need no run: a namespace missing under a package's root
/// is a package not loaded, and an entry on a package at a major the page does not name rests on the tool's guess. The
/// posts adopted whole: EndToEnd/RotOnUnseenDocsTests.
/// </summary>
public sealed class RotOnUnseenDocsTests
{
    [Theory]
    [InlineData("The type or namespace name 'Azure' does not exist in the namespace 'Microsoft' (are you missing an assembly reference?)", true)]
    [InlineData("The type or namespace name 'Bus' does not exist in the namespace 'Acme.Transit' (are you missing an assembly reference?)", false)]
    public void A_namespace_missing_under_a_packages_root_beside_another_roots_is_a_package_not_loaded(string other, bool anotherRoot)
    {
        var at = new SourceLocation("transports.md", 3, 7);
        var errors = new[]
        {
            Diagnostic.Error("CS0234", "The type or namespace name 'WebJobs' does not exist in the namespace 'Acme' (are you missing an assembly " +
                "reference?)", at),
            Diagnostic.Error("CS0234", other, at with { Line = 4 }),
        };

        Assert.Equal(anotherRoot, RotEvidence.ImportsAnotherUnknownNamespace(errors, "Acme"));
    }

    [Theory]
    [InlineData("# Version 2 Release Notes\n\nVersion 2.0 of Language-Ext is now released.\n\n", true)]
    [InlineData("# Sequences\n\nFor the problems you will have with upgrading to language-ext 2.0, see below.\n\n", true)]
    [InlineData("# Sequences\n\nWhat LanguageExt 4 brings:\n\n", false)]
    [InlineData("# Sequences\n\nConstruct them directly:\n\n", false)]
    public void An_entry_on_a_package_at_a_major_the_page_does_not_name_rests_on_the_tools_guess(string before, bool guess)
    {
        var document = SnippetCheck.Extraction.SourceDocument.FromText("/docs/v2.md", "v2.md", before + "```csharp\nvar seq = 1.Cons();\n```\n");
        var page = AdoptionHarness.Page(document.Text, "v2.md");
        var snippet = Assert.Single(page.Blocks);
        var tried = snippet with { Tags = snippet.Tags with { Packages = [new("LanguageExt.Core", "4.4.9", snippet.Location)] } };
        var failed = CannedTrials.Failed(tried, "CS7036", "Cons",
            "There is no argument given that corresponds to the required parameter 'ma' of 'CompositionsExt.Cons<MonoidA, A>(A, Compositions<A>)'");
        var error = failed.Diagnostics[0];
        var rot = new SuspectedRot(error.Location, "CS7036", error.Message, RotEvidence.KnownApi, "no value for 'ma'");

        Assert.Equal(guess, SnippetCheck.Adoption.Rot.RotContext.RestsOnAGuess(rot, document, failed));
    }
}
