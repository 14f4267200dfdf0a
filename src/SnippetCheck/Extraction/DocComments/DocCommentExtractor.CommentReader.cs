using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SnippetCheck.Model;
using Diagnostic = SnippetCheck.Model.Diagnostic;

namespace SnippetCheck.Extraction.DocComments;

internal static partial class DocCommentExtractor
{
    /// <summary>Reads one documentation comment: its snippetcheck comments and its <c>&lt;code&gt;</c> elements, in order.</summary>
    private sealed class CommentReader(SourceDocument document, DocumentationCommentTriviaSyntax comment)
    {
        private readonly List<(int, DocumentItem)> _items = [];
        private readonly List<DirectiveComment> _pending = [];
        private int _pendingEnd;

        public List<(int, DocumentItem)> Read()
        {
            var declaration = comment.ParentTrivia.Token.Parent;
            _items.Add((comment.SpanStart, new DocCommentStart(document.Locate(comment.SpanStart), NamespaceOf(declaration))));
            foreach (var node in comment.DescendantNodes())
            {
                switch (node)
                {
                    case XmlCommentSyntax xmlComment when !IsInsideInline(xmlComment):
                        ReadComment(xmlComment);
                        break;
                    case XmlElementSyntax element when element.StartTag.Name.ToString() == "code" && !IsInsideInline(element):
                        var attached = IsDirectlyBefore(element) ? _pending.ToList() : [];
                        if (attached.Count == 0) FlushPending();
                        _pending.Clear();
                        _items.Add((element.SpanStart, ReadCode(element, attached)));
                        break;
                }
            }
            FlushPending();
            return _items;
        }

        private void ReadComment(XmlCommentSyntax xmlComment)
        {
            var text = string.Concat(xmlComment.TextTokens.Select(t => t.ValueText));
            var trimmed = text.TrimStart();
            var location = document.Locate(xmlComment.SpanStart);
            if (!trimmed.StartsWith(DocumentWords.CommentMarker, StringComparison.OrdinalIgnoreCase))
            {
                var word = new string(trimmed.TakeWhile(char.IsLetter).ToArray());
                if (DocumentWords.MisspellsMarker(word))
                    _items.Add((xmlComment.SpanStart, new MisspeltComment(location, trimmed.Trim())));
                return;
            }
            if (_pending.Count > 0 && !OnlyCommentPrefixBetween(_pendingEnd, xmlComment.SpanStart)) FlushPending();
            if (HiddenBlock(xmlComment, location) is { } hidden)
            {
                // Hidden checks and hidden output follow their example: items of their own, never tags of the next <code>.
                _items.Add((xmlComment.SpanStart, hidden));
                return;
            }
            var words = string.Join(' ', trimmed[DocumentWords.CommentMarker.Length..].Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)
                .Select(l => l.Trim().TrimStart('/', '*').Trim())).Trim();
            var directive = new DirectiveComment(location, words, []);
            if (directive.IsPrelude)
            {
                _items.Add((xmlComment.SpanStart, directive));
                return;
            }
            _pending.Add(directive);
            _pendingEnd = xmlComment.Span.End;
        }

        /// <summary>
        /// A <c>&lt;!-- snippetcheck: results</c> or <c>&lt;!-- snippetcheck: output</c> comment with lines of its own
        /// (docs/doctests.md, "Hidden checks"): the words of its first line, and its further lines as the body, each at its
        /// line and column, with the comment's prefix and common indentation cut. An XML comment is text to the compiler's
        /// XML reader and to every documentation viewer: IntelliSense, the XML doc file's readers and DocFX never show it.
        /// Results become a <see cref="DirectiveComment"/> that the snippet reader appends to the example before it; output
        /// becomes the example's output block. Null for any other comment.
        /// </summary>
        private DocumentItem? HiddenBlock(XmlCommentSyntax xmlComment, SourceLocation location)
        {
            var raw = new List<RawLine> { new() };
            AddTokens(raw, xmlComment.TextTokens);
            var first = raw[0].Text.ToString().TrimStart();
            if (!first.StartsWith(DocumentWords.CommentMarker, StringComparison.OrdinalIgnoreCase)) return null;
            var words = first[DocumentWords.CommentMarker.Length..].Trim();
            var firstWord = words.Split(' ', '\t').FirstOrDefault() ?? "";
            var isResults = firstWord.Equals("results", StringComparison.OrdinalIgnoreCase);
            if (!isResults && !firstWord.Equals("output", StringComparison.OrdinalIgnoreCase)) return null;
            var rest = raw.Skip(1).ToList();
            if (rest.Count == 0) return null;
            // The last line holds only the prefix before '-->'.
            if (rest[^1].IsBlank) rest.RemoveAt(rest.Count - 1);
            var indent = Math.Min(CommonIndent(rest.Select(r => r.Text.ToString())), TagIndent(xmlComment));
            var body = rest.Select(r => r.ToCodeLine(document, indent)).ToList();
            if (isResults) return new DirectiveComment(location, words, body);
            // Not rewritable by --accept: the geometry says so (no body range, not closed as a fence is).
            return new FencedBlock(location, document.Lines.Locate(xmlComment.Span.End).Line, "", words, body, [],
                new FenceGeometry(-1, -1, "", '\0', 0, IsClosed: false) { Hidden = "-->", XmlEscaped = true });
        }

        /// <summary>Comments that stand on no block are items of their own: the snippet reader reports them.</summary>
        private void FlushPending()
        {
            foreach (var pending in _pending) _items.Add((document.Lines.LineStart(pending.Location.Line) + pending.Location.Column - 1, pending));
            _pending.Clear();
        }

        private bool IsDirectlyBefore(XmlElementSyntax element) =>
            _pending.Count > 0 && OnlyCommentPrefixBetween(_pendingEnd, element.SpanStart);

        /// <summary>True when only whitespace, line breaks and the comment's <c>///</c> or <c>*</c> prefixes lie between.</summary>
        private bool OnlyCommentPrefixBetween(int start, int end) =>
            document.Text.AsSpan(start, Math.Max(0, end - start)).IndexOfAnyExcept(" \t\r\n/*") < 0;

        private static bool IsInsideInline(SyntaxNode node) =>
            node.Ancestors().TakeWhile(a => a is not DocumentationCommentTriviaSyntax).OfType<XmlElementSyntax>()
                .Any(e => InlineElements.Contains(e.StartTag.Name.ToString()));

        private FencedBlock ReadCode(XmlElementSyntax element, IReadOnlyList<DirectiveComment> comments)
        {
            var location = document.Locate(element.SpanStart);
            string? tags = null;
            string? language = null;
            foreach (var attribute in element.StartTag.Attributes.OfType<XmlTextAttributeSyntax>())
            {
                var value = string.Concat(attribute.TextTokens.Select(t => t.ValueText));
                switch (attribute.Name.ToString().ToLowerInvariant())
                {
                    case "snippetcheck": tags = value; break;
                    case "lang" or "language": language = value.Trim(); break;
                }
            }
            var info = language is null || DocumentWords.IsCSharpLanguage(language) ? "csharp" : language;
            var problems = new List<Diagnostic>();
            var lines = CodeLines(element, problems);
            return new FencedBlock(
                location, document.Lines.Locate(element.Span.End).Line, info, tags ?? "", lines, comments, Geometry(element, lines))
            {
                Problems = problems,
            };
        }

        /// <summary>The element's text as lines: entities and CDATA unescaped, comment prefixes and the common indentation cut.</summary>
        private List<CodeLine> CodeLines(XmlElementSyntax element, List<Diagnostic> problems)
        {
            var raw = new List<RawLine> { new() };
            // A '<code>' never closed runs on to the next end tag, taking in what lies on the way (the output's '<code>'):
            // name that fault, not what it swallowed. An unescaped generic's '<int>' takes the '</code>' instead (below).
            var unclosed = !Closes(element, element) && !element.Content.SelectMany(c => c.DescendantNodesAndSelf()).OfType<XmlElementSyntax>()
                .Any(inner => inner.StartTag.Name.ToString() != element.StartTag.Name.ToString() && Closes(inner, element));
            if (unclosed)
                problems.Add(Diagnostic.Error(
                    DiagnosticCodes.XmlInCode, $"this <code> element is never closed " +
                    $"({(element.EndTag.IsMissing ? "the comment ends first" : $"'{element.EndTag}' ends it")}): add </code> after the example's " +
                    $"last line", document.Locate(element.SpanStart)));
            foreach (var node in element.Content)
            {
                switch (node)
                {
                    case XmlTextSyntax text:
                        AddTokens(raw, text.TextTokens);
                        break;
                    case XmlCDataSectionSyntax cdata:
                        AddTokens(raw, cdata.TextTokens);
                        break;
                    default:
                        // 'List<int>' written unescaped reads as an element '<int>': say so, and keep its text as written.
                        if (unclosed)
                        {
                            AddVerbatim(raw, node);
                            break;
                        }
                        problems.Add(Diagnostic.Error(DiagnosticCodes.XmlInCode,
                            $"'{FirstLine(node.ToString())}' inside <code> is read as XML, not as code; write '<' as '&lt;' (and '&' as '&amp;'), " +
                            $"or wrap the code in <![CDATA[ ... ]]>",
                            document.Locate(node.SpanStart)));
                        AddVerbatim(raw, node);
                        break;
                }
            }

            // The text after '<code>' on its own line and before '</code>' on the last are layout, not code.
            if (raw.Count > 1 && raw[0].IsBlank) raw.RemoveAt(0);
            if (raw.Count > 0 && raw[^1].IsBlank) raw.RemoveAt(raw.Count - 1);
            var startsOnTagLine = raw.Count > 0 && raw[0].Start >= 0 &&
                document.Lines.Locate(raw[0].Start).Line == document.Lines.Locate(element.StartTag.Span.End).Line;
            // The common indentation, but never more than the <code> tag's own: an output block's lines may start
            // with spaces that are part of the output, and the tag shows where the text's margin is.
            var indent = Math.Min(CommonIndent(raw.Skip(startsOnTagLine ? 1 : 0).Select(r => r.Text.ToString())), TagIndent(element));
            return [.. raw.Select((line, i) => line.ToCodeLine(document, i == 0 && startsOnTagLine ? 0 : indent))];
        }

        /// <summary>True when <paramref name="element"/>'s end tag is the one that closes <paramref name="code"/>: &lt;/code&gt;, found.</summary>
        private static bool Closes(XmlElementSyntax element, XmlElementSyntax code) =>
            !element.EndTag.IsMissing && element.EndTag.Name.ToString() == code.StartTag.Name.ToString();

        /// <summary>The spaces between the comment's prefix (<c>///</c>, <c>*</c>) and what starts the <c>&lt;code&gt;</c> tag's line.</summary>
        private int TagIndent(XmlNodeSyntax element)
        {
            var lineStart = document.Lines.LineStart(document.Lines.Locate(element.SpanStart).Line);
            var before = document.Text.AsSpan(lineStart, element.SpanStart - lineStart).TrimStart(" \t");
            if (before.StartsWith("///")) before = before[3..];
            else if (before.StartsWith("/**")) before = before[3..];
            else if (before.StartsWith("*")) before = before[1..];
            return before.Length - before.TrimStart(" \t").Length;
        }

        private static void AddTokens(List<RawLine> lines, SyntaxTokenList tokens)
        {
            foreach (var token in tokens)
            {
                if (token.IsKind(SyntaxKind.XmlTextLiteralNewLineToken))
                {
                    lines[^1].End = token.SpanStart;
                    lines.Add(new RawLine());
                    continue;
                }
                lines[^1].Add(token.ValueText, token.SpanStart, token.Span.Length, escaped: token.IsKind(SyntaxKind.XmlEntityLiteralToken));
            }
        }

        private static void AddVerbatim(List<RawLine> lines, SyntaxNode node)
        {
            foreach (var token in node.DescendantTokens())
            {
                if (token.IsKind(SyntaxKind.XmlTextLiteralNewLineToken))
                {
                    lines.Add(new RawLine());
                    continue;
                }
                lines[^1].Add(token.ToString(), token.SpanStart, token.Span.Length, escaped: false);
            }
        }

        private static string FirstLine(string text) => text.Split('\n')[0].TrimEnd('\r');

        /// <summary>
        /// Where the body lies, for <c>--accept</c>: rewritable only when <c>&lt;code&gt;</c> ends its line and
        /// <c>&lt;/code&gt;</c> starts its own, after the comment prefix.
        /// </summary>
        private FenceGeometry Geometry(XmlElementSyntax element, IReadOnlyList<CodeLine> lines)
        {
            var text = document.Text;
            var map = document.Lines;
            var startTagLine = map.Locate(element.StartTag.Span.End).Line;
            var endTagLine = map.Locate(element.EndTag.SpanStart).Line;
            var afterStartTag = text.AsSpan(element.StartTag.Span.End, document.Lines.ContentEnd(startTagLine) - element.StartTag.Span.End);
            var beforeEndTag = text.AsSpan(map.LineStart(endTagLine), element.EndTag.SpanStart - map.LineStart(endTagLine));
            var isCData = element.Content.Any(n => n is XmlCDataSectionSyntax);
            var rewritable = !element.EndTag.IsMissing && endTagLine > startTagLine && afterStartTag.Trim().Length == 0 &&
                beforeEndTag.IndexOfAnyExcept(" \t/*") < 0 && !isCData;
            if (!rewritable) return new FenceGeometry(-1, -1, "", '<', 0, IsClosed: false) { XmlEscaped = true };

            var bodyStart = map.LineStart(startTagLine + 1);
            var bodyEnd = map.LineStart(endTagLine);
            // The prefix of each rewritten line: the comment's own, plus the body's common indentation.
            var prefix = lines.FirstOrDefault(l => l.Text.Length > 0) is { Text.Length: > 0 } first
                ? text[map.LineStart(first.Line)..(map.LineStart(first.Line) + first.Column - 1)]
                : beforeEndTag.ToString();
            return new FenceGeometry(bodyStart, bodyEnd, prefix, '<', 0, IsClosed: true) { XmlEscaped = true };
        }
    }
}
