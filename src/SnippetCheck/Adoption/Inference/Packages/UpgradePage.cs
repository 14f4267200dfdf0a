using System.Text.RegularExpressions;
using SnippetCheck.Extraction;

namespace SnippetCheck.Adoption.Inference.Packages;

/// <summary>
/// The titles a block stands under, so rot is read as the guide means it: an upgrade guide says what it is in its
/// title ("Breaking changes in 2.0", "Migrating from v1") and its sections are often named after the API ("## Painting"),
/// so the nearest heading alone misses it. The page's title (front matter <c>title:</c>) and the heading of each level
/// the block stands under, as Markdig read them (a <c>#region</c> line in code, or a shell script's <c># removed</c>,
/// is no heading).
/// </summary>
internal static partial class UpgradePage
{
    /// <summary>The front matter's title and the headings the block stands under, outermost first.</summary>
    public static IReadOnlyList<string> TitlesOver(ExtractedDocument document, FencedBlock block)
    {
        var path = new List<PageHeading>();
        foreach (var heading in document.Headings.TakeWhile(h => h.Line < block.Location.Line))
        {
            path.RemoveAll(h => h.Level >= heading.Level);
            path.Add(heading);
        }
        return [.. (Title(document) is { } title ? [title] : Array.Empty<string>()), .. path.Select(h => h.Text)];
    }

    private static string? Title(ExtractedDocument document) =>
        document.FrontMatter?.Text.Split('\n').Select(l => FrontMatterTitle().Match(l)).FirstOrDefault(m => m.Success)?.Groups["title"].Value;

    [GeneratedRegex(@"^\s*title\s*[:=]\s*[""']?(?<title>.*?)[""']?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex FrontMatterTitle();
}
