using System.Text.RegularExpressions;
using SnippetCheck.Model;

namespace SnippetCheck.Extraction.Markdown;

/// <summary>
/// Fences a reader sees inside a block component that Markdig does not open: MDC's <c>::name</c> and <c>:::name</c>
/// (Nuxt Content, Docus), Docusaurus admonitions (<c>:::tip</c>) and JSX tags (<c>&lt;TabItem&gt;</c>). Their renderers
/// take a component's indentation as layout, so a fence indented four spaces or more under one is a fence to the
/// reader, while CommonMark reads indented code or a paragraph's continuation. Such a fence is read here as the fence
/// the reader sees, its indentation the prefix of every line (as a list item's is), and verified like any other
/// (every C# fence a reader sees is counted, so none is left out of the coverage).
/// </summary>
internal static partial class ComponentFences
{
    /// <summary>
    /// <paramref name="items"/> with every fence inside a component that Markdig left unread added in document order.
    /// In an MDX file every fence opening MDX sees counts (MDX has no indented code); in Markdown, only those whose
    /// nearest less-indented line above opens a component, so a plain indented code block stays what it is.
    /// </summary>
    public static List<DocumentItem> AddUnread(SourceDocument document, List<DocumentItem> items)
    {
        var read = items.OfType<FencedBlock>().Select(f => (f.Location.Line, f.EndLine)).ToList();
        var added = new List<FencedBlock>();
        for (var line = 1; line <= document.Lines.LineCount; line++)
        {
            if (read.Any(r => r.Line <= line && line <= r.EndLine)) continue;
            if (Opening().Match(document.Lines.Text(line)) is not { Success: true } opening) continue;
            if (!document.IsMdx && !InsideComponent(document, line, opening.Groups["indent"].Length)) continue;
            var fence = ReadFence(document, line, opening);
            added.Add(fence);
            read.Add((fence.Location.Line, fence.EndLine));
            line = fence.EndLine;
        }
        if (added.Count == 0) return items;
        var ordered = new List<DocumentItem>();
        foreach (var item in items.Concat(added).OrderBy(i => i.Location.Line))
        {
            ordered.Add(item is FencedBlock fence && added.Contains(fence) ? fence with { Comments = TakeAttached(document, ordered, fence) } : item);
        }
        return ordered;
    }

    /// <summary>
    /// The one-line <c>snippetcheck:</c> comments right above <paramref name="fence"/>, blank lines apart, taken off
    /// <paramref name="before"/>: a comment tags a fence read here as it tags one Markdig read.
    /// </summary>
    private static List<DirectiveComment> TakeAttached(SourceDocument document, List<DocumentItem> before, FencedBlock fence)
    {
        var attached = new List<DirectiveComment>();
        var below = fence.Location.Line;
        while (before.Count > 0 && before[^1] is DirectiveComment { IsPrelude: false, HiddenOutput: null, Body.Count: 0 } comment
            && Enumerable.Range(comment.Location.Line + 1, Math.Max(0, below - comment.Location.Line - 1))
                .All(line => string.IsNullOrWhiteSpace(document.Lines.Text(line))))
        {
            attached.Insert(0, comment);
            before.RemoveAt(before.Count - 1);
            below = comment.Location.Line;
        }
        return attached;
    }

    /// <summary>True when the nearest non-blank line above, indented less than the fence, opens a component.</summary>
    private static bool InsideComponent(SourceDocument document, int line, int indent)
    {
        if (indent == 0) return false;
        for (var above = line - 1; above >= 1; above--)
        {
            var text = document.Lines.Text(above);
            if (string.IsNullOrWhiteSpace(text) || Indent(text) >= indent) continue;
            return ComponentOpening().IsMatch(text);
        }
        return false;
    }

    private static FencedBlock ReadFence(SourceDocument document, int line, Match opening)
    {
        var indent = opening.Groups["indent"].Value;
        var marker = opening.Groups["fence"].Value;
        var lines = new List<CodeLine>();
        var end = line + 1;
        var closed = false;
        for (; end <= document.Lines.LineCount; end++)
        {
            var text = document.Lines.Text(end);
            if (IsClosing(text, marker)) { closed = true; break; }
            // The component's indentation is layout; a line indented less keeps what it has.
            var strip = Math.Min(indent.Length, Indent(text));
            lines.Add(new CodeLine(text[strip..], end, strip + 1));
        }
        var endLine = Math.Min(end, document.Lines.LineCount);
        var bodyStart = document.Lines.NextLineStart(line);
        var bodyEnd = lines.Count == 0 ? bodyStart : document.Lines.NextLineStart(lines[^1].Line);
        var info = opening.Groups["info"].Value.Trim();
        var language = info.Split([' ', '\t'], 2)[0];
        var geometry = new FenceGeometry(bodyStart, bodyEnd, indent, marker[0], marker.Length, closed);
        var at = new SourceLocation(document.DisplayPath, line, indent.Length + 1);
        return new FencedBlock(at, endLine, language, info[language.Length..].Trim(), lines, [], geometry);
    }

    private static bool IsClosing(string text, string marker)
    {
        var rest = text.TrimStart(' ', '\t');
        var run = 0;
        while (run < rest.Length && rest[run] == marker[0]) run++;
        return run >= marker.Length && string.IsNullOrWhiteSpace(rest[run..]);
    }

    private static int Indent(string text) => text.Length - text.TrimStart(' ', '\t').Length;

    /// <summary>A fence's opening line at any indentation; a backtick fence's info string holds no backtick.</summary>
    [GeneratedRegex(@"^(?<indent>[ \t]*)(?<fence>`{3,}(?=[^`]*$)|~{3,})(?<info>.*)$")]
    private static partial Regex Opening();

    /// <summary>MDC's <c>::name</c>, an admonition's <c>:::tip</c>, a JSX or HTML tag opening a line (not a closing one).</summary>
    [GeneratedRegex(@"^[ \t]*(:{2,}[A-Za-z][\w-]*|<[A-Za-z][\w.:-]*(\s[^>]*)?>\s*$)")]
    private static partial Regex ComponentOpening();
}
