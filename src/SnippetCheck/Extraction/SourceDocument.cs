using System.Text;
using SnippetCheck.Model;

namespace SnippetCheck.Extraction;

/// <summary>
/// A document as read from disk (a Markdown or MDX post, or a C# file whose doc comments hold examples): its text,
/// its lines, and what is needed to write it back byte for byte.
/// </summary>
public sealed class SourceDocument
{
    private SourceDocument(
        string fullPath, string displayPath, string text, Encoding encoding, bool hasBom, int? invalidUtf8Offset = null, bool looksLikeUtf16 = false)
    {
        InvalidUtf8Offset = invalidUtf8Offset;
        LooksLikeUtf16 = looksLikeUtf16;
        FullPath = fullPath;
        DisplayPath = displayPath;
        Text = text;
        Encoding = encoding;
        HasBom = hasBom;
        Lines = new LineMap(text);
    }

    /// <summary>The file's absolute path.</summary>
    public string FullPath { get; }

    /// <summary>The path users see in every message: relative to the current directory when below it.</summary>
    public string DisplayPath { get; }

    /// <summary>The text without its byte order mark; line endings untouched.</summary>
    public string Text { get; }

    internal Encoding Encoding { get; }

    /// <summary>The file began with a UTF-8 byte order mark, which a rewrite keeps.</summary>
    internal bool HasBom { get; }

    /// <summary>An MDX file (<c>.mdx</c>), whose HTML is read as JSX (<c>MdxSyntax</c>).</summary>
    public bool IsMdx => IsMdxPath(FullPath);

    /// <summary>True for the path of an MDX file (<c>.mdx</c>).</summary>
    internal static bool IsMdxPath(string path) => path.EndsWith(".mdx", StringComparison.OrdinalIgnoreCase);

    /// <summary>The text's lines, for offsets to lines and columns.</summary>
    internal LineMap Lines { get; }

    /// <summary>How many lines the text has.</summary>
    public int LineCount => Lines.LineCount;

    /// <summary>A 1-based line's text without its line ending; empty for a line outside the text.</summary>
    public string LineText(int line) => Lines.Text(line);

    /// <summary>The offset in <see cref="Text"/> where a 1-based line starts.</summary>
    public int LineStart(int line) => Lines.LineStart(line);

    /// <summary>Where a 1-based line's own text ends in <see cref="Text"/>, before its line ending.</summary>
    public int LineEnd(int line) => Lines.ContentEnd(line);

    /// <summary>
    /// Where in <see cref="Text"/> the first byte that is not UTF-8 was read (as U+FFFD); null for a clean file.
    /// Such a file cannot be written back byte for byte.
    /// </summary>
    internal int? InvalidUtf8Offset { get; }

    /// <summary>True when the bytes start with a UTF-16 byte order mark.</summary>
    internal bool LooksLikeUtf16 { get; }

    /// <summary>
    /// SC3008 at the first byte that is not UTF-8 (with a hint when the file is UTF-16), or null for a clean file:
    /// every reader of every format reports the encoding alike.
    /// </summary>
    internal Diagnostic? EncodingError() => InvalidUtf8Offset is { } badByte
        ? Diagnostic.Error(DiagnosticCodes.NotUtf8, LooksLikeUtf16
            ? "the file looks like UTF-16; SnippetCheck reads documents as UTF-8, so save it as UTF-8"
            : "the file is not valid UTF-8 from here on (a binary file, or another encoding); bad bytes were read as U+FFFD", Locate(badByte))
        : null;

    /// <summary>The place of a 0-based offset of <see cref="Text"/>.</summary>
    public SourceLocation Locate(int offset)
    {
        var (line, column) = Lines.Locate(offset);
        return new SourceLocation(DisplayPath, line, column);
    }

    /// <summary>Reads the file at <paramref name="fullPath"/>, reported as <paramref name="displayPath"/>.</summary>
    public static SourceDocument Load(string fullPath, string displayPath)
    {
        var bytes = File.ReadAllBytes(fullPath);
        return FromBytes(fullPath, displayPath, bytes);
    }

    /// <summary>A document of <paramref name="text"/> (a rewrite not yet written, an editor's buffer).</summary>
    internal static SourceDocument FromText(string fullPath, string displayPath, string text) =>
        new(fullPath, displayPath, text, new UTF8Encoding(false), hasBom: false);

    internal static SourceDocument FromBytes(string fullPath, string displayPath, byte[] bytes)
    {
        var hasBom = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF;
        var offset = hasBom ? 3 : 0;
        // Invalid UTF-8 becomes U+FFFD instead of an exception, so one bad byte never hides a whole file.
        var text = new UTF8Encoding(false, throwOnInvalidBytes: false).GetString(bytes, offset, bytes.Length - offset);
        var looksLikeUtf16 = bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF));
        return new SourceDocument(
            fullPath, displayPath, text, new UTF8Encoding(hasBom), hasBom, FirstInvalidOffset(bytes.AsSpan(offset)), looksLikeUtf16);
    }

    /// <summary>The offset in the decoded text of the first invalid byte sequence, or null when every byte is UTF-8.</summary>
    private static int? FirstInvalidOffset(ReadOnlySpan<byte> bytes)
    {
        if (System.Text.Unicode.Utf8.IsValid(bytes)) return null;
        var validPrefix = 0;
        while (validPrefix < bytes.Length)
        {
            var status = System.Text.Rune.DecodeFromUtf8(bytes[validPrefix..], out _, out var consumed);
            if (status != System.Buffers.OperationStatus.Done) break;
            validPrefix += consumed;
        }
        return Encoding.UTF8.GetCharCount(bytes[..validPrefix]);
    }
}
