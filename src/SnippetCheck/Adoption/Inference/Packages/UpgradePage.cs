using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using SnippetCheck.Extraction;

namespace SnippetCheck.Adoption.Inference.Packages;

/// <summary>
/// The titles a block stands under, so rot is read as the guide means it: an upgrade guide says what it is in its title ("Breaking changes
/// in 2.0", "Migrating from v1") and its sections are often named after the API ("## Painting"), so the nearest heading
/// alone misses it. The page's title (front matter <c>title:</c>) and the heading of each level the block stands
/// under, read outside fences (a <c>#region</c> line in code, or a shell script's <c># removed</c>, is no heading).
/// </summary>
internal static partial class UpgradePage
{
    /// <summary>A page's title and its headings outside fences, read once per page: every block of a doc set asks.</summary>
    private sealed record Outline(string? Title, IReadOnlyList<(int Line, int Level, string Text)> Headings);

    private static readonly ConditionalWeakTable<SourceDocument, Outline> Outlines = [];

    /// <summary>The front matter's title and the headings the block stands under, outermost first.</summary>
    public static IReadOnlyList<string> TitlesOver(SourceDocument document, FencedBlock block)
    {
        var outline = Outlines.GetValue(document, Read);
        var path = new List<(int Level, string Text)>();
        foreach (var (_, level, text) in outline.Headings.TakeWhile(h => h.Line < block.Location.Line))
        {
            path.RemoveAll(h => h.Level >= level);
            path.Add((level, text));
        }
        return [.. (outline.Title is null ? [] : new[] { outline.Title }), .. path.Select(h => h.Text)];
    }

    private static Outline Read(SourceDocument document)
    {
        var lines = document.Lines;
        var headings = new List<(int, int, string)>();
        string? title = null;
        string? fence = null;
        for (var line = 1; line <= lines.LineCount; line++)
        {
            var text = lines.Text(line);
            // Front matter, when it is closed (a page that opens with a thematic break has none).
            if (line == 1 && text.Trim() is "---" or "+++" && Enumerable.Range(2, Math.Max(0, lines.LineCount - 1))
                .FirstOrDefault(l => lines.Text(l).Trim() == text.Trim()) is > 0 and var close)
            {
                title = Enumerable.Range(2, close - 2).Select(l => FrontMatterTitle().Match(lines.Text(l)))
                    .FirstOrDefault(m => m.Success)?.Groups["title"].Value;
                line = close;
                continue;
            }
            if (Fence().Match(text) is { Success: true } open)
            {
                var marks = open.Groups["marks"].Value;
                if (fence is null) fence = marks;
                else if (marks[0] == fence[0] && marks.Length >= fence.Length && text.Trim() == marks) fence = null;
                continue;
            }
            if (fence is null && Heading().Match(text) is { Success: true } heading)
                headings.Add((line, heading.Groups["level"].Length, heading.Groups["text"].Value));
        }
        return new Outline(title, headings);
    }

    [GeneratedRegex(@"^\s*title\s*[:=]\s*[""']?(?<title>.*?)[""']?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex FrontMatterTitle();

    [GeneratedRegex(@"^ {0,3}(?<marks>`{3,}|~{3,})")]
    private static partial Regex Fence();

    [GeneratedRegex(@"^ {0,3}(?<level>#{1,6})\s+(?<text>.*)$")]
    private static partial Regex Heading();
}
