using System.Net;
using System.Text;

namespace SnippetCheck.Rendering;

/// <summary>
/// The HTML of one block (docs/render.md): classes for the stylesheet, hover cards that open on hover and on keyboard
/// focus with no JavaScript, errors underlined at their span and listed below, the output, and the verified mark.
/// The fragment holds no blank line, so Markdown engines keep it as one raw HTML block (<c>--in-place-copy</c>).
/// </summary>
internal static class HtmlFragment
{
    /// <summary>The fragment of <paramref name="block"/>, ending without a line break.</summary>
    public static string Write(RenderedBlock block)
    {
        var id = IdOf(block);
        var html = new StringBuilder();
        html.Append("<figure class=\"sc-block").Append(block.Verified ? " sc-verified" : "").Append("\" id=\"").Append(id)
            .Append("\" data-sc-kind=\"").Append(block.Kind).Append("\" data-sc-status=\"").Append(block.Status).Append("\">\n");
        // Focusable, so a keyboard can scroll a long line into view.
        html.Append("<pre class=\"sc-code\" tabindex=\"0\"><code>");
        var errors = block.Nodes.Where(n => n.Type == "error").ToList();
        var hovers = block.Nodes.Where(n => n.Type == "hover").ToList();
        var queries = block.Nodes.Where(n => n.Type == "query").ToList();
        var lines = block.Code.Split('\n');
        for (var line = 0; line < lines.Length; line++)
        {
            if (line > 0) html.Append('\n');
            html.Append("<span class=\"sc-line\">");
            WriteLine(html, id, lines[line], line, block.Tokens.Where(t => t.Line == line).ToList(), hovers, errors);
            html.Append("</span>");
            foreach (var query in queries.Where(q => q.Line == line))
            {
                html.Append("\n<span class=\"sc-line sc-query-line\">").Append(' ', query.Character)
                    .Append("<span class=\"sc-query\" role=\"note\">").Append(Encode(query.Text)).Append("</span></span>");
            }
        }
        html.Append("</code></pre>\n");
        if (errors.Count > 0)
        {
            html.Append("<ol class=\"sc-errors\" aria-label=\"Compiler errors\">");
            for (var i = 0; i < errors.Count; i++)
            {
                var error = errors[i];
                html.Append("<li id=\"").Append(id).Append("-e").Append(i).Append("\"><span class=\"sc-error-code\">").Append(
                    Encode(error.Code ?? ""))
                    .Append("</span> ").Append(Encode(error.Text)).Append(" <span class=\"sc-error-place\">(line ").Append(error.Line + 1)
                    .Append(", column ").Append(error.Character + 1).Append(")</span></li>");
            }
            html.Append("</ol>\n");
        }
        if (block.Output is { } output)
        {
            html.Append("<div class=\"sc-output\"><div class=\"sc-output-label\">Output</div><pre tabindex=\"0\"><code>")
                .AppendJoin('\n', output.Split('\n').Select(l => "<span class=\"sc-line\">" + Encode(l) + "</span>"))
                .Append("</code></pre></div>\n");
        }
        if (block.Mark is { } mark) html.Append(MarkHtml(mark));
        html.Append("</figure>");
        return html.ToString();
    }

    /// <summary>The verified mark's caption, the fragment's last element.</summary>
    public static string MarkHtml(VerifiedMark mark) =>
        $"<figcaption class=\"sc-mark\"><span aria-hidden=\"true\">✓ </span>Verified by SnippetCheck {Encode(mark.Tool)} on .NET " +
        $"{Encode(mark.Dotnet)}, {Encode(mark.Date)}</figcaption>\n";

    /// <summary>
    /// A fragment written without its mark (<see cref="Write"/> of a block whose mark is null), with <paramref name="mark"/> laid on.
    /// </summary>
    public static string WithMark(string html, VerifiedMark mark) =>
        html.EndsWith("</figure>", StringComparison.Ordinal) ? html[..^"</figure>".Length] + MarkHtml(mark) + "</figure>"
        : throw new ArgumentException("not a fragment: it does not end with </figure>", nameof(html));

    /// <summary>The block's element id, unique in a page that holds several documents: <c>sc-posts-intro-md-L12</c>.</summary>
    public static string IdOf(RenderedBlock block) =>
        "sc-" + new string([.. block.File.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]).Trim('-') + "-" + block.Id;

    /// <summary>One line: runs of characters with the same class, card and error, each a span.</summary>
    private static void WriteLine(
        StringBuilder html, string id, string text, int line, List<RenderedToken> tokens, List<RenderedNode> hovers, List<RenderedNode> errors)
    {
        var classes = new string?[text.Length];
        var cards = new int[text.Length];
        var errorAt = new int[text.Length];
        Array.Fill(cards, -1);
        Array.Fill(errorAt, -1);
        foreach (var token in tokens) Fill(classes, token.Character, token.Length, token.Class);
        for (var i = 0; i < hovers.Count; i++)
        {
            if (hovers[i].Line == line) Fill(cards, hovers[i].Character, hovers[i].Length, i);
        }
        for (var i = 0; i < errors.Count; i++)
        {
            // An error with no width (a missing ';') underlines the character it stands before, or the last one.
            if (errors[i].Line == line) Fill(errorAt, Math.Min(errors[i].Character, Math.Max(0, text.Length - 1)), Math.Max(1, errors[i].Length), i);
        }
        var start = 0;
        for (var i = 1; i <= text.Length; i++)
        {
            if (i < text.Length && classes[i] == classes[start] && cards[i] == cards[start] && errorAt[i] == errorAt[start]) continue;
            WriteRun(html, id, text[start..i], classes[start], cards[start] < 0 ? null : (cards[start], hovers[cards[start]]), errorAt[start]);
            start = i;
        }
    }

    private static void WriteRun(StringBuilder html, string id, string text, string? cssClass, (int Index, RenderedNode Node)? card, int error)
    {
        if (error >= 0) html.Append("<span class=\"sc-error\" aria-describedby=\"").Append(id).Append("-e").Append(error).Append("\">");
        if (card is var (index, node))
        {
            var cardId = $"{id}-h{index}";
            html.Append("<span class=\"sc-tok\"><span class=\"sc-").Append(cssClass ?? "identifier").Append("\" tabindex=\"0\" aria-describedby=\"")
                .Append(cardId).Append("\">").Append(Encode(text)).Append("</span><span class=\"sc-card\" role=\"tooltip\" id=\"").Append(cardId)
                .Append("\"><code class=\"sc-signature\">").Append(Encode(node.Text)).Append("</code>");
            if (node.Docs is { Length: > 0 } docs) html.Append("<span class=\"sc-docs\">").Append(Encode(docs)).Append("</span>");
            if (node.Url is { } url) html.Append("<a class=\"sc-api\" href=\"").Append(Encode(url)).Append("\">API reference</a>");
            html.Append("</span></span>");
        }
        else if (cssClass is not null)
        {
            html.Append("<span class=\"sc-").Append(cssClass).Append("\">").Append(Encode(text)).Append("</span>");
        }
        else
        {
            html.Append(Encode(text));
        }
        if (error >= 0) html.Append("</span>");
    }

    private static void Fill<T>(T[] cells, int start, int length, T value)
    {
        for (var i = Math.Max(0, start); i < Math.Min(cells.Length, start + length); i++) cells[i] = value;
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
