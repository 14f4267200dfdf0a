using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.EndToEnd;

/// <summary>
/// A fixture page (docs/authoring.md#the-page-fixture): Samples/fixture-page.md, whose blocks pass only as members and
/// instance methods of one class, each on a fresh instance between setup and teardown; and the same page with an
/// assertion flipped, which fails at the assertion's line.
/// </summary>
public sealed class FixturePageTests
{
    private static JsonReport Verify(string markdown) => VerifyWithOutput(markdown).Report;

    private static (JsonReport Report, string Output) VerifyWithOutput(string markdown)
    {
        using var folder = new TempFolder();
        folder.Write("page.md", markdown);
        var result = CliRunner.Run(folder.Path, PackageTestCache.Environment, "verify", "page.md", "--no-cache", "--report", "json=report.json");
        return (JsonReport.Load(Path.Combine(folder.Path, "report.json")), result.Output);
    }

    private static string Page => File.ReadAllText(Samples.PathOf("fixture-page.md"));

    [Fact]
    public void Every_block_of_the_page_passes_with_its_own_output_and_tests()
    {
        var report = Verify(Page);

        Assert.All(report.Snippets, s => Assert.True(s.Str("status") == "passed", $"line {s.Int("line")}: {s.Str("message")}"));
        Assert.Equal(["", "Hello, Ada\nteardown after setup,first\n", "1\nteardown after setup\n", ""], report.Snippets.Select(s => s.Str("actualOutput")));
        var test = report.Snippets.Last().GetProperty("tests").EnumerateArray().Single();
        Assert.Equal(("Greets", "passed"), (test.Str("name"), test.Str("status")));
    }

    [Fact]
    public void Without_the_fixture_the_same_blocks_do_not_compile()
    {
        var report = Verify(Page.Replace("fixture: true", "fixture: false", StringComparison.Ordinal));

        Assert.Contains(report.Snippets, s => s.Str("status") == "failed");
    }

    [Fact]
    public void A_flipped_assertion_fails_its_block_at_its_line_and_the_blocks_before_it_pass()
    {
        var page = Page.Replace("Is.EqualTo(\"\")", "Is.EqualTo(\"Hello, Ada\")", StringComparison.Ordinal);
        var line = page.Split('\n').ToList().FindIndex(l => l.Contains("Is.EqualTo(\"Hello, Ada\")", StringComparison.Ordinal)) + 1;

        var (report, output) = VerifyWithOutput(page);

        var failed = report.Snippets.Single(s => s.Str("status") == "failed");
        Assert.Equal("exception", failed.Str("reason"));
        Assert.Contains("NUnit.Framework.AssertionException", failed.Str("message"), StringComparison.Ordinal);
        Assert.Contains($"page.md({line},1): error SC2003", output, StringComparison.Ordinal);
        Assert.Equal(["passed", "passed", "failed", "skipped"], report.Snippets.Select(s => s.Str("status")));
    }
}
