using System.Text.Json;
using SnippetCheck.Model;
using SnippetCheck.Reporting;

using SnippetCheck.Results;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Unit.Reporting;

/// <summary>The parts of SARIF 2.1.0 that GitHub code scanning requires or relies on.</summary>
public sealed class SarifReportWriterTests
{
    [Fact]
    public async Task The_real_run_has_every_property_code_scanning_needs()
    {
        var report = await SampleReport.GetAsync();
        var root = Parse(report);

        Assert.Equal(SarifReportWriter.SchemaUri, root.GetProperty("$schema").GetString());
        Assert.Equal("2.1.0", root.GetProperty("version").GetString());
        var run = Assert.Single(root.GetProperty("runs").EnumerateArray());
        var driver = run.GetProperty("tool").GetProperty("driver");
        Assert.Equal("SnippetCheck", driver.GetProperty("name").GetString());
        Assert.Equal(ToolInfo.Version, driver.GetProperty("version").GetString());
        Assert.True(Uri.IsWellFormedUriString(driver.GetProperty("informationUri").GetString(), UriKind.Absolute));

        var rules = driver.GetProperty("rules").EnumerateArray().ToList();
        // Every SC rule, then the compiler's and runtime's codes the run's failures have (issue 58).
        Assert.Equal(
            [.. DiagnosticCatalog.All.Select(d => d.Code), "CS0103", "System.InvalidOperationException"],
            rules.Select(r => r.GetProperty("id").GetString()));
        Assert.All(rules, rule =>
        {
            Assert.False(string.IsNullOrWhiteSpace(rule.GetProperty("shortDescription").GetProperty("text").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(rule.GetProperty("fullDescription").GetProperty("text").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(rule.GetProperty("help").GetProperty("text").GetString()));
            Assert.True(Uri.IsWellFormedUriString(rule.GetProperty("helpUri").GetString(), UriKind.Absolute));
        });

        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(report.Failed + report.Errors.Count, results.Count);
        Assert.All(results, result =>
        {
            var ruleId = result.GetProperty("ruleId").GetString();
            Assert.Equal(ruleId, rules[result.GetProperty("ruleIndex").GetInt32()].GetProperty("id").GetString());
            Assert.Contains(result.GetProperty("level").GetString(), new[] { "error", "warning", "note" });
            Assert.False(string.IsNullOrWhiteSpace(result.GetProperty("message").GetProperty("text").GetString()));
            var location = Assert.Single(result.GetProperty("locations").EnumerateArray()).GetProperty("physicalLocation");
            var artifact = location.GetProperty("artifactLocation");
            Assert.Equal(SampleReport.File, artifact.GetProperty("uri").GetString());
            Assert.Equal("%SRCROOT%", artifact.GetProperty("uriBaseId").GetString());
            Assert.True(location.GetProperty("region").GetProperty("startLine").GetInt32() >= 1);
            Assert.True(location.GetProperty("region").GetProperty("startColumn").GetInt32() >= 1);
        });
    }

    [Fact]
    public async Task A_compile_error_is_filed_under_the_compilers_id_with_SC2012_as_a_property()
    {
        var results = Parse(await SampleReport.GetAsync()).GetProperty("runs")[0].GetProperty("results").EnumerateArray();

        // Issue 58: code scanning names the failure as the compiler does; the tool's code stays beside it.
        var compileError = Assert.Single(results, r => r.GetProperty("ruleId").GetString() == "CS0103");
        Assert.StartsWith("CS0103: ", compileError.GetProperty("message").GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal("CS0103", compileError.GetProperty("properties").GetProperty("compilerId").GetString());
        Assert.Equal(DiagnosticCodes.CompileError, compileError.GetProperty("properties").GetProperty("snippetcheckCode").GetString());
        Assert.Equal(41, compileError.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32());
    }

    [Fact]
    public async Task An_unhandled_exception_is_filed_under_its_type_with_SC2003_as_a_property()
    {
        var results = Parse(await SampleReport.GetAsync()).GetProperty("runs")[0].GetProperty("results").EnumerateArray();

        var thrown = Assert.Single(results, r => r.GetProperty("ruleId").GetString() == "System.InvalidOperationException");
        Assert.Equal(DiagnosticCodes.UnexpectedException, thrown.GetProperty("properties").GetProperty("snippetcheckCode").GetString());
    }

    [Fact]
    public void A_foreign_attribute_warning_is_a_warning_result()
    {
        var snippet = Infrastructure.Pipeline.Read("```csharp run showLineNumbers\nConsole.WriteLine(1);\n```\n", "posts/a.md").Snippets[0];
        var report = new VerificationReport(1, [SnippetResult.Of(snippet, Verdict.Pass)], [], TimeSpan.Zero);

        var result = Assert.Single(Parse(report).GetProperty("runs")[0].GetProperty("results").EnumerateArray());
        Assert.Equal(DiagnosticCodes.ForeignAttribute, result.GetProperty("ruleId").GetString());
        Assert.Equal("warning", result.GetProperty("level").GetString());
    }

    [Theory]
    [InlineData("posts/a post.md", "posts/a%20post.md")]
    [InlineData(@"posts\windows.md", "posts/windows.md")]
    [InlineData("posts/C#-tips.md", "posts/C%23-tips.md")]
    public void Relative_paths_become_relative_uri_references(string path, string uri)
    {
        Assert.Equal((uri, true), SarifReportWriter.ToUri(path));
    }

    [Fact]
    public void A_path_outside_the_current_directory_becomes_a_file_uri()
    {
        var (uri, isRelative) = SarifReportWriter.ToUri(Path.Combine(Path.GetTempPath(), "elsewhere", "post.md"));

        Assert.False(isRelative);
        Assert.StartsWith("file:///", uri, StringComparison.Ordinal);
    }

    private static JsonElement Parse(VerificationReport report)
    {
        using var stream = new MemoryStream();
        SarifReportWriter.Write(stream, report);
        return JsonDocument.Parse(stream.ToArray()).RootElement.Clone();
    }
}
