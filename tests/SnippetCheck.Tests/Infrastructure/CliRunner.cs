using System.Diagnostics;
using System.Reflection;
using SnippetCheck.Cli;

namespace SnippetCheck.Tests.Infrastructure;

/// <summary>What one run of the real CLI did.</summary>
/// <param name="ProcessId">The CLI's process id; its runners' pipe names start with <c>snippetcheck-PID-</c>.</param>
public sealed record CliResult(int ExitCode, string Stdout, string Stderr, int ProcessId = 0)
{
    public string Output => Stdout + Stderr;
}

/// <summary>
/// Runs the real <c>snippetcheck</c> command line. <see cref="Run(string, string[])"/> invokes it in this process
/// (<see cref="SnippetCheckCommand.InvokeAsync"/>: the same parsing, commands, core and exit code as the tool's
/// one-line Program.cs), which spares each call a process start and Roslyn's JIT. <see cref="RunProcess"/> starts the
/// tool as its own process, for what only a process shows: a changed environment, its runners as its children, the
/// exit of the process itself.
/// </summary>
public static class CliRunner
{
    /// <summary>
    /// The CLI a process of its own runs: published ReadyToRun for this machine's RID by the test project's build
    /// (tests/ReadyToRunCli.targets), as the tool packages ship it, so that each process skips most of Roslyn's JIT.
    /// </summary>
    public static string ToolPath { get; } = ReadyToRunCli();

    private static string ReadyToRunCli()
    {
        var path = typeof(CliRunner).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "ReadyToRunCli").Value!;
        return File.Exists(path) ? path : throw new FileNotFoundException($"no CLI at {path}: the test project's build publishes it there (tests/ReadyToRunCli.targets)");
    }

    /// <summary>
    /// The environment every invocation sees, as <see cref="StartInfo"/> gives a process: plain output as on CI, and
    /// no GitHub annotations or step summary unless a test asks for them (through <see cref="RunProcess"/>).
    /// </summary>
    [System.Runtime.CompilerServices.ModuleInitializer]
    internal static void AsOnCi()
    {
        Environment.SetEnvironmentVariable("CI", "true");
        Environment.SetEnvironmentVariable("GITHUB_ACTIONS", null);
        Environment.SetEnvironmentVariable("GITHUB_STEP_SUMMARY", null);
    }

    /// <summary>
    /// <c>snippetcheck ARGS</c> run in <paramref name="workingDirectory"/>, in this process. Runs side by side: the CLI
    /// takes its folder as an argument and never reads or changes the process's current directory.
    /// </summary>
    public static CliResult Run(string workingDirectory, params string[] args)
    {
        // Not disposed: a thread the run left behind may still write (a StringWriter holds nothing to release).
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        using var captured = FlowConsole.Capture(stdout, stderr);
        var exitCode = Task.Run(() => SnippetCheckCommand.InvokeAsync(args, workingDirectory)).GetAwaiter().GetResult();
        return new CliResult(exitCode, stdout.ToString(), stderr.ToString(), Environment.ProcessId);
    }

    /// <summary><c>snippetcheck ARGS</c> as a process of its own; a null value in <paramref name="environment"/> removes that variable.</summary>
    public static CliResult Run(string workingDirectory, IDictionary<string, string?>? environment, params string[] args) => RunProcess(workingDirectory, environment, args);

    /// <summary>
    /// How long a CLI process may run before it is taken for hung: a guard, not a speed target (those are bench/'s). A
    /// differential run of the samples on one path went past 3 minutes in a full CI run on 2 cores, with the heaviest
    /// classes and the checks beside it.
    /// </summary>
    private static readonly TimeSpan HangLimit = TimeSpan.FromMinutes(8);

    /// <summary><c>snippetcheck ARGS</c> as a process of its own, started as <see cref="StartInfo"/> says.</summary>
    public static CliResult RunProcess(string workingDirectory, IDictionary<string, string?>? environment, params string[] args)
    {
        var start = StartInfo(workingDirectory, environment, args);
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(HangLimit))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"snippetcheck {string.Join(' ', args)} did not finish in {HangLimit.TotalMinutes} minutes");
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
