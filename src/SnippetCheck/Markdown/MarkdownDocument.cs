using System.Text;

namespace SnippetCheck.Markdown;

/// <summary>A Markdown file as read from disk: its text and what is needed to write it back byte for byte.</summary>
public sealed class MarkdownDocument
{
    private MarkdownDocument(string fullPath, string displayPath, string text, Encoding encoding, bool hasBom)
    {
        FullPath = fullPath;
        DisplayPath = displayPath;
        Text = text;
        Encoding = encoding;
        HasBom = hasBom;
        Lines = new LineMap(text);
    }

    public string FullPath { get; }

    /// <summary>The path users see in every message: relative to the current directory when below it.</summary>
    public string DisplayPath { get; }

    /// <summary>The text without its byte order mark; line endings untouched.</summary>
    public string Text { get; }

    public Encoding Encoding { get; }

    public bool HasBom { get; }

    public LineMap Lines { get; }

    public static MarkdownDocument Load(string fullPath, string displayPath)
    {
        var bytes = File.ReadAllBytes(fullPath);
        return FromBytes(fullPath, displayPath, bytes);
    }

    public static MarkdownDocument FromText(string displayPath, string text) =>
        new(Path.GetFullPath(displayPath), displayPath, text, new UTF8Encoding(false), hasBom: false);

    public static MarkdownDocument FromBytes(string fullPath, string displayPath, byte[] bytes)
    {
        var hasBom = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF;
        var offset = hasBom ? 3 : 0;
        // Invalid UTF-8 becomes U+FFFD instead of an exception, so one bad byte never hides a whole file.
        var text = new UTF8Encoding(false, throwOnInvalidBytes: false).GetString(bytes, offset, bytes.Length - offset);
        return new MarkdownDocument(fullPath, displayPath, text, new UTF8Encoding(hasBom), hasBom);
    }
}
