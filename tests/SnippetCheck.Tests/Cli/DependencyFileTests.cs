using SnippetCheck.Driver;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Cli;

/// <summary>
/// Issue 78: the files the verdicts depended on (assemblies, projects' stamped files, shared preludes) are part of the
/// report, and the host writes them where <c>--dependency-file</c> says (the MSBuild task's incremental build reads them).
/// </summary>
[Trait("Category", "Fast")]
public sealed class DependencyFileTests
{
    [Fact]
    public async Task The_report_lists_the_shared_prelude_and_the_core_writes_no_file()
    {
        using var folder = new TempFolder();
        foreach (var file in (string[])["snippetcheck.json", "post.md", "_shared/prelude.cs"]) folder.CopySample("config-preludes/" + file, file);
        var options = new VerifyOptions
        {
            Paths = ["post.md"], CurrentDirectory = folder.Path, CommandLine = new() { Cache = false }, DependencyFile = "obj/deps.txt",
        };

        var report = await new Verifier(options).RunAsync();

        Assert.Contains(Path.Combine(folder.Path, "_shared", "prelude.cs"), report.DependencyFiles);
        Assert.False(File.Exists(Path.Combine(folder.Path, "obj", "deps.txt")), "the core wrote the dependency file: the host writes it");
    }

    [Fact]
    public void The_cli_writes_the_reports_dependency_files_one_a_line()
    {
        using var folder = new TempFolder();
        foreach (var file in (string[])["snippetcheck.json", "post.md", "_shared/prelude.cs"]) folder.CopySample("config-preludes/" + file, file);

        var run = CliRunner.Run(folder.Path, "verify", "post.md", "--no-cache", "--dependency-file", "obj/deps.txt");

        Assert.True(run.ExitCode == 0, run.Output);
        var lines = File.ReadAllLines(Path.Combine(folder.Path, "obj", "deps.txt"));
        Assert.Contains(Path.Combine(folder.Path, "_shared", "prelude.cs"), lines);
    }
}
