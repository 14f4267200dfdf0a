using SnippetCheck.Configuration;
using SnippetCheck.Execution;
using SnippetCheck.Model;
using SnippetCheck.References;

namespace SnippetCheck.Engine;

/// <summary>
/// How one verify run behaves, resolved once from the command line over the config file (<c>Driver/RunSettingsResolver</c>):
/// the steps of a run read these, never the two sources. What front matter may change per file is <see cref="Programs.FileSettings"/>.
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

    /// <summary>The framework of this pass of the matrix (<c>FrameworkMatrix</c>): what packages and projects resolve for.</summary>
    public TargetFramework Framework { get; init; } = TargetFramework.Tool;

    /// <summary>The runners' confinement, memory limit and environment (<c>--no-sandbox</c> over config <c>sandbox</c>).</summary>
    public required RunnerOptions Runners { get; init; }

    /// <summary>The host's folder (<c>VerifyOptions.CurrentDirectory</c>): what the run's relative paths are read from.</summary>
    public required string CurrentDirectory { get; init; }

    /// <summary>The package cache (<c>VerifyOptions.PackageCacheDirectory</c>, else its default).</summary>
    public string PackageCache { get; init; } = SnippetCheck.References.PackageCache.DefaultRoot;

    /// <summary>NuGet's packages folder (<c>VerifyOptions.NuGetPackagesDirectory</c>); null for NuGet's default.</summary>
    public string? NuGetPackages { get; init; }

    /// <summary>The projects whose build snippets compile against (<c>VerifyOptions.Library</c>).</summary>
    public LibraryReferences Library { get; init; } = LibraryReferences.None;

    /// <summary>Ignored blocks are compiled for a stale tag (<see cref="Engine.StalePolicy"/>).</summary>
    public bool CheckStale => Stale != StaleMode.Off || RunIgnored;
}
