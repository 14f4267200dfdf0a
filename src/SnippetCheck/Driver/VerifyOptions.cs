using SnippetCheck.Configuration;
using SnippetCheck.Extraction.Discovery;
using SnippetCheck.Loading;
using SnippetCheck.References;

namespace SnippetCheck.Driver;

/// <summary>Everything a verify run is asked to do; the CLI builds one from its arguments (the MSBuild task runs the CLI).</summary>
public sealed record VerifyOptions
{
    /// <summary>Files, folders and globs; empty means the current directory.</summary>
    public IReadOnlyList<string> Paths { get; init; } = [];

    /// <summary>
    /// What relative paths, globs and the config search start from; shown paths are relative to it when below it. The
    /// host's working directory, always given: the core never reads the process's current directory.
    /// </summary>
    public required string CurrentDirectory { get; init; }

    /// <summary>An explicit config file; otherwise <c>snippetcheck.json</c> is looked for from the current directory up.</summary>
    public string? ConfigPath { get; init; }

    /// <summary>
    /// The settings the command line gives (the rows of <see cref="Configuration.Settings"/> with an option), as a layer
    /// over the config file and front matter (<c>--all</c>, <c>--timeout</c>, <c>--frameworks</c>, <c>--no-cache</c> …).
    /// </summary>
    public SnippetCheckConfig CommandLine { get; init; } = new();

    /// <summary><c>--filter</c>: a snippet name, part of a file path, or <c>file:line</c>.</summary>
    public string? Filter { get; init; }

    /// <summary>
    /// <c>--untrusted</c> (or <c>SNIPPETCHECK_UNTRUSTED=1</c>), for a pull request: every setting of the checkout that widens
    /// the sandbox is refused (<see cref="Configuration.Untrusted"/>), and so is <c>--no-sandbox</c>; a machine without a
    /// sandbox is an error; the result cache is read but never written; no runner runs snippets of two documents.
    /// </summary>
    public bool Untrusted { get; init; }

    /// <summary>The environment variable that turns <see cref="Untrusted"/> on as <c>--untrusted</c> does (<c>1</c> or <c>true</c>).</summary>
    public const string UntrustedVariable = Configuration.Untrusted.EnvironmentVariable;

    /// <summary>True when <paramref name="value"/>, <see cref="UntrustedVariable"/>'s, turns <see cref="Untrusted"/> on.</summary>
    public static bool TurnsUntrustedOn(string? value) => Configuration.Untrusted.IsOn(value);

    /// <summary>
    /// <c>--no-merge</c>: compile every snippet on its own, never in a merged assembly. The command line's alone, not a
    /// row of <see cref="Configuration.Settings"/>: merging is how the engine works, not what a document asks, so no
    /// config key or front matter sets it (a diagnosis switch, for a verdict that differs when merged).
    /// </summary>
    public bool NoMerge { get; init; }

    /// <summary>
    /// <c>--cache-dir</c>: where passing results are kept (default: .snippetcheck/cache next to the config file). The host's
    /// place on this machine, not a setting of the documents: config's <c>cache</c> row says whether, this says where.
    /// </summary>
    public string? CacheDirectory { get; init; }

    /// <summary>
    /// Where resolved packages and built projects are kept between runs (the package cache); null: the CLI's default,
    /// <c>$SNIPPETCHECK_PACKAGE_CACHE</c>, else the user's cache folder (<see cref="PackageCache.DefaultRoot"/>). The host's
    /// place on this machine, as <see cref="CacheDirectory"/>: two runs of one process may each keep their own.
    /// </summary>
    public string? PackageCacheDirectory { get; init; }

    /// <summary>
    /// NuGet's global packages folder that the run's restores extract into and its builds read; null: the CLI's default,
    /// <c>$NUGET_PACKAGES</c>, else <c>~/.nuget/packages</c> (NuGet's own). A run with a feed of its own keeps its packages apart.
    /// </summary>
    public string? NuGetPackagesDirectory { get; init; }

    /// <summary><see cref="PackageCacheDirectory"/> as a full path, else the default.</summary>
    internal string PackageCacheRoot =>
        PackageCacheDirectory is { } folder ? Path.GetFullPath(folder, CurrentDirectory) : PackageCache.DefaultRoot;

    /// <summary><see cref="NuGetPackagesDirectory"/> as a full path; null for NuGet's default.</summary>
    internal string? NuGetPackages => NuGetPackagesDirectory is { } folder ? Path.GetFullPath(folder, CurrentDirectory) : null;

    /// <summary>
    /// The library under test (docs/doctests.md): <c>--reference</c>, <c>--runtime-assembly</c>, <c>--using</c> and
    /// <c>--project-output</c>. A <c>.csproj</c> among <see cref="Paths"/> is added to its references by the verifier.
    /// </summary>
    public LibraryReferences Library { get; init; } = LibraryReferences.None;

    /// <summary>
    /// <c>--dependency-file</c>: where the host writes <see cref="Results.VerificationReport.DependencyFiles"/>, the files the
    /// verdicts depended on beyond documents and config; the core never writes it. The MSBuild task's (its incremental
    /// build's inputs, <c>VerifySnippets.DependencyFile</c>): one tool's output file, no setting.
    /// </summary>
    public string? DependencyFile { get; init; }

    /// <summary>
    /// <c>--shard K/N</c>: verify only this part of the files (see <see cref="SnippetCheck.Loading.Shard"/>); a text that is not one
    /// (<see cref="ShardError"/>) is refused with <see cref="ArgumentException"/>.
    /// </summary>
    public string? Shard
    {
        get;
        init
        {
            ParsedShard = value is null ? null
                : SnippetCheck.Loading.Shard.TryParse(value, out var shard, out var error) ? shard
                : throw new ArgumentException(error, nameof(Shard));
            field = value;
        }
    }

    /// <summary><see cref="Shard"/> as parsed.</summary>
    internal Shard? ParsedShard { get; private init; }

    /// <summary>What the loading stage reads of these options (<see cref="LoadOptions"/>).</summary>
    internal LoadOptions Loading => new(Paths, CurrentDirectory, ConfigPath, CommandLine, Untrusted, Library.Usings, ParsedShard);

    /// <summary>Why <paramref name="text"/> is not a <c>K/N</c> shard with 1 ≤ K ≤ N; null when it is one.</summary>
    public static string? ShardError(string text) => SnippetCheck.Loading.Shard.TryParse(text, out _, out var error) ? null : error;

    /// <summary>
    /// <c>--stale</c>: also run the ignored blocks that compile, and report those that pass (SC1020). Not config's
    /// <c>stale</c> (<see cref="Configuration.Settings.StaleTags"/>: how a stale-tag finding is reported), whose key it
    /// would clash with; a slow check asked for on one run, so the command line's alone.
    /// </summary>
    public bool RunIgnored { get; init; }

    /// <summary>The path results report for a file: relative to <see cref="CurrentDirectory"/> when below it, with forward slashes.</summary>
    public string DisplayPathOf(string fullPath) => DocumentDiscovery.DisplayPath(fullPath, CurrentDirectory);

    /// <summary>A project argument (<c>.csproj</c>): its C# files' doc comments are read, and its build is referenced.</summary>
    public static bool IsProject(string path) => DocumentDiscovery.IsProjectFile(path);
}
