using SnippetCheck.Model;
using SnippetCheck.Results;
using SnippetCheck.Extraction.Snippets;

namespace SnippetCheck.Editor;

/// <summary>
/// What the last full run (on save) found wrong at run time, kept so that the compile-only checks made while typing
/// go on showing it for blocks whose content has not changed. Only failures are carried: a pass always comes from the
/// result cache, never from here, so a compile-only check can never show a pass the CLI would not give.
/// </summary>
public sealed class RunMemory
{
    private Dictionary<string, SnippetResult> _failures = new(StringComparer.Ordinal);

    /// <summary>Remembers a full run's run-time failures (and forgets the rest).</summary>
    public void Remember(VerificationReport report)
    {
        var contexts = FileContexts(report);
        _failures = report.Snippets
            .Where(r => r.Verdict is Verdict.Failed { Failure.Reason: not (FailureReason.CompileError or FailureReason.Annotation) })
            .GroupBy(r => KeyOf(r.Snippet, report, contexts), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    }

    /// <summary>
    /// A compile-only report with each pending block that failed at run time last time, unchanged since, given that
    /// failure again at its new place.
    /// </summary>
    public IReadOnlyList<SnippetResult> Carry(VerificationReport compileOnly)
    {
        var contexts = FileContexts(compileOnly);
        return [.. compileOnly.Snippets.Select(r =>
            r.Verdict is Verdict.Compiled && _failures.TryGetValue(KeyOf(r.Snippet, compileOnly, contexts), out var earlier)
            ? earlier.MovedTo(r.Snippet) : r)];
    }

    /// <summary>
    /// Everything in the document that can change a block's run: its text and tags, its output and stdin, its session's
    /// blocks, and the file's front matter and preludes. Too much in the key only costs a stale failure until the next save.
    /// </summary>
    private static string KeyOf(Snippet snippet, VerificationReport report, IReadOnlyDictionary<string, string> fileContexts)
    {
        var session = snippet.Session is { } id
            ? report.Snippets.Where(r => r.Location.File == snippet.Location.File && r.Snippet.Session == id).Select(
                r => r.Snippet.TagText + "\u0003" + r.Snippet.Content)
            : [];
        return string.Join('\u0001', [snippet.Info, snippet.TagText, snippet.Content,
            snippet.ExpectedText ?? "\u0002", snippet.StdinText ?? "\u0002", fileContexts.GetValueOrDefault(snippet.Location.File, ""),
            .. session]);
    }

    /// <summary>Each document's context (<see cref="VerificationReport.FileContextOf"/>), by the path its snippets report.</summary>
    private static Dictionary<string, string> FileContexts(VerificationReport report) =>
        report.Documents.Select(d => d.DisplayPath).Distinct(StringComparer.Ordinal)
            .ToDictionary(path => path, report.FileContextOf, StringComparer.Ordinal);
}
