using SnippetCheck.Model;

namespace SnippetCheck.Extraction;

/// <summary>The YAML between the <c>---</c> lines at the very top of a file, or the TOML between <c>+++</c> lines.</summary>
/// <param name="Text">The front matter's text, between its fence lines: YAML, or TOML when <see cref="IsToml"/>.</param>
/// <param name="Location">Where the opening line stands; the text starts on the line after it.</param>
internal sealed record FrontMatter(string Text, SourceLocation Location)
{
    /// <summary>Hugo's TOML front matter, between <c>+++</c> lines.</summary>
    public bool IsToml { get; init; }
}
