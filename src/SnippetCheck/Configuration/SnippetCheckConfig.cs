using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SnippetCheck.Model;

namespace SnippetCheck.Configuration;

/// <summary>
/// Settings from <c>snippetcheck.json</c>, a post's front matter or the command line. Null means "not set here", so
/// layers merge: command line, then front matter, then the config file, then these defaults. The settings themselves,
/// and how each is read and merged, are <see cref="Settings"/>'s table.
/// </summary>
public sealed record SnippetCheckConfig
{
    /// <summary>The file this came from, when it came from one; relative paths in it are relative to its folder.</summary>
    public string? SourcePath { get; init; }

    /// <summary>The config file's name, looked for in a folder and the folders above it.</summary>
    public const string FileName = ConfigLoader.FileName;

    /// <summary>What <c>snippetcheck init</c> writes: the common keys with their defaults, each with a comment.</summary>
    public const string Starter = ConfigLoader.StarterConfig;

    /// <summary>The config file in <paramref name="directory"/> or the nearest folder above it, if any.</summary>
    public static string? FindFile(string directory) => ConfigLoader.Find(directory);

    /// <summary>
    /// A duration option's value, written as the config writes one (<c>500ms</c>, <c>10s</c>, <c>2m</c>, <c>12h</c>, <c>1d</c>);
    /// null, with the <paramref name="problem"/> that names <paramref name="option"/>, when <paramref name="text"/> is none.
    /// </summary>
    public static TimeSpan? ParseDuration(string option, string text, out string? problem)
    {
        problem = Durations.TryParse(text, out var duration) ? null : Durations.NotAnOptionDuration(option, text);
        return problem is null ? duration : null;
    }

    /// <summary>Layers <paramref name="over"/> on top of this: its set values win.</summary>
    public SnippetCheckConfig Overlay(SnippetCheckConfig? over) => over is null ? this
        : Settings.All.Aggregate(this with { SourcePath = over.SourcePath ?? SourcePath }, (merged, setting) => setting.Overlay(merged, over));

    /// <summary><c>include</c>: the globs of documents a folder argument verifies.</summary>
    public IReadOnlyList<string>? Include { get; init; }
    /// <summary><c>exclude</c>: globs left out of <see cref="Include"/>.</summary>
    public IReadOnlyList<string>? Exclude { get; init; }

    /// <summary>Whether generated C# files (<c>*.g.cs</c>, an <c>&lt;auto-generated&gt;</c> header) are verified; left out by default.</summary>
    public bool? IncludeGenerated { get; init; }
    /// <summary><c>mode</c>: verify untagged C# blocks too, or only tagged ones.</summary>
    internal VerifyMode? Mode { get; init; }
    /// <summary><c>timeout</c>: the default time limit of a snippet's run.</summary>
    public TimeSpan? Timeout { get; init; }
    /// <summary><c>langVersion</c>: the C# version snippets compile with.</summary>
    public LanguageVersion? LangVersion { get; init; }
    /// <summary><c>nullable</c>: the nullable context snippets compile in.</summary>
    public NullableContextOptions? Nullable { get; init; }

    /// <summary><c>Debug</c> (the default, as <c>dotnet run</c> builds) or <c>Release</c>: no DEBUG symbol, optimized code.</summary>
    internal BuildConfiguration? Configuration { get; init; }

    /// <summary>The compiler's warning level; the default is what the SDK gives <c>net10.0</c> projects (10).</summary>
    public int? WarningLevel { get; init; }
    /// <summary><c>usings</c>: namespaces (and <c>static:Type</c>) every snippet imports.</summary>
    public IReadOnlyList<string>? Usings { get; init; }

    /// <summary>
    /// The target-framework matrix (<c>"frameworks": ["net8.0", "net10.0"]</c>): every snippet compiles against and runs
    /// on each; null: the tool's own framework alone.
    /// </summary>
    public IReadOnlyList<TargetFramework>? Frameworks { get; init; }
    /// <summary><c>references</c>: assemblies and projects every snippet compiles against.</summary>
    public IReadOnlyList<string>? References { get; init; }

    /// <summary>Pinned packages (<c>Id@Version</c>) every snippet compiles against, as if each had the <c>#:package</c> lines.</summary>
    public IReadOnlyList<string>? Packages { get; init; }

    /// <summary>
    /// The versions (<c>Id@Version</c>) of the packages that <c>packages=</c> tags name without one: one pin per package for a
    /// doc set, where a release moves one line, not every block's tag. Unlike <see cref="Packages"/>, it adds no package to a block.
    /// </summary>
    public IReadOnlyList<string>? PackageVersions { get; init; }

    /// <summary>C# files of hidden code (relative to the config file) that every program gets, as a file prelude.</summary>
    public IReadOnlyList<string>? Preludes { get; init; }

    /// <summary>
    /// <c>hiddenCode</c>: lines of C# every program gets, after the <see cref="Preludes"/> files: the doc set's models
    /// <c>adopt</c> writes, kept in the config rather than in a file beside the pages, where readers would see it.
    /// </summary>
    public IReadOnlyList<string>? HiddenCode { get; init; }
    /// <summary><c>environment</c>: <c>NAME=value</c> pairs a snippet's process gets.</summary>
    public IReadOnlyList<string>? Environment { get; init; }
    /// <summary><c>parallelism</c>: how many snippets compile and run at once.</summary>
    public int? Parallelism { get; init; }
    /// <summary><c>cache</c>: read and write the result cache.</summary>
    public bool? Cache { get; init; }
    /// <summary><c>strictTags</c>: a word among a block's tags that is not SnippetCheck's is an error.</summary>
    public bool? StrictTags { get; init; }

    /// <summary>Info-string words that belong to the blog engine (<c>linenos</c>, <c>title</c>, <c>hl_lines</c>): never warned about.</summary>
    public IReadOnlyList<string>? EngineWords { get; init; }

    /// <summary>The GC heap hard limit of each runner process, in bytes (<c>"memoryLimit": "512MB"</c>).</summary>
    public long? MemoryLimit { get; init; }

    /// <summary><c>auto</c> (the default): each runner confines itself where the kernel supports it (SECURITY.md).</summary>
    internal SandboxMode? Sandbox { get; init; }

    /// <summary>More paths snippets may read, relative to the config file (the runtime and packages need no grant).</summary>
    public IReadOnlyList<string>? SandboxRead { get; init; }

    /// <summary>More paths snippets may read and write, relative to the config file.</summary>
    public IReadOnlyList<string>? SandboxWrite { get; init; }

    /// <summary>
    /// Each page is one class (docs/authoring.md, "The page fixture"): its declarations and members blocks are members of
    /// it, and each statement block is an instance method run on a fresh instance between the class's setup and teardown.
    /// </summary>
    public bool? Fixture { get; init; }

    /// <summary>
    /// Info strings of fences inside HTML comments that are the docs' own hidden code (<c>["requiredcode"]</c>): each such
    /// fence is a prelude of its page (docs/authoring.md, "The docs' own hidden code").
    /// </summary>
    public IReadOnlyList<string>? HiddenFences { get; init; }

    /// <summary>Snippets may open TCP connections (as if each were tagged <c>network</c>).</summary>
    public bool? Network { get; init; }

    /// <summary>A run that verified no snippet at all fails (SC3010), as with <c>--require-verified</c>.</summary>
    public bool? RequireVerified { get; init; }

    /// <summary>A run that verified less than this percentage of its C# blocks fails (SC3013), as with <c>--min-coverage</c>.</summary>
    public double? MinCoverage { get; init; }

    /// <summary>
    /// A run that checked or verified less than this percentage of its C# blocks fails (SC3013), as with <c>--min-check-coverage</c>.
    /// </summary>
    public double? MinCheckCoverage { get; init; }

    /// <summary><c>"stale"</c>: how an ignored block that compiles (or, with <c>--stale</c>, passes) is reported.</summary>
    internal StaleMode? StaleTags { get; init; }

    /// <summary>Compiler warnings fail every program here, as if each block were tagged <c>warnaserror</c>.</summary>
    public bool? WarnAsError { get; init; }

    /// <summary>
    /// Warnings never reported here (<c>"noWarn": ["CS0618"]</c>), as a project's <c>&lt;NoWarn&gt;</c>: not failed by <c>warnAsError</c> either.
    /// </summary>
    public IReadOnlyList<string>? NoWarn { get; init; }

    /// <summary>Opt-in scrubbers for every output block here (<c>"scrub": ["duration"]</c>), or <c>none</c>.</summary>
    public IReadOnlyList<string>? Scrub { get; init; }

    /// <summary>The project's own scrubbers (<c>"scrubbers": [{ "name", "pattern", "replacement" }]</c>), validated at load.</summary>
    internal IReadOnlyList<CustomScrubber>? Scrubbers { get; init; }
}
