using SnippetCheck.Caching;
using SnippetCheck.Configuration;
using SnippetCheck.Execution;
using SnippetCheck.Model;

namespace SnippetCheck.Driver;

/// <summary>
/// How one verify run behaves, resolved once from the command line over the config file: the steps of a run read
/// these, never the two sources. What front matter may change per file is <see cref="Programs.FileSettings"/>.
/// </summary>
internal sealed record RunSettings
{
    /// <summary><c>--parallel</c>, else config <c>parallelism</c>, else one per core.</summary>
    public required int Parallelism { get; init; }

    /// <summary>Where passing results are kept; null when the cache is off (<c>--no-cache</c>, config <c>"cache": false</c>).</summary>
    public required string? CacheDirectory { get; init; }

    /// <summary>How a stale <c>ignore</c> tag is reported (config <c>stale</c>; <c>warn</c> by default).</summary>
    public required StaleMode Stale { get; init; }

    /// <summary><c>--stale</c>: also run the ignored blocks that compile, to tell one that passes (SC1020).</summary>
    public required bool RunIgnored { get; init; }

    /// <summary><c>--require-verified</c> or config <c>requireVerified</c>: a run that verified nothing fails (SC3010).</summary>
    public required bool RequireVerified { get; init; }

    /// <summary><c>--min-coverage</c> over config <c>minCoverage</c>: the least percentage of C# blocks a passing run verifies (SC3013).</summary>
    public required double? MinCoverage { get; init; }

    /// <summary><c>--min-check-coverage</c> over config <c>minCheckCoverage</c>: the same, counting blocks at the <c>check</c> level too.</summary>
    public double? MinCheckCoverage { get; init; }

    /// <summary><c>--untrusted</c>: the result cache is read, never written, and runners and merged chunks keep to one document.</summary>
    public bool Untrusted { get; init; }

    /// <summary>Compile lone snippets together where they can be; off with <c>--no-merge</c>.</summary>
    public required bool Merge { get; init; }

    /// <summary>The framework of this pass of the matrix (<see cref="Engine.FrameworkMatrix"/>): what packages and projects resolve for.</summary>
    public TargetFramework Framework { get; init; } = TargetFramework.Tool;

    /// <summary>The runners' confinement, memory limit and environment (<c>--no-sandbox</c> over config <c>sandbox</c>).</summary>
    public required RunnerOptions Runners { get; init; }

    /// <summary>Ignored blocks are compiled for a stale tag (<see cref="Engine.StalePolicy"/>).</summary>
    public bool CheckStale => Stale != StaleMode.Off || RunIgnored;

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
