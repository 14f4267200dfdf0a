using SnippetCheck.Model;
using SnippetCheck.Results;
using SnippetCheck.Extraction.Snippets;

namespace SnippetCheck.Reporting;

/// <summary>
/// Writes failures in the MSBuild canonical form (<c>path(line,col): error CODE: message</c>), each with its
/// detail indented below, then the summary line. Colour only when asked (a terminal, no CI).
/// </summary>
internal sealed class ConsoleReporter(ConsoleWriter console, bool verbose)
{
    private const string Red = ConsoleWriter.Red, Green = ConsoleWriter.Green, Yellow = ConsoleWriter.Yellow, Dim = ConsoleWriter.Dim;

    /// <summary>Writes a run's findings, then its summary (every block, with <c>--verbose</c>).</summary>
    public void Write(VerificationReport report)
    {
        foreach (var error in report.Errors) WriteLine(ConsoleLine.OfFileError(error), Red);
        foreach (var warning in report.Warnings) WriteLine(ConsoleLine.Of(warning), warning.Severity == DiagnosticSeverity.Info ? Dim : Yellow);
        // The blocks of a session skipped for one reason (it did not compile) make one line, not one each.
        var skippedTogether = report.Snippets
            .Where(r => r.Status == SnippetStatus.Skipped && r.Snippet.Tags.Session is not null)
            .GroupBy(r => (r.Location.File, r.Snippet.Tags.Session, r.Message))
            .Where(g => g.Count() > 1)
            .ToList();
        var firstOfGroup = skippedTogether.ToDictionary(g => g.First(), g => g.Count());
        var restOfGroup = skippedTogether.SelectMany(g => g.Skip(1)).ToHashSet();
        foreach (var result in report.Snippets)
        {
            foreach (var warning in result.Diagnostics.Where(
                d => d.Severity == DiagnosticSeverity.Warning && (verbose || d.Id.StartsWith("SC", StringComparison.Ordinal))
                || verbose && d.Severity == DiagnosticSeverity.Info && d.Id == DiagnosticCodes.ForeignAttribute))
            {
                WriteLine(ConsoleLine.Of(warning), Yellow);
            }
            if (result.StaleFinding is { IsError: true } stale) WriteLine(ConsoleLine.Of(stale), Red);
            if (result.Status == SnippetStatus.Failed) WriteFailure(result);
            // A skipped block is counted in the summary; the reader needs to know why without -v.
            else if (!verbose && firstOfGroup.TryGetValue(result, out var count))
                WriteLine(ConsoleLine.Note(
                    result.Location, $"skipped {count} blocks of session " +
                    $"'{result.Snippet.Tags.Session}'{(result.Message is null ? "" : ": " + result.Message)}"), Dim);
            else if (!verbose && restOfGroup.Contains(result))
                continue;
            else if (result.Verdict is Verdict.Checked { Message: var checkedMessage } && verbose)
                WriteLine(ConsoleLine.Note(result.Location, checkedMessage), Dim);
            else if (verbose || result.Status == SnippetStatus.Skipped)
                WriteLine(ConsoleLine.Note(
                    result.Location, $"{result.Status.ToWord()} {result.Kind.ToTag()}{(result.Message is null ? "" : ": " + result.Message)}"), Dim);
        }
        if (report.Failed > FailureDigest.Threshold)
        {
            foreach (var line in FailureDigest.Of(report.Snippets).Lines()) WriteLine(ConsoleLine.Plain(line), null);
        }
        if (report.FailsForNothingVerified) WriteLine(NothingVerified.Error(report), Red);
        if (report.FailsForCoverage) WriteLine(CoverageLine.Error(report), Red);
        // Worth a line when some C# goes unverified, or a gate is set; a run that verified every block says so in its summary.
        if (report.Blocks > 0
            && (report.Verified < report.Blocks || report.MinCoverage is not null || report.MinCheckCoverage is not null)) WriteLine(
                ConsoleLine.Plain(CoverageLine.For(report)), null);
        var summary = SummaryLine.For(report);
        WriteLine(ConsoleLine.Plain(summary), report.Succeeded ? Green : Red);
        if (NothingVerified.Hint(report) is { } hint) WriteLine(ConsoleLine.Plain(hint), Yellow);
    }

    private void WriteFailure(SnippetResult result)
    {
        var where = result.FailureLocation;
        // A matrix names the frameworks where the code goes: "error CS0117 on net8.0 (passes on net10.0): ...".
        var notes = string.Join(' ', new[] { result.FrameworkNote, result.PackageNote }.OfType<string>());
        var headline = ConsoleLine.Error(
            where, result.Code, $"{result.Verdict.Message} [{result.Reason!.Value.ToWord()}]") with { CodeNote = notes.Length > 0 ? notes : null };
        WriteLine(headline, Red);
        if (string.IsNullOrWhiteSpace(result.Detail)) return;
        foreach (var line in result.Detail.Split('\n'))
        {
            var color = result.Reason == FailureReason.OutputMismatch
                ? line.StartsWith("- ", StringComparison.Ordinal) ? Red : line.StartsWith("+ ", StringComparison.Ordinal) ? Green : null
                : Dim;
            WriteLine(ConsoleLine.Detail("    " + line), color);
        }
        if (result.Reason == FailureReason.OutputMismatch) WriteLine(
            ConsoleLine.Detail("    (- expected, + actual; --accept updates the output block)"), Dim);
    }

    private void WriteLine(ConsoleLine line, string? color) => console.Write(line, color);
}
