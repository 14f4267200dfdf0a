using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;

using SnippetCheck.Execution;
using SnippetCheck.Caching.Store;

namespace SnippetCheck.References;

/// <summary>
/// Runs the <c>dotnet</c> CLI of the installation the tool runs on, the SDK's own restore and build, and the tool's own
/// questions (<c>--version</c>, NuGet's sources): every one confined, since the folder it runs in may be a pull request's,
/// whose global.json can pick an SDK of its own.
/// </summary>
internal static class DotnetCli
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<string>>> SdkVersions = new(StringComparer.Ordinal);

    /// <summary>Variables MSBuild sets for its own nodes; a nested <c>dotnet</c> started from inside a build must not inherit them.</summary>
    private static readonly string[] InheritedBuildVariables =
        ["MSBUILD_EXE_PATH", "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBuildLoadMicrosoftTargetsReadOnly", "MSBUILDNOINPROCNODE"];

    public static string Host
    {
        get
        {
            var candidate = Path.Combine(DotnetInstallation.Root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
            return File.Exists(candidate) ? candidate : "dotnet";
        }
    }

    /// <summary>
    /// <c>dotnet --version</c> as seen from <paramref name="workingDirectory"/> (a global.json there or above
    /// picks the SDK), asked once per folder and process, and read back from <paramref name="cacheRoot"/> in a later
    /// process while what picks the SDK is unchanged (<see cref="SdkChoice"/>): the question costs a <c>dotnet</c>
    /// process, which a warm run of a library's doc comments paid on every edit.
    /// </summary>
    /// <param name="sandbox">
    /// What confines it: a global.json can name an SDK folder of a post's own, so <c>dotnet --version</c> may run a post's code.
    /// </param>
    /// <param name="reach">What it reads: a project's reach in its folder; else <see cref="ProjectReach.OfFolder"/>.</param>
    public static Task<string> SdkVersionAsync(string workingDirectory, string cacheRoot, BuildSandbox sandbox, BuildReach? reach = null) =>
        SdkVersions.GetOrAdd(workingDirectory, directory => new Lazy<Task<string>>(async () =>
        {
            // The entry holds the whole key before the version, so a file whose short name matches another key is a miss.
            var choice = SdkChoice.Of(directory);
            var entry = choice is null ? null : Path.Combine(cacheRoot, "sdk", StoreKey.FolderName(choice) + ".txt");
            var remembered = entry is null ? null
                : StoreFile.TryRead(
                    entry, bytes => Encoding.UTF8.GetString(bytes).Split('\n') is [var key, { Length: > 0 } known] && key == choice ? known : null);
            if (remembered is not null) return remembered;
            var result = await RunConfinedAsync(sandbox, BuildStep.Sdk, directory, reach ?? ProjectReach.OfFolder(directory), ["--version"],
                directory, TimeSpan.FromMinutes(1), CancellationToken.None).ConfigureAwait(false);
            if (!result.Succeeded) throw new DotnetFailedException(result, $"'dotnet --version' failed: {result.Explain()}");
            var version = result.Stdout.Trim();
            if (entry is not null) StoreFile.Write(entry, Encoding.UTF8.GetBytes(choice + "\n" + version));
            return version;
        })).Value;

    /// <summary>
    /// <c>dotnet ARGUMENTS</c> for a post's project, confined by <paramref name="sandbox"/> to <paramref name="reach"/>
    /// (<see cref="BuildSandbox"/>): every restore and build that may run a post's or a package's code comes here.
    /// <paramref name="authorsEnvironment"/>: the author's project in a trusted run, which sees the tool's environment.
    /// </summary>
    public static async Task<DotnetResult> RunConfinedAsync(
        BuildSandbox sandbox, BuildStep step, string subject, BuildReach reach, IReadOnlyList<string> arguments,
        string workingDirectory, TimeSpan timeout, CancellationToken cancellationToken, string? nugetConfigText = null,
        bool authorsEnvironment = false)
    {
        using var command = sandbox.Prepare(step, subject, reach, Host, arguments, nugetConfigText, authorsEnvironment);
        return await RunProcessAsync(
            command.Program, command.Arguments, command.Environment, workingDirectory, timeout, cancellationToken, command.WatchesStdin)
            .ConfigureAwait(false);
    }

    private static async Task<DotnetResult> RunProcessAsync(
        string program, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? environment,
        string workingDirectory, TimeSpan timeout, CancellationToken cancellationToken, bool watchesStdin = false)
    {
        var start = new ProcessStartInfo(program, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        if (environment is not null)
        {
            start.Environment.Clear();
            foreach (var (name, value) in environment) start.Environment[name] = value;
        }
        foreach (var name in InheritedBuildVariables) start.Environment.Remove(name);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        start.Environment["MSBUILDTERMINALLOGGER"] = "off";
        // English messages, so error lines read the same everywhere and match the docs.
        start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";

        using var process = new Process { StartInfo = start };
        process.Start();
        // A command whose init watches its standard input keeps it open while it runs: its hang-up, when this process
        // ends however it ends, kills all the command started (Sandbox.LaunchBuild).
        if (!watchesStdin) process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        var timedOut = false;
        try
        {
            await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            timedOut = true;
            try
            {
                process.StandardInput.Close();
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It ended just now.
            }
            cancellationToken.ThrowIfCancellationRequested();
        }
        await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        process.StandardInput.Close();
        return new DotnetResult(timedOut ? -1 : process.ExitCode, await stdout.ConfigureAwait(false), await stderr.ConfigureAwait(false), timedOut);
    }
}
