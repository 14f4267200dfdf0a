using System.Text.RegularExpressions;
using SnippetCheck.Extraction;
using SnippetCheck.Editing;

namespace SnippetCheck.Outdated;

/// <summary>
/// <c>outdated --write</c>: moves each pin whose every block passes on the newest version, rewriting only the version
/// in the pin's own text (<c>Id@Version</c> of a tag, <c>#:package</c> or the config, the version of <c>#r "nuget: Id, Version"</c>)
/// through <see cref="TextEdit.Rewrite"/>, byte for byte elsewhere, as <c>--accept</c> rewrites. A pin with a failing
/// block is left as it is; its row says why.
/// </summary>
public static class PinWriter
{
    /// <summary>How far after its location a pin's text may stand: a tag's comment or info string, a directive's line.</summary>
    private const int SearchSpan = 4000;

    /// <summary>
    /// Rewrites every movable pin of <paramref name="report"/> and returns it with what was written; paths are relative to
    /// <paramref name="currentDirectory"/>.
    /// </summary>
    public static OutdatedReport Write(OutdatedReport report, string currentDirectory)
    {
        var written = new Dictionary<PinRow, string>();
        foreach (var file in report.Rows.Where(r => r.Movable).GroupBy(r => r.Pin.Location.File, StringComparer.Ordinal))
        {
            var outcome = WriteFile(Path.GetFullPath(file.Key, currentDirectory), file.Key, [.. file]);
            foreach (var row in file) written[row] = outcome ?? $"moved to {row.Newest}";
        }
        return report with { Write = true, Rows = [.. report.Rows.Select(r => written.TryGetValue(r, out var w) ? r with { Written = w } : r)] };
    }

    /// <returns>Null when written; otherwise why not, for every pin of the file.</returns>
    private static string? WriteFile(string fullPath, string displayPath, IReadOnlyList<PinRow> rows)
    {
        SourceDocument document;
        try
        {
            document = SourceDocument.Load(fullPath, displayPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"not moved: cannot read the file: {e.Message}";
        }
        var edits = new List<TextEdit>();
        foreach (var row in rows)
        {
            if (Edit(document, row) is not { } edit) return $"not moved: '{row.Pin.Text}' not found at {row.Pin.Location}";
            edits.Add(edit);
        }
        var problem = TextEdit.Rewrite(document, edits.DistinctBy(e => e.Start),
            text => rows.All(r => text.Contains(r.Newest!, StringComparison.Ordinal)), "the moved versions did not read back");
        return problem is null ? null : $"not moved: {problem}";
    }

    /// <summary>The edit that replaces the pin's version, found at or after its location.</summary>
    private static TextEdit? Edit(SourceDocument document, PinRow row)
    {
        var location = row.Pin.Location;
        var start = location.Line <= document.LineCount ? document.LineStart(location.Line) + Math.Max(0, location.Column - 1) : 0;
        var pattern = new Regex($@"(?<![A-Za-z0-9_.-])(?i:{Regex.Escape(row.Pin.Id)})(?:@"
            + $@"|\s*,\s*)(?<version>{Regex.Escape(row.Pin.Version)})(?![0-9A-Za-z.-])");
        var match = pattern.Match(document.Text, start, Math.Min(SearchSpan, document.Text.Length - start));
        if (!match.Success) return null;
        var version = match.Groups["version"];
        return new TextEdit(version.Index, version.Index + version.Length, row.Newest!);
    }
}
