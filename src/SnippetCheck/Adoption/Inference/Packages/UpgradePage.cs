using System.Text.RegularExpressions;
using SnippetCheck.Extraction;

namespace SnippetCheck.Adoption.Inference.Packages;

/// <summary>
/// The titles a block stands under (issue 76, item 5): an upgrade guide says what it is in its title ("Breaking changes
/// in 2.0", "Migrating from v1") and its sections are often named after the API ("## Painting"), so the nearest heading
/// alone misses it. The page's title (front matter <c>title:</c>) and the heading of each level the block stands
/// under, read outside fences (a <c>#region</c> or <c>#:package</c> line in code is no heading).
/// </summary>
internal static partial class UpgradePage
{
    /// <summary>The front matter's title and the headings the block stands under, outermost first.</summary>
    public static IReadOnlyList<string> TitlesOver(SourceDocument document, FencedBlock block)
    {
        var lines = document.Lines;
        var path = new List<(int Level, string Text)>();
        string? title = null;
        string? fence = null;
        for (var line = 1; line < block.Location.Line && line <= lines.LineCount; line++)
        {
            var text = lines.Text(line);
            if (line == 1 && text.Trim() is "---" or "+++")
            {
                var close = text.Trim();
                for (line++; line < block.Location.Line && lines.Text(line).Trim() != close; line++)
                    title ??= FrontMatterTitle().Match(lines.Text(line)) is { Success: true } m ? m.Groups["title"].Value : null;
                continue;
            }
            if (Fence().Match(text) is { Success: true } open)
            {
                var marks = open.Groups["marks"].Value;
                if (fence is null) fence = marks;
                else if (marks[0] == fence[0] && marks.Length >= fence.Length && text.Trim() == marks) fence = null;
                continue;
            }
            if (fence is not null || Heading().Match(text) is not { Success: true } heading) continue;
            var level = heading.Groups["level"].Length;
            path.RemoveAll(h => h.Level >= level);
            path.Add((level, heading.Groups["text"].Value));
        }
        return [.. (title is null ? [] : new[] { title }), .. path.Select(h => h.Text)];
    }

    [GeneratedRegex(@"^\s*title\s*[:=]\s*[""']?(?<title>.*?)[""']?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex FrontMatterTitle();

    [GeneratedRegex(@"^ {0,3}(?<marks>`{3,}|~{3,})")]
    private static partial Regex Fence();

    [GeneratedRegex(@"^ {0,3}(?<level>#{1,6})\s+(?<text>.*)$")]
    private static partial Regex Heading();
}
