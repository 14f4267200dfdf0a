using SnippetCheck.Model;

namespace SnippetCheck.Outdated;

/// <summary>Where a pin is written, which decides how <c>outdated --write</c> moves it.</summary>
public enum PinPlace
{
    /// <summary>A block's <c>packages=Id@Version</c> tag (info string or <c>snippetcheck:</c> comment).</summary>
    Tag,

    /// <summary>A <c>#:package Id@Version</c> or <c>#r "nuget: Id, Version"</c> line of a block or prelude.</summary>
    Directive,

    /// <summary>The config's <c>packages</c> list: one place for every program of the run.</summary>
    Config,
}

/// <summary>One pinned package as the author wrote it, at the place its text stands.</summary>
/// <param name="Location">The directive, the tag's source, or the config file (line 1).</param>
public sealed record PackagePin(string Id, string Version, PinPlace Place, SourceLocation Location)
{
    /// <summary><c>AutoMapper@8.0.0</c>, as a tag or the config writes it.</summary>
    public string Text => $"{Id}@{Version}";
}
