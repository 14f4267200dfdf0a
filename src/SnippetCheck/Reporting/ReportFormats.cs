using System.Text;
using SnippetCheck.Model;
using SnippetCheck.Verification;

namespace SnippetCheck.Reporting;

/// <summary>The report writers by format name, as <c>--report FORMAT[=PATH]</c> names them.</summary>
public static class ReportFormats
{
    private static readonly Dictionary<string, Action<Stream, VerificationReport>> Writers = new(StringComparer.Ordinal)
    {
        ["json"] = JsonReportWriter.Write,
        ["junit"] = JUnitReportWriter.Write,
        ["sarif"] = SarifReportWriter.Write,
        ["markdown"] = MarkdownReportWriter.Write,
        // Annotations only: the step summary is written by GitHubReporter.Write, which the CLI calls on Actions.
        ["github"] = WriteGitHubAnnotations,
    };

    /// <summary>Every format name, in the order the help text lists them.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Writers.Keys];

    public static bool IsKnown(string format) => Writers.ContainsKey(format);

    /// <summary>Writes <paramref name="report"/> to <paramref name="stream"/> (UTF-8, no BOM) in the named format.</summary>
    public static void Write(string format, Stream stream, VerificationReport report)
    {
        if (!Writers.TryGetValue(format, out var write))
            throw new ArgumentException($"'{format}' is not a report format (use {string.Join(", ", Names)})", nameof(format));
        write(stream, report);
    }

    private static void WriteGitHubAnnotations(Stream stream, VerificationReport report)
    {
        using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), leaveOpen: true);
        GitHubReporter.WriteAnnotations(writer, report);
    }
}
