using Markdig.Syntax;
using SnippetCheck.Model;

namespace SnippetCheck.Extraction.Markdown;

/// <summary>
/// Warns (SC1018) about C# a post shows but SnippetCheck cannot read, and so cannot verify: a Jekyll or Hugo
/// highlight tag; kept apart from the Markdig walk it runs alongside. (A fence indented inside a component is read:
/// <see cref="ComponentFences"/>.)
/// </summary>
internal static partial class UnverifiedCSharpLint
{
    /// <summary>
    /// A C# block in a Jekyll or Hugo highlight tag is prose to Markdig. It is not verified, and says so (SC1018),
    /// rather than being read: Liquid expands <c>{{ }}</c> inside it and tags cannot be written in the tag, so the
    /// code readers see is not always the code in the file.
    /// </summary>
    internal static void ReportHighlightBlocks(SourceDocument document, ParagraphBlock paragraph, List<Diagnostic> diagnostics)
    {
        // Markdig has released a paragraph's lines by now; its span still says which lines of the file it covers.
        var first = document.Lines.Locate(paragraph.Span.Start).Line;
        var last = document.Lines.Locate(Math.Max(paragraph.Span.Start, Math.Min(paragraph.Span.End, document.Text.Length - 1))).Line;
        for (var lineNumber = first; lineNumber <= last; lineNumber++)
        {
            var text = document.Lines.Text(lineNumber);
            if (HighlightTag().Match(text) is not { Success: true } match) continue;
            var language = match.Groups["liquid"].Success ? match.Groups["liquid"].Value : match.Groups["hugo"].Value;
            if (!DocumentWords.IsCSharpLanguage(language)) continue;
            var written = match.Groups["liquid"].Success ? $"{{% highlight {language} %}}" : $"{{{{< highlight {language} >}}}}";
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.HighlightBlock,
                $"this {written} block is not verified: SnippetCheck reads fenced blocks only; write it as a ```{language} fence to verify it",
                new SourceLocation(document.DisplayPath, lineNumber, match.Groups["tag"].Index + 1)));
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(
        """^[\s>]*(?<tag>\{%-?\s*highlight\s+(?<liquid>[^\s%]+)[^%]*-?%\}""" + """|\{\{[<%]\s*highlight\s+"?(?<hugo>[^\s">%]+)"?[^}]*[>%]\}\})""")]
    private static partial System.Text.RegularExpressions.Regex HighlightTag();
}
