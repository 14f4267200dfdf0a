namespace SnippetCheck.Reporting;

/// <summary>A format that <c>--report FORMAT[=PATH]</c> names.</summary>
internal enum ReportFormat
{
    /// <summary>The stable JSON report; the only format <c>list</c> writes (its blocks instead of verdicts).</summary>
    Json,

    /// <summary>JUnit XML: one test suite per file, one test case per verified snippet.</summary>
    JUnit,

    /// <summary>SARIF 2.1.0, for code scanning.</summary>
    Sarif,

    /// <summary>The GitHub Actions <c>::error</c> and <c>::warning</c> annotations alone.</summary>
    GitHub,

    /// <summary>The Markdown summary, as the GitHub step summary shows it.</summary>
    Markdown,
}
