using System.Diagnostics;

namespace SnippetCheck.Tests.Infrastructure;

/// <summary>What one run of the real CLI did.</summary>
/// <param name="ProcessId">The CLI's process id; its runners' pipe names start with <c>snippetcheck-PID-</c>.</param>
public sealed record CliResult(int ExitCode, string Stdout, string Stderr, int ProcessId = 0)
{
    public string Output => Stdout + Stderr;
}

/// <summary>Runs the real <c>snippetcheck</c> CLI (built beside the tests) as its own process.</summary>
public static class CliRunner
{
    public static string ToolPath => Path.Combine(AppContext.BaseDirectory, "snippetcheck.dll");

    public static CliResult Run(string workingDirectory, params string[] args) => Run(workingDirectory, null, args);

    public static CliResult Run(string workingDirectory, IDictionary<string, string?>? environment, params string[] args)
    {
        var start = StartInfo(workingDirectory, environment, args);
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"snippetcheck {string.Join(' ', args)} did not finish in 3 minutes");
        }
        return new CliResult(process.ExitCode, stdout.Result, stderr.Result, process.Id);
    }

    /// <summary>
    /// How a test starts the CLI: redirected streams, plain output as on CI, and no GitHub annotations unless the
    /// test asks for them; a null value in <paramref name="environment"/> removes that variable.
    /// </summary>
    public static ProcessStartInfo StartInfo(string workingDirectory, IDictionary<string, string?>? environment, string[] args)
    {
        var start = new ProcessStartInfo("dotnet", ["exec", ToolPath, .. args])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        start.Environment["CI"] = "true";
        start.Environment.Remove("GITHUB_ACTIONS");
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null) start.Environment.Remove(name);
            else start.Environment[name] = value;
        }
        return start;
    }
}
