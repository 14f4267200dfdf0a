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
    public void The_docs_own_hidden_fences_are_hidden_members_of_the_page_when_config_names_them()
    {
        // The prelude as the docs' own generator reads it: a ```requiredcode fence in a plain HTML comment.
        var page = Page.Replace("<!-- snippetcheck: prelude\n", "<!--\n```requiredcode\n", StringComparison.Ordinal)
            .Replace("Console.WriteLine(\"teardown after \" + string.Join(\",\", log));\n-->", "Console.WriteLine(\"teardown after \" + string.Join(\",\", log));\n```\n-->", StringComparison.Ordinal);
        Assert.Contains("```requiredcode", page, StringComparison.Ordinal);

        var named = Verify(page.Replace("fixture: true", "fixture: true\n  hiddenFences: [requiredcode]", StringComparison.Ordinal));
        var unnamed = Verify(page);

        Assert.All(named.Snippets, s => Assert.True(s.Str("status") == "passed", $"line {s.Int("line")}: {s.Str("message")}"));
        // Without the config the fence is only a comment: the blocks that use its members do not compile.
        Assert.Contains(unnamed.Snippets, s => s.Str("reason") == "compile-error");
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
