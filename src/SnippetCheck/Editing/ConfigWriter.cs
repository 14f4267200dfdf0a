using System.Text.Json;
using SnippetCheck.Extraction;

namespace SnippetCheck.Editing;

/// <summary>
/// The one writer of snippetcheck.json (adopt's doc-set pins and page models): it adds values to a list of the root
/// object and keeps every other byte of the file (keys it does not own, comments, layout, line endings), through
/// <see cref="DocumentRewriter"/>; it creates the file when there is none. Nothing is written unless the new text reads
/// back as the caller expects. <c>init</c>'s starter (the CLI) is written only where no config is, and <c>outdated
/// --write</c> moves a pin's version in place with <see cref="TextEdit.Rewrite"/>: neither modifies what it does not own.
/// </summary>
internal static class ConfigWriter
{
    /// <summary>Adds <paramref name="values"/> (JSON values, as written) to the root's <paramref name="key"/> list.</summary>
    /// <param name="onePerLine">A created file's layout: each value on a line of its own, or all on the key's line.</param>
    /// <param name="readsBack">Whether the new text, read as config, holds what the caller added.</param>
    /// <param name="what">What the text must read back with, for the refusal (<c>with the pins</c>).</param>
    /// <returns>Null when written; otherwise why not.</returns>
    public static string? AddToList(string path, string displayPath, string key, IReadOnlyList<string> values, bool onePerLine,
        Func<string, bool> readsBack, string what)
    {
        if (values.Count == 0) return null;
        if (!File.Exists(path))
        {
            var text = onePerLine
                ? $"{{\n  \"{key}\": [\n{string.Join(",\n", values.Select(v => "    " + v))}\n  ]\n}}\n"
                : $"{{\n  \"{key}\": [{string.Join(", ", values)}]\n}}\n";
            if (!readsBack(text)) return $"the new config would not read back {what} (please report it)";
            try
            {
                File.WriteAllText(path, text);
                return null;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return $"cannot write {path}: {e.Message}";
            }
        }
        SourceDocument document;
        try
        {
            document = SourceDocument.Load(path, displayPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"cannot read the config file: {e.Message}";
        }
        return DocumentRewriter.Rewrite(document, text => Insert(text, key, values), readsBack,
            $"the config would not read back {what} in \"{key}\"");
    }

    /// <summary>The values at the end of the root's <paramref name="key"/> list, or as that key, first in the root object.</summary>
    internal static string Insert(string text, string key, IReadOnlyList<string> values)
    {
        var lineEnding = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        bool hasKey, hasProperties;
        try
        {
            using var json = JsonDocument.Parse(
                text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            hasKey = json.RootElement.TryGetProperty(key, out _);
            hasProperties = json.RootElement.EnumerateObject().Any();
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return text;
        }
        if (hasKey)
        {
            var open = text.IndexOf('[', text.IndexOf($"\"{key}\"", StringComparison.Ordinal));
            var close = open < 0 ? -1 : text.IndexOf(']', open);
            if (close < 0) return text;
            var inside = text[(open + 1)..close].TrimEnd();
            var separator = inside.Trim().Length == 0 || inside.EndsWith(',') ? "" : ", ";
            var at = open + 1 + inside.Length;
            return text[..at] + separator + string.Join(", ", values) + text[at..];
        }
        var brace = text.IndexOf('{', StringComparison.Ordinal);
        if (brace < 0) return text;
        var list = $"  \"{key}\": [{string.Join(", ", values)}]" + (hasProperties ? "," : "");
        return text[..(brace + 1)] + lineEnding + list + text[(brace + 1)..];
    }
}
