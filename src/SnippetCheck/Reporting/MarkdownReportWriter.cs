using SnippetCheck.Extraction.Markdown;
using System.Globalization;
using System.Net;
using System.Text;
using SnippetCheck.Model;
using SnippetCheck.Results;

namespace SnippetCheck.Reporting;

/// <summary>
/// The Markdown report: a summary table, a table of failures, one of suspected rot (<c>verify --all</c>) and one of
/// file errors, then each failure's detail (diff, stack trace, compiler errors) folded away. GitHub's step summary is this report.
/// </summary>
internal static class MarkdownReportWriter
{
    /// <summary>Room kept for the truncation note, so adding it never breaks the budget.</summary>
    private const int NoteReserve = 600;

    public static void Write(Stream stream, VerificationReport report)
    {
        using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), leaveOpen: true);
        Write(writer, report);
    }

    public static void Write(TextWriter writer, VerificationReport report) => writer.Write(Render(report));

    /// <summary>
    /// The report as text of at most <paramref name="maxBytes"/> UTF-8 bytes. When it does not fit, whole rows and
    /// detail sections are left off the end and a note says so; the summary table is always kept.
    /// </summary>
    public static string Render(VerificationReport report, long maxBytes = long.MaxValue)
    {
        var failures = report.Snippets.Where(s => s.Status == SnippetStatus.Failed).ToList();
        var details = failures.Where(f => !string.IsNullOrWhiteSpace(f.Detail)).ToList();
        var chunks = new List<Chunk> { new(Header(report), ChunkKind.Essential) };

        if (failures.Count > 0)
        {
            chunks.Add(new("### Failures\n\n| Where | Snippet | Reason | Message |\n| --- | --- | --- | --- |\n", ChunkKind.Heading));
            chunks.AddRange(failures.Select(f => new Chunk(FailureRow(f), ChunkKind.Failure)));
            chunks.Add(new("\n", ChunkKind.Heading));
        }
        // verify --all: the untagged blocks that look broken rather than incomplete (SC2016), as adopt lists them.
        var rot = report.Snippets.SelectMany(r => ReportText.RotWarning(report, r)).ToList();
        if (rot.Count > 0)
        {
            chunks.Add(new("### Suspected rot\n\n| Where | Why |\n| --- | --- |\n", ChunkKind.Heading));
            chunks.AddRange(rot.Select(
                r => new Chunk($"| {Escape($"{r.Location.File}:{r.Location.Line}")} | {Escape(r.Message)} |\n", ChunkKind.Rot)));
            chunks.Add(new("\n", ChunkKind.Heading));
        }
        if (report.Errors.Count > 0)
        {
            chunks.Add(new("### File errors\n\n| Where | Code | Message |\n| --- | --- | --- |\n", ChunkKind.Heading));
            chunks.AddRange(report.Errors.Select(e => new Chunk(ErrorRow(e), ChunkKind.Error)));
            chunks.Add(new("\n", ChunkKind.Heading));
        }
        if (details.Count > 0)
        {
            chunks.Add(new("### Details\n\n", ChunkKind.Heading));
            chunks.AddRange(details.Select(d => new Chunk(DetailSection(d), ChunkKind.Detail)));
        }

        var text = new StringBuilder();
        long used = 0;
        var budget = maxBytes == long.MaxValue ? long.MaxValue : maxBytes - NoteReserve;
        var shown = new Dictionary<ChunkKind, int>();
        foreach (var chunk in chunks)
        {
            var size = Encoding.UTF8.GetByteCount(chunk.Text);
            if (chunk.Kind != ChunkKind.Essential && used + size > budget)
            {
                text.Append(TruncationNote(
                    shown.GetValueOrDefault(ChunkKind.Failure), failures.Count,
                    shown.GetValueOrDefault(ChunkKind.Error), report.Errors.Count,
                    shown.GetValueOrDefault(ChunkKind.Detail), details.Count));
                break;
            }
            text.Append(chunk.Text);
            used += size;
            shown[chunk.Kind] = shown.GetValueOrDefault(chunk.Kind) + 1;
        }
        return text.ToString();
    }

    private enum ChunkKind { Essential, Heading, Failure, Rot, Error, Detail }

    private sealed record Chunk(string Text, ChunkKind Kind);

    private static string Header(VerificationReport report)
    {
        var icon = report.Succeeded ? "✅" : "❌";
        var seconds = report.Duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + "s";
        var checkedCell = report.Checked > 0 ? $" {report.Checked} |" : "";
        var rest = $"{report.Untagged} | {report.Skipped} | {report.Cached} | {report.Errors.Count}";
        return $"""
            ## SnippetCheck

            {icon} **{Escape(SummaryLine.For(report))}**

            {Escape(CoverageLine.For(report))}{(report.FailsForCoverage ? $" ❌ {Escape(CoverageLine.Message(report))}" : "")}

            | Passed |{(report.Checked > 0 ? " Checked |" : "")} Failed | Ignored | Untagged | Skipped | Cached | File errors | Duration |
            | ---: |{(report.Checked > 0 ? " ---: |" : "")} ---: | ---: | ---: | ---: | ---: | ---: | ---: |
            | {report.PassedVerified} |{checkedCell} {report.Failed} | {report.Ignored} | {rest} | {seconds} |


            """.ReplaceLineEndings("\n");
    }

    private static string FailureRow(SnippetResult result)
    {
        var where = result.FailureLocation;
        var reason = $"{result.Reason?.ToWord() ?? "failed"} ({result.Code})";
        return $"| {Escape($"{where.File}:{where.Line}")} | {Escape(ReportText.Label(result))} | {Escape(reason)} | " +
            $"{Escape(result.Message ?? "")} |\n";
    }

    private static string ErrorRow(Diagnostic error) =>
        $"| {Escape($"{error.Location.File}:{ReportText.Line(error)}")} | {error.Id} | {Escape(error.Message)} |\n";

    private static string DetailSection(SnippetResult result)
    {
        var where = result.FailureLocation;
        var title = $"{where.File}:{where.Line} {ReportText.Label(result)}: {result.Reason?.ToWord()}";
        var detail = result.Detail!.TrimEnd();
        var fence = new string('`', Math.Max(3, Fences.LongestRun(detail, '`') + 1));
        var language = result.Reason == FailureReason.OutputMismatch ? "diff" : "text";
        return $"<details><summary>{WebUtility.HtmlEncode(title)}</summary>\n\n{fence}{language}\n{detail}\n{fence}\n\n</details>\n\n";
    }

    private static string TruncationNote(int failures, int allFailures, int errors, int allErrors, int details, int allDetails) =>
        $"\n> [!WARNING]\n> This summary was truncated to stay within GitHub's 1 MiB step summary limit: it shows " +
        $"{failures} of {allFailures} failures, {errors} of {allErrors} file errors and {details} of {allDetails} details. " +
        "The JSON, JUnit and SARIF reports (`--report`) hold every result.\n";


    /// <summary>
    /// Text for one table cell: Markdown punctuation backslash-escaped (so <c>|</c> cannot end the cell and
    /// <c>&lt;T&gt;</c> is not read as HTML), line breaks as <c>&lt;br&gt;</c>.
    /// </summary>
    internal static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.ReplaceLineEndings("\n").TrimEnd('\n'))
        {
            if (c == '\n') builder.Append("<br>");
            else if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '|' or '<' or '>' or '&' or '~') builder.Append('\\').Append(c);
            else builder.Append(c);
        }
        return builder.ToString();
    }
}
