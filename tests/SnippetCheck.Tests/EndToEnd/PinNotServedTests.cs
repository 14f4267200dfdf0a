using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.EndToEnd;

/// <summary>
/// Issue 54, item 6: a pin no package source has (Newtonsoft.Json 13.0.0; the sources have 13.0.1) is never compiled against
/// the version NuGet would take instead, wherever it is written, and the JSON report names the versions each block was
/// verified with. Real restores, through the tests' package cache.
/// </summary>
public sealed class PinNotServedTests
{
    private const string Block = "```csharp\nConsole.WriteLine(typeof(Newtonsoft.Json.JsonConvert).Assembly.GetName().Version);\n```\n\n" +
        "```output\n13.0.0.0\n```\n";

    [Fact]
    public void A_config_packageVersions_pin_no_source_has_fails_the_block_as_a_setup_problem_at_its_tag_naming_both_versions_and_the_pin()
    {
        using var folder = new TempFolder();
        folder.Write("snippetcheck.json", """{ "packageVersions": ["Newtonsoft.Json@13.0.0"] }""");
        folder.Write("post.md", "# Pin\n\n<!-- snippetcheck: run packages=Newtonsoft.Json -->\n" + Block);

        var run = CliRunner.Run(folder.Path, PackageTestCache.Environment, "verify", "post.md", "--report", "json=report.json");

        Assert.Equal(1, run.ExitCode);
        var block = Assert.Single(JsonReport.Load(Path.Combine(folder.Path, "report.json")).Snippets);
        Assert.Equal(("failed", "pin-not-served"), (block.Str("status"), block.Str("reason")));
        Assert.Contains("post.md(3,1): error SC2018: Newtonsoft.Json 13.0.0 is on no package source (the nearest it has is 13.0.1, which " +
            "NuGet would take instead: NU1603): not verified at 13.0.0; pin 13.0.1 (the pin is at snippetcheck.json(1,24)), or add a source " +
            "that has 13.0.0 [pin-not-served]", run.Stdout);
    }

    [Fact]
    public void A_config_packages_pin_no_source_has_stops_the_run_instead_of_verifying_every_block_against_another_version()
    {
        using var folder = new TempFolder();
        folder.Write("snippetcheck.json", "{\n  \"packages\": [\n    \"Newtonsoft.Json@13.0.0\"\n  ]\n}\n");
        folder.Write("post.md", "# Pin\n\n<!-- snippetcheck: run -->\n" + Block);

        var run = CliRunner.Run(folder.Path, PackageTestCache.Environment, "verify", "post.md");

        Assert.Equal(2, run.ExitCode);
        // At the pin's own line and column, as every diagnostic is.
        Assert.Contains("error SC3001: snippetcheck.json(3,6): packages: Newtonsoft.Json 13.0.0 is on no package source (the nearest it has " +
            "is 13.0.1", run.Output);
    }

    [Fact]
    public void The_json_report_names_every_package_a_verified_block_was_verified_with_the_configs_included()
    {
        using var folder = new TempFolder();
        folder.Write("snippetcheck.json", """{ "packages": ["Newtonsoft.Json@13.0.1"] }""");
        folder.Write("post.md", "# Pin\n\n<!-- snippetcheck: run -->\n" + Block +
            "\n```csharp ignore\nnot C#\n```\n");

        var run = CliRunner.Run(folder.Path, PackageTestCache.Environment, "verify", "post.md", "--report", "json=report.json");

        Assert.Equal(0, run.ExitCode);
        var blocks = JsonReport.Load(Path.Combine(folder.Path, "report.json")).Snippets.ToList();
        var package = Assert.Single(blocks[0].GetProperty("packages").EnumerateArray());
        Assert.Equal(("Newtonsoft.Json", "13.0.1"), (package.Str("id"), package.Str("version")));
        // An ignored block was verified with nothing.
        Assert.Empty(blocks[1].GetProperty("packages").EnumerateArray());
    }
}
