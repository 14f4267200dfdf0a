using SnippetCheck.Extraction;
using SnippetCheck.Model;
using SnippetCheck.Results;

namespace SnippetCheck.Editor;

/// <summary>
/// One finding as an editor shows it: a code, a severity, a message and the span it underlines, all in the document's
/// own 1-based lines and UTF-16 columns (<see cref="End"/> is exclusive).
/// </summary>
public sealed record EditorFinding(string Code, DiagnosticSeverity Severity, string Message, SourceLocation Start, SourceLocation End)
{
    /// <summary>The diagnostic's near miss, which a quick fix corrects (<see cref="QuickFixes.NearMiss"/>).</summary>
    public Suggestion? Suggestion { get; init; }
}

/// <summary>
/// Turns a verification report on one document into editor findings: every failure at the place the CLI reports it,
/// the compiler's and the annotations' diagnostics, and the file's errors, each once.
/// </summary>
public static class EditorFindings
{
    /// <summary>How much of a failure's detail (a diff, a stack trace) goes into the message.</summary>
    private const int DetailLines = 12;

    /// <summary>
    /// What an editor shows for one document: each failure, diagnostic and file error of <paramref name="document"/>, with its range.
    /// </summary>
    public static IReadOnlyList<EditorFinding> For(IEnumerable<SnippetResult> results, IEnumerable<Diagnostic> errors, SourceDocument document)
    {
        var findings = new List<EditorFinding>();
        var seen = new HashSet<(string, int, int, string)>();
        void Add(string code, DiagnosticSeverity severity, string message, SourceLocation at, SourceLocation? end = null, Suggestion? suggestion =
            null)
        {
            if (at.File != document.DisplayPath || !seen.Add((code, at.Line, at.Column, message))) return;
            // The compiler's own span when it has one that ends after it starts, on a line of this document.
            var spanEnd = end is { } e && e.File == at.File && (e.Line > at.Line || (e.Line == at.Line && e.Column > at.Column))
                && e.Line <= document.LineCount
                ? e : SpanEnd(document, at);
            findings.Add(new EditorFinding(code, severity, message, at, spanEnd) { Suggestion = suggestion });
        }

        foreach (var result in results)
        {
            foreach (var diagnostic in result.Diagnostics)
            {
                // Warnings of a block that passed stay in the CLI's verbose output; annotations' warnings (foreign attributes) always show.
                if (diagnostic.Severity == DiagnosticSeverity.Warning && !diagnostic.Id.StartsWith("SC", StringComparison.Ordinal)
                    && result.Verdict is not Verdict.Failed) continue;
                Add(diagnostic.Id, diagnostic.Severity, diagnostic.Message, diagnostic.Location, diagnostic.End, diagnostic.Suggestion);
            }
            // A compile error or an annotation failure is one of the diagnostics above; any other failure is a finding of its own.
            if (result.Verdict is Verdict.Failed { Failure: var failure }
                && !result.Diagnostics.Any(d => d.Id == failure.Code && d.Location == failure.Location))
                Add(failure.Code, DiagnosticSeverity.Error, WithDetail(failure.Message, failure.Detail), failure.Location);
        }
        foreach (var error in errors)
            Add(error.Id, DiagnosticSeverity.Error, error.Message,
                new SourceLocation(error.Location.File, Math.Max(1, error.Location.Line), Math.Max(1, error.Location.Column)));
        return findings;
    }

    /// <summary>
    /// The SC2016 warnings of the untagged blocks of <paramref name="results"/> whose code has evidence of rot in
    /// <paramref name="rot"/> (keyed by the block's code, found on an earlier text): each moved with its block.
    /// </summary>
    public static IReadOnlyList<EditorFinding> ForRot(
        IEnumerable<SnippetResult> results, IReadOnlyDictionary<string, SuspectedRot> rot, SourceDocument document)
    {
        var findings = new List<EditorFinding>();
        foreach (var result in results.Where(r => r.Verdict is Verdict.Untagged))
        {
            if (!rot.TryGetValue(result.Snippet.Content, out var found) || found.Block is not { } block) continue;
            var at = found.Location with { File = result.Location.File, Line = found.Location.Line + result.Location.Line - block.Line };
            if (at.Line > document.LineCount) continue;
            findings.Add(new EditorFinding(found.Code, DiagnosticSeverity.Warning, found.Warning, at, SpanEnd(document, at)));
        }
        return findings;
    }

    private static string WithDetail(string message, string? detail)
    {
        if (string.IsNullOrWhiteSpace(detail)) return message;
        var lines = detail.Split('\n');
        var shown = string.Join('\n', lines.Take(DetailLines));
        return lines.Length > DetailLines ? $"{message}\n{shown}\n… ({lines.Length - DetailLines} more lines)" : $"{message}\n{shown}";
    }

    /// <summary>The length of a 1-based line's text, without its line ending.</summary>
    public static int LineLength(SourceDocument document, int line) => document.LineText(line).Length;

    /// <summary>
    /// Where the underline ends when the compiler gave no span (the tool's own findings): over the word at the start (an identifier the compiler
    /// names), else to the end of
    /// the line's text (a fence line, whose tags an annotation finding is about), at least one character when the line has one.
    /// </summary>
    internal static SourceLocation SpanEnd(SourceDocument document, SourceLocation start)
    {
        var line = document.LineText(start.Line);
        var from = Math.Min(start.Column - 1, line.Length);
        var end = from;
        while (end < line.Length && (char.IsLetterOrDigit(line[end]) || line[end] == '_')) end++;
        if (end == from) end = line.TrimEnd().Length > from ? line.TrimEnd().Length : Math.Min(from + 1, line.Length);
        return start with { Column = end + 1 };
    }
}
