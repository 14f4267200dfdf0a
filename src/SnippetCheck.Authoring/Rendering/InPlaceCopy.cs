using System.Text;
using SnippetCheck.Extraction;
using SnippetCheck.Extraction.Snippets;

namespace SnippetCheck.Rendering;

/// <summary>
/// A document again, each rendered C# fence (from its opening to its closing fence line) replaced by its HTML and
/// every other byte as it was: any engine that passes raw HTML through (Hugo, Jekyll, Eleventy, MkDocs) then publishes
/// it with no plugin. A fence inside a list item or a quote keeps its container's prefix on every line.
/// </summary>
internal static class InPlaceCopy
{
    public static string Of(
        SourceDocument document, IReadOnlyList<Snippet> blocks, IReadOnlyDictionary<(string File, int Line), string> fragments)
    {
        var text = document.Text;
        var newline = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var copy = new StringBuilder(text.Length * 2);
        var at = 0;
        // A C# block is never hidden (hidden blocks are output); a doc comment's <code> has no fence to replace.
        foreach (var block in blocks.Where(b => !b.IsXmlEscaped).OrderBy(b => b.Location.Line))
        {
            if (!fragments.TryGetValue((block.Location.File, block.Location.Line), out var html)) continue;
            var start = document.LineStart(block.Location.Line);
            var end = document.LineEnd(Math.Max(block.Location.Line, block.EndLine));
            if (start < at) continue;
            var prefix = block.LinePrefix;
            copy.Append(text, at, start - at).Append(prefix).AppendJoin(newline + prefix, html.Split('\n'));
            at = end;
        }
        return copy.Append(text, at, text.Length - at).ToString();
    }
}
