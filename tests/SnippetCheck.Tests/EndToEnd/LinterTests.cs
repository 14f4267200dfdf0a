using System.Diagnostics;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.EndToEnd;

/// <summary>
/// A fact that runs only where a linter is installed, and says how to install it where it is not: action-validator
/// from eng/tools (<c>npm ci --prefix eng/tools</c>; .ci/run and ci.yml do it), shellcheck from the system's packages
/// (GitHub's runners have it).
/// </summary>
public sealed class LinterFactAttribute : FactAttribute
{
    public LinterFactAttribute(string linter, string install)
    {
        if (Linters.Find(linter) is null) Skip = $"{linter} is not installed: {install}";
    }
}

public static class Linters
{
    /// <summary>The linter in eng/tools/node_modules/.bin, else on the PATH, else null.</summary>
    public static string? Find(string name)
    {
        var local = RepositoryRoot.PathOf(Path.Combine("eng", "tools", "node_modules", ".bin", name));
        if (File.Exists(local)) return local;
        return (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(folder => Path.Combine(folder, name))
            .FirstOrDefault(File.Exists);
    }

    public static (int ExitCode, string Output) Run(string name, params string[] args)
    {
        var start = new ProcessStartInfo(Find(name)!, args)
        {
            WorkingDirectory = RepositoryRoot.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(1)), $"{name} {string.Join(' ', args)} did not finish");
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}

/// <summary>The workflows, the composite action and the scripts under eng/ pass their linters.</summary>
public sealed class LinterTests
{
    private const string ActionValidator = "action-validator";
    private const string InstallActionValidator = "run 'npm ci --prefix eng/tools'";

    [LinterFact(ActionValidator, InstallActionValidator)]
    public void Every_workflow_and_the_action_pass_action_validator()
    {
        var files = Directory.GetFiles(RepositoryRoot.PathOf(".github/workflows"), "*.yml")
            .Append(RepositoryRoot.PathOf(".github/actions/snippetcheck/action.yml"))
            .ToList();

        Assert.Contains(files, file => file.EndsWith("release.yml", StringComparison.Ordinal));
        Assert.All(files, file =>
        {
            var (exitCode, output) = Linters.Run(ActionValidator, file);
            Assert.True(exitCode == 0, $"{file}:\n{output}");
        });
    }

    [LinterFact(ActionValidator, InstallActionValidator)]
    public void Action_validator_finds_a_misspelt_key()
    {
        using var folder = new TempFolder();
        var broken = folder.Write("broken.yml", "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    stepz: []\n");

        var (exitCode, output) = Linters.Run(ActionValidator, broken);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("stepz", output, StringComparison.Ordinal);
    }

    [LinterFact("shellcheck", "run 'apt-get install shellcheck'")]
    public void The_scripts_under_eng_and_the_ci_entry_point_pass_shellcheck()
    {
        var scripts = Directory.GetFiles(RepositoryRoot.PathOf("eng"), "*.sh", SearchOption.AllDirectories)
            .Where(script => !script.Contains("node_modules", StringComparison.Ordinal))
            .Select(script => Path.GetRelativePath(RepositoryRoot.Path, script))
            .Append(Path.Combine(".ci", "run"))
            .ToArray();

        Assert.Contains(Path.Combine("eng", "release", "pack.sh"), scripts);
        // -x follows the 'source' of eng/release/common.sh, named from the repository root.
        var (exitCode, output) = Linters.Run("shellcheck", ["-x", .. scripts]);
        Assert.True(exitCode == 0, output);
    }
}
