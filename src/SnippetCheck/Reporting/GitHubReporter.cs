using System.Text;
using SnippetCheck.Model;
using SnippetCheck.Results;

namespace SnippetCheck.Reporting;

/// <summary>
/// GitHub Actions output: an <c>::error</c> workflow command per failure and file error (a <c>::warning</c> per
/// SC warning), which GitHub shows on the pull request's diff, and the Markdown summary appended to the step
/// summary file.
/// </summary>
internal static class GitHubReporter
{
    /// <summary>GitHub's limit on one step's summary file.</summary>
    public const long StepSummaryLimit = 1024 * 1024;

    /// <summary>A diff or stack trace longer than this is cut in an annotation; the reports hold all of it.</summary>
    private const int MaxDetailLines = 50;

    /// <summary>
    /// Writes the annotations to <paramref name="annotations"/> (the step's standard output) and, when
    /// <paramref name="stepSummaryPath"/> is given (<c>$GITHUB_STEP_SUMMARY</c>), appends the summary there.
    /// </summary>
    /// <param name="workspace">
    /// The repository root (<c>$GITHUB_WORKSPACE</c>); annotation paths are made relative to it, so they point at
    /// the right file even when the tool runs in a subfolder. Null: as reported, relative to the run's folder.
    /// </param>
    public static void Write(TextWriter annotations, string? stepSummaryPath, VerificationReport report, Workspace? workspace = null)
    {
        WriteAnnotations(annotations, report, workspace);
        if (!string.IsNullOrEmpty(stepSummaryPath)) AppendStepSummary(stepSummaryPath, report);
    }

    /// <summary>The <c>::error</c> and <c>::warning</c> commands alone (the <c>github</c> report format).</summary>
    public static void WriteAnnotations(TextWriter output, VerificationReport report, Workspace? workspace = null)
    {
        foreach (var error in report.Errors)
        {
            var title = DiagnosticCatalog.Find(error.Id) is { } known ? $"{known.Title} ({error.Id})" : error.Id;
            var file = ReportText.RepoRelative(error.Location.File, workspace);
            output.Write(Command("error", file, ReportText.Line(error), ReportText.Column(error), title, error.Message));
        }
        foreach (var warning in report.Warnings)
        {
            var title = DiagnosticCatalog.Find(warning.Id) is { } known ? $"{known.Title} ({warning.Id})" : warning.Id;
            output.Write(Command(
                warning.Severity == DiagnosticSeverity.Info ? "notice" : "warning", ReportText.RepoRelative(warning.Location.File, workspace),
                warning.Location.Line, warning.Location.Column, title, warning.Message));
        }
        foreach (var result in report.Snippets)
        {
            foreach (var warning in ReportText.ToolWarnings(report, result))
            {
                var title = DiagnosticCatalog.Find(warning.Id) is { } known ? $"{known.Title} ({warning.Id})" : warning.Id;
                output.Write(Command(
                    "warning", ReportText.RepoRelative(warning.Location.File, workspace), warning.Location.Line, warning.Location.Column, title,
                    warning.Message));
            }
            if (result.StaleFinding is { IsError: true } stale)
            {
                var title = DiagnosticCatalog.Find(stale.Id) is { } known ? $"{known.Title} ({stale.Id})" : stale.Id;
                output.Write(Command(
                    "error", ReportText.RepoRelative(stale.Location.File, workspace), stale.Location.Line, stale.Location.Column, title,
                    stale.Message));
            }
            if (result.Status != SnippetStatus.Failed) continue;
            var where = result.FailureLocation;
            var failureTitle = $"{ReportText.Label(result)}: {result.Reason?.ToWord() ?? "failed"} ({result.Code})";
            output.Write(Command(
                "error", ReportText.RepoRelative(where.File, workspace), where.Line, where.Column, failureTitle, AnnotationMessage(result)));
        }
        if (report.FailsForCoverage)
        {
            var title = EscapeProperty($"Coverage below the minimum ({DiagnosticCodes.CoverageBelowMinimum})");
            output.Write($"::error title={title}::{EscapeData(CoverageLine.Message(report))}\n");
        }
        if (report.FailsForNothingVerified)
        {
            var title = EscapeProperty($"Nothing verified ({DiagnosticCodes.NothingVerified})");
            output.Write($"::error title={title}::{EscapeData(NothingVerified.Message(report))}\n");
        }
    }

    /// <summary>
    /// Appends the Markdown summary to the step summary file, cut to fit what is left of GitHub's 1 MiB limit
    /// (other tools in the same step may have written to it first).
    /// </summary>
    public static void AppendStepSummary(string path, VerificationReport report)
    {
        var existing = File.Exists(path) ? new FileInfo(path).Length : 0;
        var separator = existing > 0 ? "\n" : "";
        var room = StepSummaryLimit - existing - separator.Length;
        var summary = MarkdownReportWriter.Render(report, room);
        if (Encoding.UTF8.GetByteCount(summary) > room) return;
        File.AppendAllText(path, separator + summary, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    }

    /// <summary>One workflow command line: <c>::error file=F,line=L,col=C,title=T::message</c>.</summary>
    public static string Command(string command, string file, int line, int column, string title, string message) =>
        $"::{command} file={EscapeProperty(file)},line={line},col={column},title={EscapeProperty(title)}::{EscapeData(message)}\n";

    /// <summary>A command's message, per GitHub's rules: <c>%</c>, CR and LF are percent-encoded.</summary>
    public static string EscapeData(string text) =>
        text.Replace("%", "%25", StringComparison.Ordinal)
            .Replace("\r", "%0D", StringComparison.Ordinal)
            .Replace("\n", "%0A", StringComparison.Ordinal);

    /// <summary>A command's property value: as <see cref="EscapeData"/>, and <c>:</c> and <c>,</c> too.</summary>
    public static string EscapeProperty(string text) =>
        EscapeData(text)
            .Replace(":", "%3A", StringComparison.Ordinal)
            .Replace(",", "%2C", StringComparison.Ordinal);

    /// <summary>
    /// True when a line of <paramref name="text"/> would be read by GitHub's runner as a workflow command: it starts with
    /// <c>::</c> after its leading blanks, or holds the older <c>##[</c> syntax. The runner splits lines at CR as at LF.
    /// </summary>
    public static bool ReadsAsCommand(string text) =>
        text.Split('\n', '\r').Any(
            line => line.TrimStart().StartsWith("::", StringComparison.Ordinal) || line.Contains("##[", StringComparison.Ordinal));

    private static string AnnotationMessage(SnippetResult result)
    {
        if (string.IsNullOrWhiteSpace(result.Detail)) return result.Message ?? "";
        var lines = result.Detail.TrimEnd().ReplaceLineEndings("\n").Split('\n');
        var shown = lines.Length <= MaxDetailLines ? lines
            : [.. lines.Take(MaxDetailLines), $"... ({lines.Length - MaxDetailLines} more lines in the reports)"];
        return $"{result.Message}\n{string.Join('\n', shown)}";
    }
}
