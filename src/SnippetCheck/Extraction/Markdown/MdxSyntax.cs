namespace SnippetCheck.Extraction.Markdown;

/// <summary>
/// What MDX (Docusaurus, Next.js) adds to Markdown, taken out before Markdig reads the file: <c>import</c>/<c>export</c>
/// statements, JSX tags standing at the start of a line (<c>&lt;Tabs&gt;</c>, <c>&lt;TabItem value="cs"&gt;</c>) and
/// <c>{/* … */}</c> comments become spaces. Offsets and line breaks stay where they were, so every location Markdig
/// gives still points into the original file, and a fence inside a JSX component is read as the fence it is.
/// Code fences are left alone, whatever they hold.
/// </summary>
internal static class MdxSyntax
{
    internal static MdxReading Mask(string text)
    {
        var masked = text.ToCharArray();
        var comments = new List<MdxComment>();
        var fences = new List<(int, string)>();
        var fenceChar = '\0';
        var fenceLength = 0;
        var inEsm = false;
        var lineStart = SkipFrontMatter(text);

        while (lineStart < text.Length)
        {
            var lineEnd = LineEnd(text, lineStart);
            var line = text.AsSpan(lineStart, lineEnd - lineStart);
            var next = NextLine(text, lineEnd);

            if (fenceLength > 0)
            {
                if (IsClosingFence(line, fenceChar, fenceLength)) fenceLength = 0;
                lineStart = next;
                continue;
            }
            if (inEsm)
            {
                // An import or export statement runs to the next blank line, as MDX reads it; a fence is never
                // swallowed (MDX would reject the statement, and losing a C# block without a word is worse).
                var isFence = OpeningFence(line) is not null;
                inEsm = !line.IsWhiteSpace() && !isFence;
                if (inEsm) Blank(masked, lineStart, lineEnd);
                if (!isFence)
                {
                    lineStart = next;
                    continue;
                }
            }
            if (OpeningFence(line) is { } fence)
            {
                (fenceChar, fenceLength) = fence;
                var marker = line.IndexOf(fenceChar);
                fences.Add((lineStart + marker, line[(marker + fenceLength)..].Trim().ToString()));
                lineStart = next;
                continue;
            }
            if (IsEsm(line))
            {
                Blank(masked, lineStart, lineEnd);
                inEsm = true;
                lineStart = next;
                continue;
            }

            // JSX tags and MDX comments at the start of the line (after indentation and quote markers), one after another.
            lineStart = MaskTagsAndComments(text, masked, comments, lineStart + ContainerPrefixLength(line), next);
        }
        return new MdxReading(new string(masked), comments, fences);
    }

    /// <summary>
    /// Blanks the JSX tags and MDX comments from <paramref name="position"/> on, one after another, and reads the comments;
    /// returns where reading resumes: the line after the last of them, or <paramref name="next"/> when there is none.
    /// </summary>
    private static int MaskTagsAndComments(string text, char[] masked, List<MdxComment> comments, int position, int next)
    {
        var resumeAt = next;
        while (position < text.Length)
        {
            if (text.AsSpan(position).StartsWith("{/*", StringComparison.Ordinal))
            {
                var comment = ReadComment(text, position);
                comments.Add(comment);
                BlankKeepingPrefixes(masked, text, comment.Start, comment.End);
                position = comment.End;
            }
            else if (text.AsSpan(position).StartsWith("<!--", StringComparison.Ordinal))
            {
                // An HTML comment (MDX 1) is Markdig's to read; only skip past it.
                var close = text.IndexOf("-->", position + 4, StringComparison.Ordinal);
                position = close < 0 ? text.Length : close + 3;
                resumeAt = Math.Max(resumeAt, NextLine(text, LineEnd(text, position)));
                break;
            }
            else if (IsTagStart(text, position) && TagEnd(text, position) is { } tagEnd)
            {
                BlankKeepingPrefixes(masked, text, position, tagEnd);
                position = tagEnd;
            }
            else
            {
                break;
            }
            while (position < text.Length && text[position] is ' ' or '\t') position++;
            resumeAt = NextLine(text, LineEnd(text, position));
            if (position < text.Length && text[position] is '\r' or '\n') break;
        }
        return resumeAt;
    }

    /// <summary>Where the first line after the front matter starts (YAML <c>---</c> or TOML <c>+++</c>); 0 when there is none.</summary>
    private static int SkipFrontMatter(string text)
    {
        var firstEnd = LineEnd(text, 0);
        var first = text.AsSpan(0, firstEnd).TrimEnd();
        if (first is not ("---" or "+++")) return 0;
        var marker = first.ToString();
        for (var start = NextLine(text, firstEnd); start < text.Length;)
        {
            var end = LineEnd(text, start);
            if (text.AsSpan(start, end - start).TrimEnd().SequenceEqual(marker)) return NextLine(text, end);
            start = NextLine(text, end);
        }
        return 0;
    }

    private static bool IsEsm(ReadOnlySpan<char> line) =>
        (line.StartsWith("import", StringComparison.Ordinal) || line.StartsWith("export", StringComparison.Ordinal))
        && line.Length > 6 && line[6] is ' ' or '\t' or '{' or '*';

    /// <summary>A JSX tag: <c>&lt;</c> then a letter (an element), <c>/</c> (a closing tag) or <c>&gt;</c> (a fragment).</summary>
    private static bool IsTagStart(string text, int position) =>
        text[position] == '<' && position + 1 < text.Length && (char.IsAsciiLetter(text[position + 1]) || text[position + 1] is '/' or '>');

    /// <summary>
    /// Just past the <c>&gt;</c> that closes the tag at <paramref name="start"/>, skipping quoted and braced attribute values; null if it never
    /// closes.
    /// </summary>
    private static int? TagEnd(string text, int start)
    {
        var quote = '\0';
        var depth = 0;
        for (var i = start + 1; i < text.Length; i++)
        {
            var c = text[i];
            if (quote != '\0')
            {
                if (c == quote) quote = '\0';
            }
            else if (c is '"' or '\'' or '`') quote = c;
            else if (c == '{') depth++;
            else if (c == '}') depth = Math.Max(0, depth - 1);
            else if (c == '>' && depth == 0) return i + 1;
            // A blank line ends any tag; stopping there also keeps a file of unclosed '<a' lines linear.
            if (c == '\n' && IsBlankFrom(text, i + 1)) return null;
        }
        return null;
    }

    private static bool IsBlankFrom(string text, int start)
    {
        for (var i = start; i < text.Length; i++)
        {
            if (text[i] == '\n') return true;
            if (text[i] is not (' ' or '\t' or '\r')) return false;
        }
        return true;
    }

    private static MdxComment ReadComment(string text, int start)
    {
        var close = text.IndexOf("*/", start + 3, StringComparison.Ordinal);
        if (close < 0) return new MdxComment(start, -1, text.Length);
        var brace = close + 2;
        while (brace < text.Length && text[brace] is ' ' or '\t') brace++;
        // '*/' not followed by '}' still ends the comment; the expression's '}' may be missing, which MDX rejects.
        return new MdxComment(start, close, brace < text.Length && text[brace] == '}' ? brace + 1 : close + 2);
    }

    /// <summary>
    /// Blanks <c>[start, end)</c> except line breaks and, on each line after the first, the indentation and quote
    /// markers Markdig needs to keep a quote or list open.
    /// </summary>
    private static void BlankKeepingPrefixes(char[] masked, string text, int start, int end)
    {
        var atLineStart = false;
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            if (c is '\r' or '\n')
            {
                atLineStart = true;
                continue;
            }
            if (atLineStart && c is ' ' or '\t' or '>') continue;
            atLineStart = false;
            masked[i] = ' ';
        }
    }

    private static void Blank(char[] masked, int start, int end)
    {
        for (var i = start; i < end; i++) masked[i] = ' ';
    }

    /// <summary>Indentation and block-quote markers before a line's content.</summary>
    internal static int ContainerPrefixLength(ReadOnlySpan<char> line)
    {
        var i = 0;
        while (i < line.Length && line[i] is ' ' or '\t' or '>') i++;
        return i;
    }

    /// <summary>The fence character and length when the line opens a fence (after containers and list markers).</summary>
    private static (char, int)? OpeningFence(ReadOnlySpan<char> line)
    {
        var rest = AfterListMarkers(line);
        if (rest.Length < 3 || rest[0] is not ('`' or '~')) return null;
        var c = rest[0];
        var run = 0;
        while (run < rest.Length && rest[run] == c) run++;
        if (run < 3) return null;
        // A backtick fence's info string holds no backtick.
        if (c == '`' && rest[run..].Contains('`')) return null;
        return (c, run);
    }

    private static bool IsClosingFence(ReadOnlySpan<char> line, char c, int length)
    {
        var rest = line[ContainerPrefixLength(line)..];
        var run = 0;
        while (run < rest.Length && rest[run] == c) run++;
        return run >= length && rest[run..].IsWhiteSpace();
    }

    private static ReadOnlySpan<char> AfterListMarkers(ReadOnlySpan<char> line)
    {
        while (true)
        {
            line = line[ContainerPrefixLength(line)..];
            var marker = 0;
            if (line.Length > 0 && line[0] is '-' or '*' or '+') marker = 1;
            else
            {
                while (marker < line.Length && marker < 9 && char.IsAsciiDigit(line[marker])) marker++;
                marker = marker > 0 && marker < line.Length && line[marker] is '.' or ')' ? marker + 1 : 0;
            }
            if (marker == 0 || marker >= line.Length || line[marker] is not (' ' or '\t')) return line;
            line = line[marker..];
        }
    }

    private static int LineEnd(string text, int start)
    {
        var end = text.IndexOfAny(['\r', '\n'], start);
        return end < 0 ? text.Length : end;
    }

    private static int NextLine(string text, int lineEnd)
    {
        if (lineEnd >= text.Length) return text.Length;
        return text[lineEnd] == '\r' && lineEnd + 1 < text.Length && text[lineEnd + 1] == '\n' ? lineEnd + 2 : lineEnd + 1;
    }
}
