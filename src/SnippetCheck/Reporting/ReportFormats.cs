using System.Text;
using SnippetCheck.Programs;
using SnippetCheck.Model;
using SnippetCheck.Results;

namespace SnippetCheck.Reporting;

/// <summary>
/// The one place that says which writer handles which <c>--report</c> format, for <c>verify</c> and for
/// <c>list</c>, and which names the command line accepts.
/// </summary>
internal static class ReportFormats
{
    private delegate void BlocksWriter(Stream stream, IReadOnlyList<PreparedDocument> documents, IReadOnlyList<Diagnostic> errors);

    /// <param name="Blocks">The writer of <c>list</c>'s report, or null when <c>list</c> cannot write this format.</param>
    private sealed record Writer(ReportFormat Format, string Name, Action<Stream, VerificationReport> Verdicts, BlocksWriter? Blocks);

    // In the order the help text and error messages list them.
    private static readonly Writer[] Writers =
    [
        new(ReportFormat.Json, "json", JsonReportWriter.Write, ListReport.WriteJson),
        new(ReportFormat.JUnit, "junit", JUnitReportWriter.Write, null),
        new(ReportFormat.Sarif, "sarif", SarifReportWriter.Write, null),
        // Annotations only: on GitHub Actions the step summary comes with the run's CI output (ReportSet).
        new(ReportFormat.GitHub, "github", WriteGitHubAnnotations, null),
        new(ReportFormat.Markdown, "markdown", MarkdownReportWriter.Write, null),
    ];

    /// <summary>Every format name, in the order the help text lists them.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Writers.Select(w => w.Name)];

    /// <summary>The format's name on the command line (<c>junit</c>).</summary>
    public static string Name(ReportFormat format) => Find(format).Name;

    /// <summary>A format by its name on the command line, in any case.</summary>
    public static bool TryParse(string name, out ReportFormat format)
    {
        var writer = Writers.FirstOrDefault(w => string.Equals(w.Name, name, StringComparison.OrdinalIgnoreCase));
        format = writer?.Format ?? default;
        return writer is not null;
    }

    /// <summary>Writes a verify run's <paramref name="report"/> to <paramref name="stream"/> (UTF-8, no BOM) in the format.</summary>
    public static void Write(ReportFormat format, Stream stream, VerificationReport report) => Find(format).Verdicts(stream, report);

    /// <summary>Null when <c>list</c> can write the format; otherwise the error that says why not.</summary>
    public static string? ListRefusal(ReportFormat format) => Find(format).Blocks is null ? JsonOnlyRefusal("list", format) : null;

    /// <summary>Why <paramref name="command"/>, which writes json reports alone (list, adopt, outdated), refuses <paramref name="format"/>.</summary>
    public static string? JsonOnlyRefusal(string command, ReportFormat format) => format == ReportFormat.Json
        ? null
        : $"{command} writes only json reports, not {Name(format)} ('--report {Name(format)}' is for verify)";

    /// <summary>Writes what <c>list</c> found (the blocks and file errors) in the format; see <see cref="ListRefusal"/>.</summary>
    internal static void WriteBlocks(ReportFormat format, Stream stream, IReadOnlyList<PreparedDocument> documents, IReadOnlyList<Diagnostic> errors)
    {
        var write = Find(format).Blocks ?? throw new ArgumentException(ListRefusal(format), nameof(format));
        write(stream, documents, errors);
    }

    private static Writer Find(ReportFormat format) =>
        Writers.FirstOrDefault(w => w.Format == format) ?? throw new ArgumentOutOfRangeException(nameof(format), format, "not a report format");

    private static void WriteGitHubAnnotations(Stream stream, VerificationReport report)
    {
        using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), leaveOpen: true);
        GitHubReporter.WriteAnnotations(writer, report);
    }
}
