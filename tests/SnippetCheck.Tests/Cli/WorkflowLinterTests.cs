using System.Diagnostics;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Cli;

/// <summary>A fact that runs only where action-validator is installed (<c>npm ci --prefix eng/tools</c>; .ci/run does it).</summary>
public sealed class WorkflowLinterFactAttribute : FactAttribute
{
    public WorkflowLinterFactAttribute()
    {
        if (WorkflowLinter.Path is null) Skip = "action-validator is not installed: run 'npm ci --prefix eng/tools'";
    }
}

/// <summary>action-validator (eng/tools/package.json), which checks a workflow or action against GitHub's schema.</summary>
public static class WorkflowLinter
{
    public static string? Path { get; } = Find();

    private static string? Find()
    {
        var local = RepositoryRoot.PathOf(System.IO.Path.Combine("eng", "tools", "node_modules", ".bin", "action-validator"));
        if (File.Exists(local)) return local;
        return (Environment.GetEnvironmentVariable("PATH") ?? "").Split(System.IO.Path.PathSeparator)
            .Select(folder => System.IO.Path.Combine(folder, "action-validator"))
            .FirstOrDefault(File.Exists);
    }
}

/// <summary>Every workflow and the composite action are valid GitHub Actions files, as a linter sees them.</summary>
public sealed class WorkflowLinterTests
{
    [WorkflowLinterFact]
    public void Every_workflow_and_the_action_pass_the_linter()
    {
        var files = Directory.GetFiles(RepositoryRoot.PathOf(".github/workflows"), "*.yml")
            .Append(RepositoryRoot.PathOf(".github/actions/snippetcheck/action.yml"))
            .ToList();

        Assert.Contains(files, file => file.EndsWith("release.yml", StringComparison.Ordinal));
        Assert.All(files, file =>
        {
            var (exitCode, output) = Lint(file);
            Assert.True(exitCode == 0, $"{file}:\n{output}");
        });
    }

    [WorkflowLinterFact]
    public void The_linter_finds_a_misspelt_key()
    {
        using var folder = new TempFolder();
        var broken = folder.Write("broken.yml", "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    stepz: []\n");

        var (exitCode, output) = Lint(broken);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("stepz", output, StringComparison.Ordinal);
    }

    private static (int ExitCode, string Output) Lint(string file)
    {
        var start = new ProcessStartInfo(WorkflowLinter.Path!, [file]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(1)), $"action-validator {file} did not finish");
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
