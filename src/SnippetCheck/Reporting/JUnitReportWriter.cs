using System.Text;
using System.Xml;
using SnippetCheck.Model;
using SnippetCheck.Results;

namespace SnippetCheck.Reporting;

/// <summary>
/// The JUnit XML report, in the common shape GitLab, Azure DevOps and the GitHub JUnit actions read:
/// <c>testsuites</c> → one <c>testsuite</c> per Markdown file → one <c>testcase</c> per verified snippet, and one per test
/// method (each data row apart) of a block of tests, named <c>block › test</c>.
/// </summary>
/// <remarks>
/// Passed, failed, ignored and skipped snippets are test cases (ignored and skipped ones as <c>&lt;skipped/&gt;</c>);
/// untagged blocks are not, since nothing was tested. A file error (an orphan output block) is a test case of its
/// file with an <c>&lt;error&gt;</c>, so a run that fails only on file errors still shows red.
/// </remarks>
internal static class JUnitReportWriter
{
    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
        NewLineChars = "\n",
    };

    public static void Write(Stream stream, VerificationReport report)
    {
        using var xml = XmlWriter.Create(stream, Settings);
        var suites = Suites(report);
        xml.WriteStartDocument();
        xml.WriteStartElement("testsuites");
        xml.WriteAttributeString("name", "snippetcheck");
        WriteCounts(xml, suites.SelectMany(s => s.Cases).ToList(), report.Duration);
        foreach (var suite in suites) WriteSuite(xml, suite);
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    private sealed record Suite(string File, IReadOnlyList<Case> Cases);

    /// <summary>One test case: a verified snippet or a file error.</summary>
    private sealed record Case(SnippetResult? Snippet, Diagnostic? Error, TestResult? Test = null)
    {
        public TimeSpan Duration => Test?.Duration ?? Snippet?.Duration ?? TimeSpan.Zero;
        public bool IsFailure => Test is not null ? Test.Status == TestStatus.Failed : Snippet?.Status == SnippetStatus.Failed;
        public bool IsError => Error is not null;
        public bool IsSkipped => Test is not null ? Test.Status == TestStatus.Skipped
            : Snippet?.Status is SnippetStatus.Ignored or SnippetStatus.Skipped;
        public int Line => Snippet?.Location.Line ?? ReportText.Line(Error!);
    }

    private static List<Suite> Suites(VerificationReport report)
    {
        var cases = report.Snippets
            .Where(s => s.Status != SnippetStatus.Untagged)
            .SelectMany(s => s.Tests.Select(t => new Case(s, null, t)).Prepend(new Case(s, null)).Select(c => (File: s.Location.File, Case: c)))
            .Concat(report.Errors.Select(e => (File: e.Location.File, Case: new Case(null, e))));
        return [.. cases
            .GroupBy(c => c.File, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new Suite(g.Key, [.. g.Select(c => c.Case).OrderBy(c => c.Line)]))];
    }

    private static void WriteCounts(XmlWriter xml, IReadOnlyList<Case> cases, TimeSpan duration)
    {
        xml.WriteAttributeString("tests", cases.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        xml.WriteAttributeString("failures", Count(cases, c => c.IsFailure));
        xml.WriteAttributeString("errors", Count(cases, c => c.IsError));
        xml.WriteAttributeString("skipped", Count(cases, c => c.IsSkipped));
        xml.WriteAttributeString("time", ReportText.Seconds(duration));
    }

    private static string Count(IReadOnlyList<Case> cases, Func<Case, bool> predicate) =>
        cases.Count(predicate).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static void WriteSuite(XmlWriter xml, Suite suite)
    {
        xml.WriteStartElement("testsuite");
        xml.WriteAttributeString("name", Clean(suite.File));
        WriteCounts(xml, suite.Cases, suite.Cases.Aggregate(TimeSpan.Zero, (sum, c) => sum + c.Duration));
        xml.WriteAttributeString("file", Clean(suite.File));
        foreach (var @case in suite.Cases)
        {
            if (@case is { Snippet: { } tested, Test: { } test }) WriteTest(xml, suite.File, tested, test);
            else if (@case.Snippet is { } snippet) WriteSnippet(xml, suite.File, snippet);
            else WriteFileError(xml, suite.File, @case.Error!);
        }
        xml.WriteEndElement();
    }

    private static void WriteSnippet(XmlWriter xml, string file, SnippetResult result)
    {
        xml.WriteStartElement("testcase");
        WriteCaseAttributes(xml, file, ReportText.Label(result), result.Location.Line, result.Duration);
        switch (result.Status)
        {
            case SnippetStatus.Failed:
                var where = result.FailureLocation;
                // The type is the failure's own code (CS0117, an exception's type), as JUnit names a failure by its
                // exception; the tool's SC code and reason word stay as properties of the case, so neither is lost.
                var (own, tool) = ReportText.FailureCodes(result);
                xml.WriteStartElement("properties");
                WriteProperty(xml, "snippetcheckCode", tool);
                WriteProperty(xml, "reason", result.Reason?.ToWord() ?? "failed");
                xml.WriteEndElement();
                xml.WriteStartElement("failure");
                xml.WriteAttributeString("message", Clean(result.Message ?? ""));
                xml.WriteAttributeString("type", own);
                xml.WriteString(Clean($"{where.File}({where.Line},{where.Column}): error {result.Code}: {ReportText.MessageWithDetail(result)}"));
                xml.WriteEndElement();
                break;
            case SnippetStatus.Passed when result.Verdict is Verdict.Checked { Message: var checkedMessage }:
                // A pass at the check level is no verified pass: say what it is where a CI page shows a case's text.
                xml.WriteElementString("system-out", Clean(checkedMessage));
                break;
            case SnippetStatus.Ignored or SnippetStatus.Skipped:
                xml.WriteStartElement("skipped");
                xml.WriteAttributeString("message", Clean(result.Message ?? result.Status.ToWord()));
                xml.WriteEndElement();
                break;
        }
        xml.WriteEndElement();
    }

    private static void WriteProperty(XmlWriter xml, string name, string value)
    {
        xml.WriteStartElement("property");
        xml.WriteAttributeString("name", name);
        xml.WriteAttributeString("value", value);
        xml.WriteEndElement();
    }

    /// <summary>One test of a block: passed, failed with its framework's message at its line, or skipped with the reason.</summary>
    private static void WriteTest(XmlWriter xml, string file, SnippetResult result, TestResult test)
    {
        xml.WriteStartElement("testcase");
        WriteCaseAttributes(xml, file, $"{ReportText.Label(result)} \u203a {test.Name}", test.Location.Line, test.Duration);
        if (test.Status == TestStatus.Failed)
        {
            xml.WriteStartElement("failure");
            xml.WriteAttributeString("message", Clean(test.Message ?? ""));
            xml.WriteAttributeString("type", FailureReason.TestFailed.ToWord());
            xml.WriteString(Clean($"{test.Location.File}({test.Location.Line},{test.Location.Column}): error {DiagnosticCodes.TestFailed}: " +
                $"{test.Message}"));
            xml.WriteEndElement();
        }
        else if (test.Status == TestStatus.Skipped)
        {
            xml.WriteStartElement("skipped");
            xml.WriteAttributeString("message", Clean(test.Message ?? "skipped"));
            xml.WriteEndElement();
        }
        if (test.Output.Length > 0) xml.WriteElementString("system-out", Clean(test.Output));
        xml.WriteEndElement();
    }

    private static void WriteFileError(XmlWriter xml, string file, Diagnostic error)
    {
        xml.WriteStartElement("testcase");
        WriteCaseAttributes(xml, file, $"{error.Id} at line {ReportText.Line(error)}", ReportText.Line(error), TimeSpan.Zero);
        xml.WriteStartElement("error");
        xml.WriteAttributeString("message", Clean(error.Message));
        xml.WriteAttributeString("type", error.Id);
        xml.WriteString(Clean($"{error.Location.File}({ReportText.Line(error)},{ReportText.Column(error)}): error {error.Id}: {error.Message}"));
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void WriteCaseAttributes(XmlWriter xml, string file, string name, int line, TimeSpan duration)
    {
        // classname is the file: reporters group by it, and it stays put when lines move.
        xml.WriteAttributeString("classname", Clean(file));
        xml.WriteAttributeString("name", Clean(name));
        xml.WriteAttributeString("file", Clean(file));
        xml.WriteAttributeString("line", line.ToString(System.Globalization.CultureInfo.InvariantCulture));
        xml.WriteAttributeString("time", ReportText.Seconds(duration));
    }

    /// <summary>
    /// XML 1.0 cannot carry most control characters at all, not even escaped, and a snippet's output may hold
    /// some (an ANSI colour code); they become U+FFFD so the report stays well-formed.
    /// </summary>
    internal static string Clean(string text)
    {
        StringBuilder? builder = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder?.Append(c).Append(text[i + 1]);
                i++;
            }
            else if (XmlConvert.IsXmlChar(c))
            {
                builder?.Append(c);
            }
            else
            {
                builder ??= new StringBuilder(text, 0, i, text.Length);
                builder.Append('\uFFFD');
            }
        }
        return builder?.ToString() ?? text;
    }
}
