using System.Globalization;
using System.Text;
using System.Xml.Linq;
using SnippetCheck.Reporting;
using SnippetCheck.Model;

using SnippetCheck.Results;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Unit.Reporting;

public sealed class JUnitReportWriterTests
{
    [Fact]
    public async Task The_real_run_parses_and_its_counts_match_its_test_cases()
    {
        var report = await SampleReport.GetAsync();
        var root = Parse(report);

        AssertCountsMatchCases(root);
        foreach (var suite in root.Elements("testsuite")) AssertCountsMatchCases(suite);
        var cases = root.Descendants("testcase").ToList();
        Assert.Equal(report.Passed + report.Failed + report.Ignored + report.Skipped + report.Errors.Count, cases.Count);
        Assert.Equal(report.Failed, Int(root, "failures"));
        Assert.Equal(report.Errors.Count, Int(root, "errors"));
        Assert.All(cases, c =>
        {
            Assert.Equal(SampleReport.File, (string?)c.Attribute("file"));
            Assert.True(Int(c, "line") >= 1);
        });
    }

    [Fact]
    public void Untagged_blocks_are_not_test_cases_and_ignored_or_skipped_ones_are_skipped()
    {
        var root = Parse(Reports.Mixed());

        var names = root.Descendants("testcase").Select(c => (string?)c.Attribute("name")).ToList();
        Assert.Equal(["good", "bad", "line 9", "skipped", "SC3003 at line 1"], names);
        Assert.Equal(2, root.Descendants("skipped").Count());
        Assert.Equal(["posts/mixed.md", "posts/other.md"], root.Elements("testsuite").Select(s => (string?)s.Attribute("name")));
    }

    [Fact]
    public void Times_are_seconds_with_a_dot_whatever_the_culture()
    {
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            var root = Parse(Reports.Mixed());
            Assert.Equal("2.500", (string?)root.Attribute("time"));
            Assert.Equal("1.500", (string?)root.Descendants("testcase").First().Attribute("time"));
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public void A_failure_carries_its_code_reason_message_and_detail()
    {
        var @case = Parse(Reports.Failures(1, message: "differs <here> & \"there\"", detail: "- 3\n+ 2")).Descendants("testcase").Single();
        var failure = @case.Element("failure")!;

        Assert.Equal("SC2001", (string?)failure.Attribute("type"));
        Assert.Equal("output-mismatch", Property(@case, "reason"));
        Assert.Equal("SC2001", Property(@case, "snippetcheckCode"));
        Assert.Equal("differs <here> & \"there\"", (string?)failure.Attribute("message"));
        Assert.Equal("posts/many.md(1,1): error SC2001: differs <here> & \"there\"\n- 3\n+ 2", failure.Value);
    }

    [Fact]
    public async Task A_compile_error_and_an_exception_are_typed_by_the_compilers_and_runtimes_own_codes()
    {
        var cases = Parse(await SampleReport.GetAsync()).Descendants("testcase").Where(c => c.Element("failure") is not null).ToList();

        // Issue 58: a CI page names the failure as the compiler or the runtime does; the tool's code is a property.
        var compileError = Assert.Single(cases, c => (string?)c.Element("failure")!.Attribute("type") == "CS0103");
        Assert.Equal(DiagnosticCodes.CompileError, Property(compileError, "snippetcheckCode"));
        var thrown = Assert.Single(cases, c => (string?)c.Element("failure")!.Attribute("type") == "System.InvalidOperationException");
        Assert.Equal(DiagnosticCodes.UnexpectedException, Property(thrown, "snippetcheckCode"));
    }

    private static string? Property(XElement @case, string name) =>
        (string?)@case.Element("properties")?.Elements("property").SingleOrDefault(p => (string?)p.Attribute("name") == name)?.Attribute("value");

    [Fact]
    public void Control_characters_from_a_snippets_output_do_not_break_the_xml()
    {
        var root = Parse(Reports.Failures(1, message: "colour \u001b[31mred\u001b[0m", detail: "bell \u0007 and 😀"));

        var failure = root.Descendants("failure").Single();
        Assert.Equal("colour \uFFFD[31mred\uFFFD[0m", (string?)failure.Attribute("message"));
        Assert.EndsWith("bell \uFFFD and 😀", failure.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_test_of_a_block_is_a_test_case_of_its_own()
    {
        var snippet = Pipeline.Read("```csharp run name=tests\n[Test] public void A() { }\n```\n", "posts/tests.md").Snippets[0];
        var at = new SourceLocation("posts/tests.md", 2, 20);
        var result = SnippetResult.Of(snippet, Verdict.Pass) with
        {
            Tests =
            [
                new TestResult("A", TestStatus.Passed, null, at, "printed\n", TimeSpan.FromMilliseconds(3)),
                new TestResult("B(1,2)", TestStatus.Failed, "  Expected: 3\n  But was:  2\n", at with { Line = 3 }, "", TimeSpan.Zero),
                new TestResult("C", TestStatus.Skipped, "later", at, "", TimeSpan.Zero),
            ],
        };

        var root = Parse(new VerificationReport(1, [result], [], TimeSpan.FromSeconds(1)));

        var cases = root.Descendants("testcase").ToList();
        Assert.Equal(["tests", "tests \u203a A", "tests \u203a B(1,2)", "tests \u203a C"], cases.Select(c => (string)c.Attribute("name")!));
        Assert.Equal("printed\n", cases[1].Element("system-out")!.Value);
        Assert.Equal("posts/tests.md(3,20): error SC2015:   Expected: 3\n  But was:  2\n", cases[2].Element("failure")!.Value);
        Assert.Equal("later", (string?)cases[3].Element("skipped")!.Attribute("message"));
        AssertCountsMatchCases(root);
    }

    private static XElement Parse(VerificationReport report)
    {
        using var stream = new MemoryStream();
        JUnitReportWriter.Write(stream, report);
        var text = Encoding.UTF8.GetString(stream.ToArray());
        Assert.StartsWith("<?xml", text, StringComparison.Ordinal); // no BOM: some readers choke on one
        return XDocument.Parse(text).Root!;
    }

    private static void AssertCountsMatchCases(XElement element)
    {
        var cases = element.Descendants("testcase").ToList();
        Assert.Equal(cases.Count, Int(element, "tests"));
        Assert.Equal(cases.Count(c => c.Element("failure") is not null), Int(element, "failures"));
        Assert.Equal(cases.Count(c => c.Element("error") is not null), Int(element, "errors"));
        Assert.Equal(cases.Count(c => c.Element("skipped") is not null), Int(element, "skipped"));
        Assert.NotNull(element.Attribute("time"));
    }

    private static int Int(XElement element, string attribute) =>
        int.Parse((string?)element.Attribute(attribute) ?? throw new Xunit.Sdk.XunitException($"{element.Name} has no '{attribute}'"), CultureInfo.InvariantCulture);
}
