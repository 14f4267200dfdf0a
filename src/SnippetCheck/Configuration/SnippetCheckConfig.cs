using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SnippetCheck.Model;
using SnippetCheck.Snippets;

namespace SnippetCheck.Configuration;

/// <summary>Whether untagged C# blocks are verified (as <c>compile</c>) or only counted.</summary>
internal enum VerifyMode { Tagged, All }

/// <summary>Whether runners confine what snippets can touch: <c>auto</c> where the kernel can (Linux), or never.</summary>
internal enum SandboxMode { Auto, Off }

/// <summary>What a stale <c>ignore</c> tag is (SC1019, SC1020): a warning, an error that fails the run, or not checked.</summary>
internal enum StaleMode { Warn, Error, Off }

/// <summary>
/// Settings from <c>snippetcheck.json</c> or a post's front matter. Null means "not set here", so layers
/// merge: command line, then front matter, then the config file, then these defaults.
/// </summary>
internal sealed record SnippetCheckConfig
{
    public static readonly IReadOnlyList<string> DefaultInclude = ["**/*.md", "**/*.markdown", "**/*.mdx"];

    public IReadOnlyList<string>? Include { get; init; }
    public IReadOnlyList<string>? Exclude { get; init; }

    /// <summary>Whether generated C# files (<c>*.g.cs</c>, an <c>&lt;auto-generated&gt;</c> header) are verified; left out by default.</summary>
    public bool? IncludeGenerated { get; init; }
    public VerifyMode? Mode { get; init; }
    public TimeSpan? Timeout { get; init; }
    public LanguageVersion? LangVersion { get; init; }
    public NullableContextOptions? Nullable { get; init; }

    /// <summary><c>Debug</c> (the default, as <c>dotnet run</c> builds) or <c>Release</c>: no DEBUG symbol, optimized code.</summary>
    public BuildConfiguration? Configuration { get; init; }

    /// <summary>The compiler's warning level; the default is what the SDK gives <c>net10.0</c> projects (10).</summary>
    public int? WarningLevel { get; init; }
    public IReadOnlyList<string>? Usings { get; init; }

    /// <summary>
    /// The target-framework matrix (<c>"frameworks": ["net8.0", "net10.0"]</c>): every snippet compiles against and runs
    /// on each; null: the tool's own framework alone.
    /// </summary>
    public IReadOnlyList<TargetFramework>? Frameworks { get; init; }
    public IReadOnlyList<string>? References { get; init; }

    /// <summary>Pinned packages (<c>Id@Version</c>) every snippet compiles against, as if each had the <c>#:package</c> lines.</summary>
    public IReadOnlyList<string>? Packages { get; init; }

    /// <summary>C# files of hidden code (relative to the config file) that every program gets, as a file prelude.</summary>
    public IReadOnlyList<string>? Preludes { get; init; }
    public IReadOnlyList<string>? Environment { get; init; }
    public int? Parallelism { get; init; }
    public bool? Cache { get; init; }
    public bool? StrictTags { get; init; }

    /// <summary>Info-string words that belong to the blog engine (<c>linenos</c>, <c>title</c>, <c>hl_lines</c>): never warned about.</summary>
    public IReadOnlyList<string>? EngineWords { get; init; }

    /// <summary>The GC heap hard limit of each runner process, in bytes (<c>"memoryLimit": "512MB"</c>).</summary>
    public long? MemoryLimit { get; init; }

    /// <summary><c>auto</c> (the default): each runner confines itself where the kernel supports it (SECURITY.md).</summary>
    public SandboxMode? Sandbox { get; init; }

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

    /// <summary>A run that checked or verified less than this percentage of its C# blocks fails (SC3013), as with <c>--min-check-coverage</c>.</summary>
    public double? MinCheckCoverage { get; init; }

    /// <summary><c>"stale"</c>: how an ignored block that compiles (or, with <c>--stale</c>, passes) is reported.</summary>
    public StaleMode? Stale { get; init; }

    /// <summary>Opt-in scrubbers for every output block here (<c>"scrub": ["duration"]</c>), or <c>none</c>.</summary>
    public IReadOnlyList<string>? Scrub { get; init; }

    /// <summary>The project's own scrubbers (<c>"scrubbers": [{ "name", "pattern", "replacement" }]</c>), validated at load.</summary>
    public IReadOnlyList<CustomScrubber>? Scrubbers { get; init; }

    /// <summary>The file this came from, when it came from one; relative paths in it are relative to its folder.</summary>
    public string? SourcePath { get; init; }

    /// <summary>Layers <paramref name="over"/> on top of this: its set values win.</summary>
    public SnippetCheckConfig Overlay(SnippetCheckConfig? over) => over is null ? this : new SnippetCheckConfig
    {
        Include = over.Include ?? Include,
        Exclude = over.Exclude ?? Exclude,
        IncludeGenerated = over.IncludeGenerated ?? IncludeGenerated,
        Mode = over.Mode ?? Mode,
        Timeout = over.Timeout ?? Timeout,
        LangVersion = over.LangVersion ?? LangVersion,
        Nullable = over.Nullable ?? Nullable,
        Configuration = over.Configuration ?? Configuration,
        WarningLevel = over.WarningLevel ?? WarningLevel,
        Usings = over.Usings ?? Usings,
        Frameworks = over.Frameworks ?? Frameworks,
        References = over.References ?? References,
        Packages = over.Packages ?? Packages,
        Preludes = over.Preludes ?? Preludes,
        Environment = over.Environment ?? Environment,
        Parallelism = over.Parallelism ?? Parallelism,
        Cache = over.Cache ?? Cache,
        StrictTags = over.StrictTags ?? StrictTags,
        EngineWords = over.EngineWords ?? EngineWords,
        MemoryLimit = over.MemoryLimit ?? MemoryLimit,
        Sandbox = over.Sandbox ?? Sandbox,
        SandboxRead = over.SandboxRead ?? SandboxRead,
        SandboxWrite = over.SandboxWrite ?? SandboxWrite,
        Network = over.Network ?? Network,
        Fixture = over.Fixture ?? Fixture,
        HiddenFences = over.HiddenFences ?? HiddenFences,
        RequireVerified = over.RequireVerified ?? RequireVerified,
        MinCoverage = over.MinCoverage ?? MinCoverage,
        MinCheckCoverage = over.MinCheckCoverage ?? MinCheckCoverage,
        Stale = over.Stale ?? Stale,
        Scrub = over.Scrub ?? Scrub,
        Scrubbers = over.Scrubbers ?? Scrubbers,
        SourcePath = over.SourcePath ?? SourcePath,
    };
}

/// <summary>A scrubber of the project's own: every match of <paramref name="Pattern"/> becomes <paramref name="Replacement"/>.</summary>
internal sealed record CustomScrubber(string Name, string Pattern, string Replacement);

/// <summary>A configuration problem, naming the file and the key.</summary>
internal sealed class ConfigException(string file, int line, string message) : Exception(message)
{
    public string File { get; } = file;
    public int Line { get; } = line;
}
