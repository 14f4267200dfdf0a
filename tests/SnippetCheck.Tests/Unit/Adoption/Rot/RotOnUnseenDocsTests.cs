using SnippetCheck.Results;

namespace SnippetCheck.Tests.Unit.Adoption.Rot;

/// <summary>
/// Issue 76's targets on unseen docs (session 22), the rules that need no run: an entry on a package at a major the page
/// does not name rests on the tool's guess. A namespace missing under a package's root (<see cref="RotEvidence"/>'s):
/// Unit/Results/RotEvidenceTests. The posts adopted whole: EndToEnd/Adoption/AdoptRotOnUnseenDocsTests.
/// </summary>
public sealed class RotOnUnseenDocsTests
{
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
