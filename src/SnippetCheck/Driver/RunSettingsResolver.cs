using SnippetCheck.Caching;
using SnippetCheck.Configuration;
using SnippetCheck.Execution;
using SnippetCheck.Model;
using SnippetCheck.Engine;

namespace SnippetCheck.Driver;

/// <summary>
/// A run's <see cref="RunSettings"/> read once from the command line (<see cref="VerifyOptions"/>) over the config file:
/// the façade's side of the settings, so the engine that carries out a run never sees the host's options.
/// </summary>
internal static class RunSettingsResolver
{
    /// <param name="file">The config file as loaded (front matter never changes a run's settings).</param>
    public static RunSettings Resolve(VerifyOptions options, SnippetCheckConfig file)
    {
        var config = file.Overlay(options.CommandLine);
        // Grants and the cache folder are relative to the config file, or to the current directory without one.
        var root = config.SourcePath is not null ? Path.GetDirectoryName(config.SourcePath)! : options.CurrentDirectory;
        string[] Absolute(IReadOnlyList<string> paths) => [.. paths.Select(p => Path.GetFullPath(p, root))];
        var sandbox = Settings.TypedSandbox.In(config) == SandboxMode.Off
            ? Sandbox.Off with
            {
                OffReason = options.CommandLine.Sandbox == SandboxMode.Off
                    ? "turned off by --no-sandbox"
                    : $"turned off by \"sandbox\": \"off\" in {Where(Settings.Sandbox)}",
            }
            : Sandbox.Auto(Absolute(Settings.SandboxRead.In(config)), Absolute(Settings.SandboxWrite.In(config)));
        if (options.Untrusted) RefuseUnconfined(options, sandbox, root);

        // Where a config key stands, for the report's grants: its file and line.
        string Where(Setting setting) => config.SourcePath is { } source
            ? $"{Extraction.Discovery.DocumentDiscovery.DisplayPath(source, options.CurrentDirectory)}:{ConfigLoader.LineOfKey(source, setting.Key)}"
            : "the command line";
        var everyRunner = "every runner";
        SandboxGrant[] grants =
        [
            .. sandbox.Enabled
                ? []
                : new[]
                {
                    new SandboxGrant(everyRunner, "unconfined",
                        options.CommandLine.Sandbox == SandboxMode.Off ? "--no-sandbox" : Where(Settings.Sandbox)),
                },
            .. sandbox.Read.Select(path => new SandboxGrant(everyRunner, "read " + path, Where(Settings.SandboxRead))),
            .. sandbox.Write.Select(path => new SandboxGrant(everyRunner, "read and write " + path, Where(Settings.SandboxWrite))),
            .. Settings.Environment.In(config).Select(name => new SandboxGrant(everyRunner, "environment " + name, Where(Settings.Environment))),
        ];
        return new RunSettings
        {
            Parallelism = Settings.Parallelism.In(config),
            CacheDirectory = !Settings.Cache.In(config) ? null
                : options.CacheDirectory is not null ? Path.GetFullPath(options.CacheDirectory, options.CurrentDirectory)
                : Path.Combine(root, ResultCache.DefaultFolder),
            Stale = Settings.StaleTags.In(config),
            RunIgnored = options.RunIgnored,
            RequireVerified = Settings.RequireVerified.In(config),
            MinCoverage = config.MinCoverage,
            MinCheckCoverage = config.MinCheckCoverage,
            Merge = !options.NoMerge,
            Untrusted = options.Untrusted,
            CurrentDirectory = options.CurrentDirectory,
            Library = options.Library,
            PackageCache = options.PackageCacheRoot, NuGetPackages = options.NuGetPackages,
            Runners = new RunnerOptions
            {
                AllowedEnvironment = [.. RunnerOptions.DefaultAllowedEnvironment, .. Settings.Environment.In(config)],
                MemoryLimitBytes = Settings.MemoryLimit.In(config),
                Sandbox = sandbox,
                PerDocument = options.Untrusted,
                Grants = grants,
            },
        };
    }

    /// <summary>
    /// Under <c>--untrusted</c> nothing runs unconfined: <c>--no-sandbox</c> is refused (the config's <c>"sandbox": "off"</c>
    /// already was, at its line), and so is a machine that cannot confine snippets, rather than run them as they are, and
    /// a global.json that names an SDK of the checkout's own (<see cref="RefuseOwnSdk"/>).
    /// </summary>
    private static void RefuseUnconfined(VerifyOptions options, Sandbox sandbox, string root)
    {
        RefuseOwnSdk(root == options.CurrentDirectory ? [root] : [root, options.CurrentDirectory]);
        if (options.CommandLine.Sandbox == SandboxMode.Off)
        {
            throw new VerificationSetupException(DiagnosticCodes.UntrustedRefused,
                Configuration.Untrusted.Message("--no-sandbox", "runs snippets unconfined"));
        }
        if (sandbox.CannotHoldUntrusted is { } reason)
        {
            throw new VerificationSetupException(DiagnosticCodes.UntrustedRefused,
                $"--untrusted runs snippets only confined, and this machine cannot confine them: {reason}");
        }
    }

    /// <summary>
    /// Under <c>--untrusted</c> a checkout's global.json may not name SDK folders (<c>sdk.paths</c>): the <c>dotnet</c> the
    /// tool starts in its folders would run the pull request's own SDK. Refused at its line before any <c>dotnet</c> runs.
    /// </summary>
    private static void RefuseOwnSdk(IEnumerable<string> roots)
    {
        if (roots.SelectMany(References.GlobalJsonSdk.OwnSdkFolders).FirstOrDefault() is ({ } file, var line, var column))
        {
            throw new VerificationSetupException(DiagnosticCodes.UntrustedRefused, new SourceLocation(file, line, column),
                Configuration.Untrusted.Message(
                    "'sdk.paths' in global.json", "makes every dotnet the tool starts here run an SDK of the checkout's own"));
        }
    }
}
