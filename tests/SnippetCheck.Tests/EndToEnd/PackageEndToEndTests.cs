using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.EndToEnd;

/// <summary>Runs the real CLI once on Samples/packages.md, with real restores; each test checks one case.</summary>
public sealed class PackageRunFixture : IDisposable
{
    private readonly TempFolder _folder = new();

    public PackageRunFixture()
    {
        _folder.CopySample("packages.md");
        Result = CliRunner.Run(_folder.Path, PackageTestCache.Environment, "verify", "packages.md", "--report", "json=report.json");
        Report = JsonReport.Load(Path.Combine(_folder.Path, "report.json"));
    }

    public CliResult Result { get; }
    public JsonReport Report { get; }

    public void Dispose() => _folder.Dispose();
}

public sealed class PackageEndToEndTests(PackageRunFixture run) : IClassFixture<PackageRunFixture>
{
    [Theory]
    [InlineData("package-directive", "passed", null)]
    [InlineData("script-reference", "passed", null)]
    [InlineData("missing-package", "failed", "package")]
    [InlineData("plain", "passed", null)]
    [InlineData("conflict-1", "skipped", null)]
    [InlineData("conflict-2", "failed", "annotation")]
    [InlineData("prelude-package", "passed", null)]
    [InlineData("web-sdk", "passed", null)]
    [InlineData("langversion-default", "passed", null)]
    [InlineData("langversion-13", "passed", null)]
    [InlineData("warnings-as-errors", "passed", null)]
    [InlineData("nullable-disable", "passed", null)]
    [InlineData("tag-conflict", "failed", "annotation")]
    [InlineData("bad-property", "failed", "annotation")]
    [InlineData("unknown-directive", "failed", "annotation")]
    [InlineData("late-directive", "failed", "annotation")]
    [InlineData("mapped-error", "failed", "compile-error")]
    [InlineData("directive-in-string", "passed", null)]
    [InlineData("package-tag", "passed", null)]
    [InlineData("package-tag-missing", "failed", "package")]
    [InlineData("nearest-version", "failed", "pin-not-served")]
    [InlineData("web-sdk-tag", "passed", null)]
    [InlineData("web-sdk-tag-missing", "failed", "compile-error")]
    public void Each_snippet_gets_its_verdict(string name, string status, string? reason)
    {
        var snippet = run.Report.Snippet(name);
        Assert.True((status, reason) == (snippet.Str("status"), snippet.Str("reason")),
            $"{name}: expected {status}/{reason}, got {snippet.Str("status")}/{snippet.Str("reason")}: {snippet.Str("message")}");
    }

    /// <summary>
    /// Issue 54: a pin the source lacks is never silently compiled against the nearest version NuGet takes instead; the
    /// block is not verified, at its directive, with both versions named (a setup problem, not rot).
    /// </summary>
    [Fact]
    public void A_pinned_version_no_source_has_is_not_verified_and_the_message_names_the_version_asked_and_the_one_there()
    {
        var snippet = run.Report.Snippet("nearest-version");
        Assert.Equal(("failed", "pin-not-served"), (snippet.Str("status"), snippet.Str("reason")));
        var error = Assert.Single(snippet.GetProperty("diagnostics").EnumerateArray(), d => d.Str("id") == "SC2018");
        Assert.Equal(("error", snippet.Int("line") + 1, 1), (error.Str("severity"), error.Int("line"), error.Int("column")));
        Assert.Equal("Newtonsoft.Json 13.0.0 is on no package source (the nearest it has is 13.0.1, which NuGet would take instead: " +
            "NU1603): not verified at 13.0.0; pin 13.0.1, or add a source that has 13.0.0", snippet.Str("message"));
        // Blocks whose versions exist are verified as pinned.
        Assert.DoesNotContain(run.Report.Snippets.Where(s => s.Str("name") != "nearest-version"),
            s => s.GetProperty("diagnostics").EnumerateArray().Any(d => d.Str("id") == "SC2018"));
    }

    [Fact]
    public void A_package_that_cannot_be_restored_fails_with_the_restores_own_message_at_its_directive()
    {
        var snippet = run.Report.Snippet("missing-package");
        Assert.Contains("NU1101", snippet.Str("message"));
        Assert.Contains("No.Such.Package.Xyz", snippet.Str("message"));
        Assert.Contains("packages.md(33,1): error SC2011: package restore failed: error NU1101", run.Result.Stdout);
        Assert.Equal(1, run.Result.ExitCode);
        // A packages= tag's package fails at the tag comment, where the author pinned it.
        Assert.Contains("packages.md(171,1): error SC2011: package restore failed: error NU1101", run.Result.Stdout);
    }

    [Fact]
    public void A_second_version_of_a_package_in_one_session_is_an_annotation_error_at_its_directive()
    {
        var snippet = run.Report.Snippet("conflict-2");
        Assert.Contains("packages.md(53,1): error SC1013: package 'Newtonsoft.Json' is asked for in version 12.0.3 here, but in 13.0.3 at line 48", run.Result.Stdout);
        Assert.Contains("conflict", run.Report.Snippet("conflict-1").Str("message"));
        Assert.Equal("annotation", snippet.Str("reason"));
    }

    [Fact]
    public void An_unknown_directive_is_an_annotation_error_at_its_line_with_a_hint()
    {
        Assert.Contains("packages.md(127,1): error SC1012: unknown directive '#:pakage'; did you mean '#:package'?", run.Result.Stdout);
    }

    [Fact]
    public void A_directive_after_code_is_rejected_at_its_own_column()
    {
        Assert.Contains("packages.md(133,3): error SC1012: '#:package' must come before any code", run.Result.Stdout);
    }

    [Fact]
    public void An_unsupported_property_names_the_supported_ones()
    {
        Assert.Contains("'#:property OutputType' is not supported in snippets; supported: LangVersion, Nullable", run.Report.Snippet("bad-property").Str("message"));
    }

    [Fact]
    public void Blanked_directive_lines_keep_compiler_errors_on_their_markdown_lines()
    {
        Assert.Contains("packages.md(139,19): error CS0103: The name 'undefinedName' does not exist", run.Result.Stdout);
    }

    [Fact]
    public void LangVersion_13_rejects_a_CSharp_14_feature_that_the_default_accepts()
    {
        var diagnostics = run.Report.Snippet("langversion-13").GetProperty("diagnostics").EnumerateArray()
            .Where(d => d.Str("severity") == "error").Select(d => d.Str("message")).ToList();
        Assert.Contains(diagnostics, m => m!.Contains("C# 13", StringComparison.Ordinal));
        Assert.Equal("List\n", run.Report.Snippet("langversion-default").Str("actualOutput"));
    }

    [Fact]
    public void The_web_sdk_compiles_and_runs_against_ASP_NET_Core()
    {
        Assert.Equal("404\n418\n", run.Report.Snippet("web-sdk").Str("actualOutput"));
    }

    [Fact]
    public void An_untagged_block_with_another_sdk_is_counted_not_failed()
    {
        Assert.Equal("untagged", run.Report.Snippets.Single(s => s.Int("line") == 155).Str("status"));
    }
}

public sealed class OfflineTests
{
    [Fact]
    public void Offline_only_the_snippet_whose_package_is_not_in_the_local_caches_fails()
    {
        using var folder = new TempFolder();
        // A feed nobody answers: NuGet must make do with its global packages folder, which holds
        // Newtonsoft.Json 13.0.3 (the test host's own dependency) and certainly not a package that exists nowhere.
        folder.Write("nuget.config", """
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="unreachable" value="https://127.0.0.1:9/v3/index.json" />
              </packageSources>
            </configuration>
            """);
        folder.Write("post.md", """
            ```csharp name=not-cached
            #:package No.Such.Package.Xyz@1.0.0
            Console.WriteLine("never");
            ```

            ```csharp name=cached
            #:package Newtonsoft.Json@13.0.3
            Console.WriteLine(Newtonsoft.Json.JsonConvert.SerializeObject(new[] { 1 }));
            ```

            ```output
            [1]
            ```
            """);

        var result = CliRunner.Run(folder.Path, new Dictionary<string, string?> { ["SNIPPETCHECK_PACKAGE_CACHE"] = Path.Combine(folder.Path, ".cache") },
            "verify", "post.md", "--report", "json=report.json");

        var report = JsonReport.Load(Path.Combine(folder.Path, "report.json"));
        Assert.Equal(("failed", "package"), (report.Snippet("not-cached").Str("status"), report.Snippet("not-cached").Str("reason")));
        Assert.Contains("error NU1301", report.Snippet("not-cached").Str("message"));
        Assert.Equal("passed", report.Snippet("cached").Str("status"));
        Assert.Equal(1, result.ExitCode);
    }
}
