using System.Diagnostics;
using System.Reflection;

namespace SnippetCheck.MSBuild.Tests.Infrastructure;

/// <summary>What one <c>dotnet</c> command did; standard output and error together, as a user sees them.</summary>
public sealed record DotnetResult(int ExitCode, string Output)
{
    public override string ToString() => $"exit code {ExitCode}\n{Output}";
}

/// <summary>Runs the real <c>dotnet</c> CLI as a child process, isolated from the test host's own build.</summary>
public static class Dotnet
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);

    /// <summary>The repository this test assembly was built from.</summary>
    public static string RepositoryRoot => Metadata("RepositoryRoot");

    /// <summary>The configuration the tests (and so the projects they pack) were built in.</summary>
    public static string Configuration => Metadata("Configuration");

    /// <summary>The SDK's RID, for which the build restored the CLI and the runner (their RuntimeIdentifiers).</summary>
    public static string SdkRuntimeIdentifier => Metadata("SdkRuntimeIdentifier");

    /// <summary>The CLI published ReadyToRun for the tests (tests/ReadyToRunCli.targets).</summary>
    public static string ReadyToRunCli => Metadata("ReadyToRunCli");

    public static DotnetResult Run(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args) =>
        RunProgram("dotnet", workingDirectory, environment, Limit, args);

    /// <summary>Any program, with the environment a <c>dotnet</c> command gets here (a script that runs dotnet, an installed tool).</summary>
    public static DotnetResult RunProgram(string program, string workingDirectory, IReadOnlyDictionary<string, string> environment, TimeSpan limit, params string[] args)
    {
        var start = new ProcessStartInfo(program, args)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        // 'dotnet test' leaves MSBuild's own variables (MSBuildSDKsPath, MSBUILD_EXE_PATH, ...) in the test host's
        // environment; a child build must find its SDK by itself, like a user's build does.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }
        // One compiler server for every build of the run, as a developer's machine has (each cold csc costs about
        // 2 s of CPU; this machine turns the server off by default). MSBuild's own nodes still end with each build.
        start.Environment["UseSharedCompilation"] = "true";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        // Each build is a short-lived MSBuild process that runs most of its code once: tiered PGO's instrumentation only
        // costs CPU there (the suite is CPU-bound on 2 cores; the test host and the CLI run without it too).
        start.Environment["DOTNET_TieredPGO"] = "0";
        start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        foreach (var (name, value) in environment) start.Environment[name] = value;

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', args)} did not finish in {limit.TotalMinutes} minutes");
        }
        return new DotnetResult(process.ExitCode, stdout.Result + stderr.Result);
    }

    /// <summary>Stops the compiler server the builds shared; the test host calls it as it exits.</summary>
    public static void ShutDownCompilerServer() =>
        RunProgram("dotnet", Path.GetTempPath(), new Dictionary<string, string>(), TimeSpan.FromMinutes(1), "build-server", "shutdown", "--vbcscompiler");

    [System.Runtime.CompilerServices.ModuleInitializer]
    internal static void ShutDownCompilerServerOnExit() => AppDomain.CurrentDomain.ProcessExit += (_, _) => ShutDownCompilerServer();

    private static string Metadata(string key) =>
        typeof(Dotnet).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
