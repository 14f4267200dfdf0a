using SnippetCheck.Driver;
using SnippetCheck.Results;
using SnippetCheck.Tests.Unit.Adoption;

namespace SnippetCheck.Tests.Unit.Driver;

/// <summary>
/// The versions each block was verified with, for the JSON report's <c>packages</c> (<see cref="VerifiedPackages.Named"/>):
/// a passed or failed block's own pins, a session's members' pins, and the config's packages the block does not pin
/// itself; a block that was not verified (skipped, ignored) names none. Results built in memory, nothing compiled.
/// </summary>
public sealed class VerifiedPackagesTests
{
    private const string Page = """
        # Pins

        <!-- snippetcheck: packages=Acme.Core@1.2.0,Zeta@3.0.0 -->
        ```csharp
        Console.WriteLine(1);
        ```

        <!-- snippetcheck: session=s packages=Acme.Core@2.0.0 -->
        ```csharp
        var a = 1;
        ```

        <!-- snippetcheck: session=s packages=Acme.Web@2.0.0 -->
        ```csharp
        Console.WriteLine(a);
        ```

        ```csharp
        Console.WriteLine(2);
        ```
        """;

    [Fact]
    public void A_verified_block_names_its_own_pins_its_sessions_and_the_configs_others_and_an_unverified_one_none()
    {
        var page = AdoptionHarness.Page(Page);
        var blocks = page.Blocks;
        var results = new[]
        {
            CannedTrials.Passed(blocks[0]), CannedTrials.Failed(blocks[2], "CS0103", "a", "The name 'a' does not exist"),
            new SnippetResult(blocks[3], new Verdict.Skipped("no runner"), [], null, TimeSpan.Zero),
        };

        var named = VerifiedPackages.Named(results, [page], ["acme.core@9.9.9", "Newtonsoft.Json@13.0.3"], moved: false);

        // Its own pin wins over the config's of the same id (ids compare without case); the config's other package joins.
        Assert.Equal(["Acme.Core@1.2.0", "Newtonsoft.Json@13.0.3", "Zeta@3.0.0"], named[0].PackagesUsed);
        // A session's block restores what every member pins.
        Assert.Equal(["Acme.Core@2.0.0", "Acme.Web@2.0.0", "Newtonsoft.Json@13.0.3"], named[1].PackagesUsed);
        Assert.Empty(named[2].PackagesUsed);
        Assert.All(named.Take(2), r => Assert.False(r.PackagesMoved));
    }

    [Fact]
    public void A_run_that_read_pins_as_other_versions_says_so_and_a_block_of_no_page_given_is_left_as_it_was()
    {
        var page = AdoptionHarness.Page(Page);
        var elsewhere = AdoptionHarness.Page("# Other\n\n```csharp\nConsole.WriteLine(3);\n```\n", "docs/other.md");
        var results = new[] { CannedTrials.Passed(page.Blocks[0]), CannedTrials.Passed(elsewhere.Blocks[0]) };

        var named = VerifiedPackages.Named(results, [page], null, moved: true);

        Assert.True(named[0].PackagesMoved);
        Assert.Equal(["Acme.Core@1.2.0", "Zeta@3.0.0"], named[0].PackagesUsed);
        Assert.Same(results[1], named[1]);
    }
}
