using SnippetCheck.Authoring;

namespace SnippetCheck.Cli;

/// <summary>The console lines of <c>--accept</c>: one per output block, accepted or not, then a count.</summary>
internal static class AcceptLines
{
    private const string Green = "\u001b[32m", Yellow = "\u001b[33m", Reset = "\u001b[0m";

    public static void Write(TextWriter output, AcceptOutcome outcome, bool useColor)
    {
        foreach (var entry in outcome.Entries)
        {
            var line = entry.ToString();
            output.WriteLine(useColor ? (entry.Accepted ? Green : Yellow) + line + Reset : line);
        }
        if (outcome.Entries.Count == 0) return;
        var files = outcome.FilesWritten.Count == 1 ? "1 file" : $"{outcome.FilesWritten.Count} files";
        var refused = outcome.RefusedCount > 0 ? $"; {outcome.RefusedCount} not rewritten" : "";
        output.WriteLine($"--accept: {outcome.AcceptedCount} output {(outcome.AcceptedCount == 1 ? "block" : "blocks")} rewritten in {files}{refused}");
    }
}
