using SnippetCheck.Adoption;
using SnippetCheck.Reporting;
using SnippetCheck.Results;

namespace SnippetCheck.Cli;

/// <summary>
/// The console lines of <c>--accept</c>: one per output block, accepted or not, then a count, then how many failures
/// it left, since only a mismatching output block can be rewritten (a compile error or an exception needs the code fixed).
/// </summary>
internal static class AcceptLines
{
    public static void Write(ConsoleWriter console, AcceptOutcome outcome, VerificationReport accepted)
    {
        foreach (var entry in outcome.Entries) console.Write(
            ConsoleLine.Note(entry.Location, entry.Message), entry.Accepted ? ConsoleWriter.Green : ConsoleWriter.Yellow);
        if (outcome.Entries.Count > 0)
        {
            var files = outcome.FilesWritten.Count == 1 ? "1 file" : $"{outcome.FilesWritten.Count} files";
            var refused = outcome.RefusedCount > 0 ? $"; {outcome.RefusedCount} not rewritten" : "";
            console.Write(ConsoleLine.Plain($"--accept: {outcome.AcceptedCount} output " +
                $"{(outcome.AcceptedCount == 1 ? "block" : "blocks")} rewritten in {files}{refused}"));
        }
        // The ones refused above said why; this line is about the failures that were never output mismatches.
        var others = accepted.Failed - outcome.RefusedCount;
        if (others > 0)
        {
            var line = $"--accept: {others} {(others == 1 ? "failure" : "failures")} not accepted: only a mismatching output block can be " +
                $"rewritten; the others need a fix in the code";
            console.Write(ConsoleLine.Plain(line), ConsoleWriter.Yellow);
        }
    }
}
