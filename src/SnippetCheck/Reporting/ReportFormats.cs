using SnippetCheck.Verification;

namespace SnippetCheck.Reporting;

/// <summary>Report writers by format name (besides JSON, which has its own writer).</summary>
public static class ReportFormats
{
    public static void Write(string format, Stream stream, VerificationReport report)
    {
        switch (format)
        {
            case "json":
                JsonReportWriter.Write(stream, report);
                break;
            default:
                throw new NotSupportedException($"the '{format}' report is not available yet");
        }
    }
}
