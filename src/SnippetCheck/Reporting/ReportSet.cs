using SnippetCheck.Driver;
using SnippetCheck.Results;

namespace SnippetCheck.Reporting;

/// <summary>
/// Everything a run writes besides its console text: each <c>--report</c> and, for <see cref="CiTarget"/>
/// GitHub Actions, the annotations and the step summary. The command line only parses the requests.
/// </summary>
public sealed class ReportSet
{
    private readonly string _baseDirectory;
    private readonly IReadOnlyList<ReportRequest> _requests;
    private readonly CiTarget _ci;
    private readonly Func<Stream> _standardOutput;

    /// <param name="baseDirectory">What a relative report path starts from: the host's working directory.</param>
    /// <param name="requests">The <c>--report</c> requests.</param>
    /// <param name="ci">The CI output to write besides the reports.</param>
    /// <param name="standardOutput">Opens the stream a report without a path goes to (default: the process's).</param>
    internal ReportSet(string baseDirectory, IReadOnlyList<ReportRequest> requests, CiTarget? ci = null, Func<Stream>? standardOutput = null)
    {
        _baseDirectory = baseDirectory;
        _requests = requests;
        _ci = ci ?? CiTarget.None;
        _standardOutput = standardOutput ?? Console.OpenStandardOutput;
    }

    /// <summary>
    /// The reports <paramref name="requests"/> ask for, written for the CI system <paramref name="ci"/> names, which
    /// <c>--ci auto</c> reads from this process's environment (<c>GITHUB_ACTIONS</c>, <c>GITHUB_WORKSPACE</c>, <c>GITHUB_STEP_SUMMARY</c>).
    /// </summary>
    /// <param name="baseDirectory">
    /// The host's working directory: where a relative report path starts, and what reported paths are relative to.
    /// </param>
    /// <param name="requests">The <c>--report</c> requests.</param>
    /// <param name="ci">What <c>--ci</c> asked for.</param>
    public static ReportSet For(string baseDirectory, IReadOnlyList<ReportRequest> requests, CiMode ci = CiMode.None) =>
        new(baseDirectory, requests, CiTarget.Resolve(ci, Environment.GetEnvironmentVariable, baseDirectory));

    /// <summary>
    /// <c>list</c> whole: reads every document of <paramref name="verifier"/>'s run without compiling anything, writes
    /// the file set's notes (a glob that matched nothing) to <paramref name="notes"/>, these block reports, and
    /// the console text to <paramref name="console"/> unless a report takes standard output.
    /// </summary>
    public void WriteList(Verifier verifier, TextWriter console, TextWriter notes) => ListReport.Write(verifier, this, console, notes);

    /// <summary>
    /// True when the console is a GitHub Actions log, whose lines the runner reads as workflow commands (<see cref="ConsoleWriter"/>).
    /// </summary>
    public bool ConsoleIsGitHubLog => _ci.GitHubActions;

    /// <summary>True when a report takes standard output; the console text then goes to standard error.</summary>
    public bool TakesStandardOutput => _requests.Any(r => r.ToStandardOutput);

    /// <summary>Writes a verify run's reports, then its CI output; annotations go to <paramref name="console"/>.</summary>
    public void WriteVerdicts(VerificationReport report, TextWriter console)
    {
        foreach (var request in _requests)
        {
            using var stream = request.Open(_standardOutput, _baseDirectory);
            ReportFormats.Write(request.Format, stream, report);
        }
        if (!_ci.GitHubActions) return;
        // A github report on standard output already holds the annotations, and GitHub would show each one twice.
        var annotated = _requests.Any(r => r.Format == ReportFormat.GitHub && r.ToStandardOutput);
        GitHubReporter.Write(annotated ? TextWriter.Null : console, _ci.StepSummaryPath, report, _ci.Workspace);
    }

    /// <summary>Writes <c>list</c>'s reports; a format <see cref="ReportFormats.ListRefusal"/> refuses throws.</summary>
    internal void WriteBlocks(IReadOnlyList<PreparedDocument> documents, IReadOnlyList<FileError> errors)
    {
        foreach (var request in _requests)
        {
            using var stream = request.Open(_standardOutput, _baseDirectory);
            ReportFormats.WriteBlocks(request.Format, stream, documents, errors);
        }
    }
}
