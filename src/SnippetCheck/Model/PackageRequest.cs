using System.Text.RegularExpressions;

namespace SnippetCheck.Model;

/// <summary>A NuGet package a snippet asks for (<c>#:package Id@Version</c> or <c>#r "nuget: Id, Version"</c>).</summary>
/// <param name="Location">The directive's own place in the Markdown file.</param>
public sealed partial record PackageRequest(string Id, string Version, SourceLocation Location)
{
    /// <summary>NuGet IDs are case-insensitive; versions are kept as written.</summary>
    public string Key => $"{Id.ToLowerInvariant()}@{Version}";

    /// <summary>
    /// A pinned package as a <c>packages=</c> tag or the config's <c>packages</c> write it, <c>Spectre.Console@0.57.2</c>;
    /// null for any other text (no version, a range, a stray character).
    /// </summary>
    public static PackageRequest? TryParse(string text, SourceLocation location) =>
        PinnedPattern().Match(text.Trim()) is { Success: true } match ? new(match.Groups["id"].Value, match.Groups["version"].Value, location) : null;

    [GeneratedRegex(@"^(?<id>[A-Za-z0-9_][A-Za-z0-9_.-]*)@(?<version>[0-9]+(\.[0-9]+){1,3}(-[0-9A-Za-z.-]+)?)$")]
    private static partial Regex PinnedPattern();
}
