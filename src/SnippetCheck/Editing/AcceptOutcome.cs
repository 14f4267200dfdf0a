using SnippetCheck.Extraction;
using SnippetCheck.Model;
using SnippetCheck.Reporting;
using SnippetCheck.Results;

namespace SnippetCheck.Editing;

/// <summary>What <c>--accept</c> did with one output block.</summary>
/// <param name="Location">The output block's opening fence, in the file as it was verified.</param>
/// <param name="Result">The failed snippet the output block belongs to.</param>
/// <param name="Accepted">True when the block now holds the actual output; false when it was left alone.</param>
/// <param name="Message">What happened, for the console: <c>accepted output for …</c> or <c>not rewritten: …</c>.</param>
internal sealed record AcceptEntry(SourceLocation Location, SnippetResult Result, bool Accepted, string Message)
{
    /// <summary><c>path(line,col): message</c>, the form every console line of the tool has.</summary>
    public override string ToString() => $"{Location}: {Message}";
}

/// <summary>
/// Everything one <c>--accept</c> pass did, one entry per output-mismatch failure, in report order; and the pass itself
/// (<see cref="Accept"/>) and an editor's single accept (<see cref="PlanEdits"/>), both <see cref="OutputAcceptor"/>'s.
/// </summary>
public sealed record AcceptOutcome
{
    /// <summary>Rewrites the output blocks of the report's output-mismatch failures, file by file, each file atomically.</summary>
    public static AcceptOutcome Accept(VerificationReport report) => OutputAcceptor.Accept(report);

    /// <summary>
    /// The edits that accept one <c>output-mismatch</c> result in the document's text, without writing anything: the text
    /// after them is byte for byte what <see cref="Accept"/> would write. Null, and why not, when it cannot.
    /// </summary>
    public static IReadOnlyList<TextEdit>? PlanEdits(SourceDocument document, SnippetResult result, out string? refusal) =>
        OutputAcceptor.PlanEdits(document, result, out refusal);

    internal AcceptOutcome(IReadOnlyList<AcceptEntry> entries, IReadOnlyList<string> filesWritten)
    {
        Entries = entries;
        FilesWritten = filesWritten;
    }

    /// <summary>One entry per output-mismatch failure, accepted or not, in report order.</summary>
    internal IReadOnlyList<AcceptEntry> Entries { get; init; }

    /// <summary>The files rewritten.</summary>
    public IReadOnlyList<string> FilesWritten { get; init; }

    internal static readonly AcceptOutcome Nothing = new([], []);

    /// <summary>Output blocks that now hold the actual output.</summary>
    public int AcceptedCount => Entries.Count(e => e.Accepted);

    /// <summary>Failures left alone, each with its reason in <see cref="Entries"/>.</summary>
    public int RefusedCount => Entries.Count(e => !e.Accepted);

    /// <summary>
    /// The report as it stands after accepting: a snippet whose output block now holds its actual output
    /// counts as passed. Every other verdict, and the locations (those of the files as verified), stay.
    /// </summary>
    public VerificationReport Apply(VerificationReport report)
    {
        // A matrix block with several output blocks passes once every one of them was accepted.
        var accepted = Entries.Where(e => e.Accepted).Select(e => e.Result)
            .Except(Entries.Where(e => !e.Accepted).Select(e => e.Result), ReferenceEqualityComparer.Instance)
            .ToHashSet(ReferenceEqualityComparer.Instance);
        if (accepted.Count == 0) return report;
        return report with
        {
            Snippets = [.. report.Snippets.Select(r => accepted.Contains(r)
                ? r with { Verdict = new Verdict.Passed("output accepted") }
                : r)],
        };
    }

    /// <summary>
    /// The console lines of <c>--accept</c>: one per output block, accepted or not, then a count, then how many failures
    /// it left, since only a mismatching output block can be rewritten (a compile error or an exception needs the code fixed).
    /// </summary>
    public void WriteLines(ConsoleWriter console, VerificationReport accepted)
    {
        foreach (var entry in Entries) console.Write(
            ConsoleLine.Note(entry.Location, entry.Message), entry.Accepted ? ConsoleWriter.Green : ConsoleWriter.Yellow);
        if (Entries.Count > 0)
        {
            var files = FilesWritten.Count == 1 ? "1 file" : $"{FilesWritten.Count} files";
            var refused = RefusedCount > 0 ? $"; {RefusedCount} not rewritten" : "";
            console.Write(ConsoleLine.Plain($"--accept: {AcceptedCount} output " +
                $"{(AcceptedCount == 1 ? "block" : "blocks")} rewritten in {files}{refused}"));
        }
        // The ones refused above said why; this line is about the failures that were never output mismatches.
        var others = accepted.Failed - RefusedCount;
        if (others > 0)
        {
            var line = $"--accept: {others} {(others == 1 ? "failure" : "failures")} not accepted: only a mismatching output block can be " +
                $"rewritten; the others need a fix in the code";
            console.Write(ConsoleLine.Plain(line), ConsoleWriter.Yellow);
        }
    }
}
