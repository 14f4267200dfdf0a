using System.Globalization;
using SnippetCheck.Model;
using SnippetCheck.Results;

namespace SnippetCheck.Reporting;

/// <summary>
/// The last line of a run: <c>41 passed, 2 failed, 3 ignored, 17 untagged (63 C# blocks in 12 files) in 2.1s</c>; a
/// framework matrix adds <c>, on net8.0 and net10.0</c> in the brackets. Blocks that passed only at the <c>check</c>
/// level are counted apart, never among the passed: <c>41 passed, 12 checked, 2 failed, ...</c>.
/// </summary>
internal static class SummaryLine
{
    /// <summary>The one-line summary of <paramref name="report"/>.</summary>
    public static string For(VerificationReport report)
    {
        var parts = new List<string> { $"{report.PassedVerified} passed" };
        if (report.Checked > 0) parts.Add($"{report.Checked} checked");
        parts.AddRange([$"{report.Failed} failed", $"{report.Ignored} ignored", $"{report.Untagged} untagged"]);
        if (report.Skipped > 0) parts.Add($"{report.Skipped} skipped");
        if (report.Cached > 0) parts.Add($"{report.Cached} cached");
        // C# blocks in highlight tags (SC1018) are not among the blocks; counting them keeps them from going unnoticed.
        var unverifiable = report.Warnings.Count(w => w.Id == DiagnosticCodes.HighlightBlock);
        if (unverifiable > 0) parts.Add($"{unverifiable} unverifiable");
        if (report.Errors.Count > 0) parts.Add($"{report.Errors.Count} file {(report.Errors.Count == 1 ? "error" : "errors")}");
        var files = report.FileCount == 1 ? "1 file" : $"{report.FileCount} files";
        var seconds = report.Duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
        var blocks = report.Blocks == 1 ? "1 C# block" : $"{report.Blocks} C# blocks";
        // A matrix says what it covered: "(63 C# blocks in 12 files, on net8.0 and net10.0)".
        var frameworks = report.IsMatrix
            ? $", on {string.Join(", ", report.Frameworks.SkipLast(1))}{(report.Frameworks.Count > 1 ? " and " : "")}{report.Frameworks[^1]}" : "";
        return $"{string.Join(", ", parts)} ({blocks} in {files}{frameworks}) in {seconds}s";
    }
}
