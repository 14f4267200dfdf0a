using SnippetCheck.Configuration;
using SnippetCheck.Model;
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
    /// over the config file and front matter; the option properties below read and write it.
    /// </summary>
    public SnippetCheckConfig CommandLine { get; init; } = new();

    /// <summary><c>--all</c>: verify untagged C# blocks as <c>compile</c>.</summary>
    public bool All { get => CommandLine.Mode == VerifyMode.All; init => CommandLine = CommandLine with { Mode = value ? VerifyMode.All : null }; }

    /// <summary><c>--filter</c>: a snippet name, part of a file path, or <c>file:line</c>.</summary>
    public string? Filter { get; init; }

    /// <summary><c>--timeout</c>: the default per-snippet timeout.</summary>
    public TimeSpan? Timeout { get => CommandLine.Timeout; init => CommandLine = CommandLine with { Timeout = value }; }

    /// <summary><c>--frameworks net8.0,net10.0</c>: the framework matrix, over config and front matter; null: theirs.</summary>
    public IReadOnlyList<TargetFramework>? Frameworks
    {
        get => CommandLine.Frameworks;
        init => CommandLine = CommandLine with { Frameworks = value };
    }

    /// <summary><c>--parallel</c>: snippets compiled and run at once.</summary>
    public int? Parallelism { get => CommandLine.Parallelism; init => CommandLine = CommandLine with { Parallelism = value }; }

    /// <summary><c>--no-cache</c>: verify everything, and keep nothing.</summary>
    public bool NoCache { get => CommandLine.Cache == false; init => CommandLine = CommandLine with { Cache = value ? false : null }; }

    /// <summary><c>--no-sandbox</c>: runners run snippets unconfined, whatever the config says.</summary>
    public bool NoSandbox
    {
        get => CommandLine.Sandbox == SandboxMode.Off;
        init => CommandLine = CommandLine with { Sandbox = value ? SandboxMode.Off : null };
    }

    /// <summary>
    /// <c>--untrusted</c> (or <c>SNIPPETCHECK_UNTRUSTED=1</c>), for a pull request: every setting of the checkout that widens
    /// the sandbox is refused (<see cref="Configuration.Untrusted"/>), and so is <c>--no-sandbox</c>; a machine without a
    /// sandbox is an error; the result cache is read but never written; no runner runs snippets of two documents.
    /// </summary>
    public bool Untrusted { get; init; }

    /// <summary><c>--no-merge</c>: compile every snippet on its own, never in a merged assembly.</summary>
    public bool NoMerge { get; init; }

    /// <summary><c>--cache-dir</c>: where passing results are kept (default: .snippetcheck/cache next to the config file).</summary>
    public string? CacheDirectory { get; init; }

    /// <summary>
    /// The library under test (docs/doctests.md): <c>--reference</c>, <c>--runtime-assembly</c>, <c>--using</c> and
    /// <c>--project-output</c>. A <c>.csproj</c> among <see cref="Paths"/> is added to its references by the verifier.
    /// </summary>
    public LibraryReferences Library { get; init; } = LibraryReferences.None;

    /// <summary><c>--dependency-file</c>: where to write the files the verdicts depended on beyond documents and config.</summary>
    public string? DependencyFile { get; init; }

    /// <summary><c>--shard K/N</c>: verify only this part of the files (see <see cref="Driver.Shard"/>).</summary>
    public Shard? Shard { get; init; }

    /// <summary><c>--require-verified</c>: a run that verified no snippet fails (SC3010).</summary>
    public bool RequireVerified
    {
        get => CommandLine.RequireVerified == true;
        init => CommandLine = CommandLine with { RequireVerified = value ? true : null };
    }

    /// <summary><c>--min-coverage P</c>: the run fails (SC3013) when it verified less than P percent of its C# blocks.</summary>
    public double? MinCoverage { get => CommandLine.MinCoverage; init => CommandLine = CommandLine with { MinCoverage = value }; }

    /// <summary><c>--min-check-coverage P</c>: the run fails (SC3013) when it checked or verified less than P percent of its C# blocks.</summary>
    public double? MinCheckCoverage { get => CommandLine.MinCheckCoverage; init => CommandLine = CommandLine with { MinCheckCoverage = value }; }

    /// <summary><c>--stale</c>: also run ignored blocks that compile, and report those that pass (SC1020).</summary>
    public bool Stale { get; init; }
}
/// <summary>A document's text as an editor holds it, for a run that must not read the file.</summary>
/// <param name="FullPath">The file's absolute path: it decides the extractor (<c>.cs</c> or Markdown) and the path shown.</param>
/// <param name="Text">The document's current text, verified in place of the file's.</param>
public sealed record DocumentText(string FullPath, string Text);
