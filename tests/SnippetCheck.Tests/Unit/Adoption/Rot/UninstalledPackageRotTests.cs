using SnippetCheck.Adoption.Rot;
using SnippetCheck.Results;
using static SnippetCheck.Tests.Unit.Adoption.CannedTrials;

namespace SnippetCheck.Tests.Unit.Adoption.Rot;

/// <summary>
/// A namespace the block's package root lacks (CS0234) that is a package of its own the page says it uses, and the block
/// was not given: a package missing here, not an API gone (<see cref="RotReport.Of"/>). The page may say so in an install
/// line or in its prose (Octokit's demo: "I'm using the Octokit.Reactive package"); a page that names no such package
/// keeps the entry.
/// </summary>
public sealed class UninstalledPackageRotTests
{
    private const string Error = "The type or namespace name 'Reactive' does not exist in the namespace 'Octokit' (are you missing an assembly reference?)";

    private static SuspectedRot? RotOf(string prose)
    {
        var page = AdoptionHarness.Page($"# Pull requests\n\n{prose}\n\n```csharp\nusing Octokit;\nusing Octokit.Reactive;\n\nvar x = 1;\n```\n");
        var block = Assert.Single(page.Blocks);
        var tried = block with { Tags = block.Tags with { Packages = [new("Octokit", "14.0.0", block.Location)] } };
        return RotReport.Of(page.Snippets.Source.Document, tried, Failed(tried, "CS0234", "Reactive", Error));
    }

    [Theory]
    [InlineData("I'm using the Octokit.Reactive package as this helps represent the flow.")]
    [InlineData("Install it with `dotnet add package Octokit.Reactive`.")]
    public void A_namespace_that_is_a_package_the_page_says_it_uses_is_no_rot(string prose) => Assert.Null(RotOf(prose));

    [Fact]
    public void A_namespace_no_package_of_the_page_stands_for_stays_rot() =>
        Assert.NotNull(RotOf("The reactive client lives in its own namespace."));
}
