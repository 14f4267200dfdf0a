using System.Text;
using SnippetCheck.Extraction;
using SnippetCheck.Caching.Store;

namespace SnippetCheck.Editing;

/// <summary>
/// The one way a document is written back (<c>--accept</c>, <c>adopt --write</c>): the file must still be the bytes
/// that were verified, the edited text must read back as intended, and the new bytes (strict UTF-8, the BOM kept as
/// it was) replace the old all at once. Every byte outside the edits stays as it was.
/// </summary>
internal static class DocumentRewriter
{
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Applies <paramref name="edit"/> to the document's current text and writes the result when
    /// <paramref name="readsBack"/> accepts it.
    /// </summary>
    /// <param name="readBackProblem">Why not, when <paramref name="readsBack"/> refuses the text (a bug to report).</param>
    /// <returns>Null when written; otherwise why not.</returns>
    public static string? Rewrite(SourceDocument document, Func<string, string> edit, Func<string, bool> readsBack, string readBackProblem)
    {
        string? current;
        try
        {
            current = ReadIfUnchanged(document, out var problem);
            if (current is null) return problem;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"cannot read the file: {e.Message}";
        }

        var rewritten = edit(current);
        if (!readsBack(rewritten)) return readBackProblem;

        var text = StrictUtf8.GetBytes(rewritten);
        try
        {
            StoreFile.Replace(document.FullPath, document.HasBom ? [.. Utf8Bom, .. text] : text, NamedFrom(document));
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"cannot write the file: {e.Message}";
        }
    }

    /// <summary>
    /// The folder the document was named from: the run's folder when the document is below it (its display path is
    /// relative), else the file system's root; no folder between it and the file may be a link (<see cref="StoreFile.Replace"/>).
    /// </summary>
    private static string NamedFrom(SourceDocument document) =>
        !Path.IsPathRooted(document.DisplayPath)
        && document.FullPath.EndsWith(Path.DirectorySeparatorChar + document.DisplayPath, StringComparison.Ordinal)
            ? document.FullPath[..^(document.DisplayPath.Length + 1)]
            : Path.GetPathRoot(document.FullPath)!;

    /// <summary>The file's text if its bytes are exactly those that were verified; else null and why.</summary>
    private static string? ReadIfUnchanged(SourceDocument document, out string? problem)
    {
        var bytes = File.ReadAllBytes(document.FullPath);
        var hasBom = bytes.AsSpan().StartsWith(Utf8Bom);
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes, hasBom ? 3 : 0, bytes.Length - (hasBom ? 3 : 0));
        }
        catch (DecoderFallbackException)
        {
            // Invalid bytes were read as U+FFFD; writing the text back would change them.
            problem = "the file is not valid UTF-8, so it cannot be rewritten byte for byte";
            return null;
        }
        // Valid UTF-8 decodes one way only, so equal text and BOM mean equal bytes.
        if (hasBom != document.HasBom || !string.Equals(text, document.Text, StringComparison.Ordinal))
        {
            problem = "the file changed since it was verified; run again to accept";
            return null;
        }
        problem = null;
        return text;
    }
}
