using SnippetCheck.Model;

namespace SnippetCheck.Extraction.Markdown;

/// <summary>
/// Hugo's TOML front matter: <c>+++</c> on the first line, the TOML, <c>+++</c> on a line of its own. Markdig does not
/// know it, so the extractor blanks it (offsets kept) before Markdig reads the file.
/// </summary>
internal static class TomlFrontMatter
{
    /// <param name="End">Offset just past the closing <c>+++</c> line's text.</param>
    internal sealed record Found(FrontMatter FrontMatter, int End);

    public static Found? Find(SourceDocument document)
    {
        var lines = document.Lines;
        if (lines.LineCount < 2 || document.Lines.Text(1).TrimEnd() != "+++") return null;
        for (var line = 2; line <= lines.LineCount; line++)
        {
            if (document.Lines.Text(line).TrimEnd() != "+++") continue;
            var toml = string.Join('\n', Enumerable.Range(2, line - 2).Select(l => document.Lines.Text(l)));
            var end = lines.LineStart(line) + document.Lines.Text(line).Length;
            return new Found(new FrontMatter(toml, new SourceLocation(document.DisplayPath, 1, 1)) { IsToml = true }, end);
        }
        return null;
    }

    /// <summary>The text with the front matter turned into spaces, line breaks kept.</summary>
    public static string Blank(string text, Found? found)
    {
        if (found is null) return text;
        var chars = text.ToCharArray();
        for (var i = 0; i < found.End; i++)
        {
            if (chars[i] is not ('\r' or '\n')) chars[i] = ' ';
        }
        return new string(chars);
    }

}
