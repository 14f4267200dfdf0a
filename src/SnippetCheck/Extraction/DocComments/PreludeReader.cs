using Microsoft.CodeAnalysis;
using SnippetCheck.Model;
using Diagnostic = SnippetCheck.Model.Diagnostic;

namespace SnippetCheck.Extraction.DocComments;

/// <summary>
/// Reads a C# file's <c>// &lt;snippetcheck:prelude&gt;</c> line-comment blocks into prelude directives; kept apart
/// from <see cref="DocCommentExtractor"/> because preludes live in plain <c>//</c> comments, not in doc comments.
/// </summary>
internal static class PreludeReader
{
    private const string PreludeOpen = "<snippetcheck:prelude";
    private const string PreludeClose = "</snippetcheck:prelude>";

    /// <summary>
    /// <c>// &lt;snippetcheck:prelude&gt;</c>, its lines of hidden code, <c>// &lt;/snippetcheck:prelude&gt;</c>:
    /// a prelude for the whole file, or for one session with <c>session=ID</c>.
    /// </summary>
    internal static IEnumerable<(int, DocumentItem)> Read(SourceDocument document, List<SyntaxTrivia> comments, List<Diagnostic> diagnostics)
    {
        for (var i = 0; i < comments.Count; i++)
        {
            var text = CommentText(comments[i], out _);
            var trimmed = text.Trim();
            if (!trimmed.StartsWith(PreludeOpen, StringComparison.OrdinalIgnoreCase)) continue;
            var location = document.Locate(comments[i].SpanStart);
            var close = trimmed.IndexOf('>');
            if (close < 0)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.BadComment, $"'{trimmed}' is missing its closing '>'", location));
                continue;
            }
            var words = "prelude " + trimmed[PreludeOpen.Length..close].Replace("\"", "", StringComparison.Ordinal).Trim();
            var body = new List<(string Text, int Offset)>();
            var closed = false;
            var previousLine = location.Line;
            for (i++; i < comments.Count; i++)
            {
                var line = document.Lines.Locate(comments[i].SpanStart).Line;
                var lineText = CommentText(comments[i], out var textOffset);
                if (lineText.Trim().Equals(PreludeClose, StringComparison.OrdinalIgnoreCase))
                {
                    closed = true;
                    break;
                }
                if (line != previousLine + 1) break;
                previousLine = line;
                body.Add((lineText, textOffset));
            }
            if (!closed)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.BadComment,
                    $"this prelude is never closed: end it with a '// {PreludeClose}' line right below its code", location));
                i--;
                continue;
            }
            var indent = DocCommentExtractor.CommonIndent(body.Select(b => b.Text));
            var lines = body.Select(b =>
            {
                var cut = b.Text.Trim().Length == 0 ? b.Text.Length : Math.Min(indent, b.Text.Length);
                var (lineNumber, column) = document.Lines.Locate(b.Offset + cut);
                return new CodeLine(b.Text[cut..], lineNumber, column);
            });
            yield return (comments[i - body.Count - 1].SpanStart, new DirectiveComment(location, words, [.. lines]));
        }
    }

    /// <summary>A <c>//</c> comment's text after the slashes, and the offset where that text starts.</summary>
    private static string CommentText(SyntaxTrivia comment, out int textOffset)
    {
        var full = comment.ToString();
        textOffset = comment.SpanStart + 2;
        return full.Length >= 2 ? full[2..] : "";
    }
}
