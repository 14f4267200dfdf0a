namespace SnippetCheck.Configuration;

/// <summary>Whether untagged C# blocks are verified (as <c>compile</c>) or only counted.</summary>
public enum VerifyMode
{
    /// <summary>Only tagged blocks are verified; untagged ones are counted (the default).</summary>
    Tagged,

    /// <summary>Untagged C# blocks are verified too, as <c>compile</c> (<c>--all</c>, config <c>mode: all</c>).</summary>
    All,
}

/// <summary>Whether runners confine what snippets can touch: <c>auto</c> where the kernel can (Linux), or never.</summary>
public enum SandboxMode
{
    /// <summary>Confine runners where the kernel can (the default).</summary>
    Auto,

    /// <summary>Never confine them (<c>--no-sandbox</c>).</summary>
    Off,
}

/// <summary>What a stale <c>ignore</c> tag is (SC1019, SC1020): a warning, an error that fails the run, or not checked.</summary>
internal enum StaleMode { Warn, Error, Off }

/// <summary>
/// Settings from <c>snippetcheck.json</c>, a post's front matter or the command line. Null means "not set here", so
/// layers merge: command line, then front matter, then the config file, then these defaults. The settings themselves,
/// and how each is read and merged, are <see cref="Settings"/>'s table.
/// </summary>
public sealed partial record SnippetCheckConfig
{
    /// <summary>The file this came from, when it came from one; relative paths in it are relative to its folder.</summary>
    public string? SourcePath { get; init; }

    /// <summary>Layers <paramref name="over"/> on top of this: its set values win.</summary>
    public SnippetCheckConfig Overlay(SnippetCheckConfig? over) => over is null ? this
        : Settings.All.Aggregate(this with { SourcePath = over.SourcePath ?? SourcePath }, (merged, setting) => setting.Overlay(merged, over));
}

/// <summary>A scrubber of the project's own: every match of <paramref name="Pattern"/> becomes <paramref name="Replacement"/>.</summary>
internal sealed record CustomScrubber(string Name, string Pattern, string Replacement);

/// <summary>A configuration problem, naming the file and the key.</summary>
public sealed class ConfigException(string file, int line, string message) : Exception(message)
{
    internal string File { get; } = file;
    internal int Line { get; } = line;

    /// <summary>
    /// The diagnostic it is reported as when not a plain bad value (<see cref="Untrusted.Refusal"/>); null: bad config or
    /// front matter.
    /// </summary>
    internal string? Code { get; init; }
}
