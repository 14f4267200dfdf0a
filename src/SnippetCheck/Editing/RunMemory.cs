using SnippetCheck.Model;
using SnippetCheck.Snippets;
using SnippetCheck.Verification;

namespace SnippetCheck.Editing;

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
        _failures = report.Snippets
            .Where(r => r.Status == SnippetStatus.Failed && r.Reason is not (FailureReason.CompileError or FailureReason.Annotation))
            .GroupBy(r => KeyOf(r.Snippet, report), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    }

    /// <summary>
    /// A compile-only report with each pending block that failed at run time last time, unchanged since, given that
    /// failure again at its new place.
    /// </summary>
    public IReadOnlyList<SnippetResult> Carry(VerificationReport compileOnly) =>
        [.. compileOnly.Snippets.Select(r =>
            PendingRun.Is(r.Verdict) && _failures.TryGetValue(KeyOf(r.Snippet, compileOnly), out var earlier) ? Relocate(earlier, r.Snippet) : r)];

    /// <summary>The failure moved with its block: onto the new output block for a mismatch, else by the block's move.</summary>
    private static SnippetResult Relocate(SnippetResult earlier, Snippet now)
    {
        var failure = ((Verdict.Failed)earlier.Verdict).Failure;
        var old = earlier.Snippet;
        var at = failure.Location == old.Output?.Block.Location && now.Output is { } output
            ? output.Block.Location
            : failure.Location with { Line = failure.Location.Line - old.Location.Line + now.Location.Line, File = now.Location.File };
        var moved = failure switch
        {
            OutputMismatchFailure mismatch => mismatch with { OutputBlock = at, Location = at },
            _ => failure with { Location = at },
        };
        return earlier with { Snippet = now, Verdict = new Verdict.Failed(moved), Diagnostics = now.Annotations };
    }

    /// <summary>
    /// Everything in the document that can change a block's run: its text and tags, its output and stdin, its session's
    /// blocks, and the file's front matter and preludes. Too much in the key only costs a stale failure until the next save.
    /// </summary>
    private static string KeyOf(Snippet snippet, VerificationReport report)
    {
        var text = report.Documents.FirstOrDefault(d => d.DisplayPath == snippet.Location.File)?.Text ?? "";
        var session = snippet.Tags.Session is { } id
            ? report.Snippets.Where(r => r.Location.File == snippet.Location.File && r.Snippet.Tags.Session == id).Select(r => r.Snippet.Tags.Original + "\u0003" + r.Snippet.Block.Content)
            : [];
        return string.Join('\u0001', [snippet.Block.Info, snippet.Tags.Original, snippet.Block.Content,
            snippet.Output?.Text ?? "\u0002", snippet.Stdin?.Content ?? "\u0002", FileContext(text), .. session]);
    }

    /// <summary>The front matter and every <c>snippetcheck:</c> comment (preludes among them), as written.</summary>
    private static string FileContext(string text)
    {
        var parts = new List<string>();
        if (text.StartsWith("---", StringComparison.Ordinal) && text.IndexOf("\n---", 3, StringComparison.Ordinal) is var end and > 0) parts.Add(text[..end]);
        for (var at = text.IndexOf(DocumentWords.CommentMarker, StringComparison.Ordinal); at >= 0; at = text.IndexOf(DocumentWords.CommentMarker, at + 1, StringComparison.Ordinal))
        {
            var close = text.IndexOf("-->", at, StringComparison.Ordinal);
            parts.Add(text[at..(close < 0 ? text.Length : close)]);
        }
        return string.Join('\u0003', parts);
    }
}
