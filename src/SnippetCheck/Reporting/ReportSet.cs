using System.Text.Json;
using SnippetCheck.Driver;
using SnippetCheck.Programs;
using SnippetCheck.Model;
using SnippetCheck.Results;

namespace SnippetCheck.Reporting;

/// <summary>
/// Everything a run writes besides its console text: each <c>--report</c> and, for <see cref="CiTarget"/>
/// GitHub Actions, the annotations and the step summary. The one report entry of a host: it hands over the texts of
/// <c>--report FORMAT[=PATH]</c> and <c>--ci</c> as given (<see cref="ProblemWith"/> checks them), and the formats,
/// their writers and the CI system stay the core's.
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

    /// <summary>Every <c>--report</c> format name, in the order the help text lists them.</summary>
    public static IReadOnlyList<string> FormatNames => ReportFormats.Names;

    /// <summary>What <c>--ci</c> accepts: <c>auto</c> (GitHub Actions when <c>GITHUB_ACTIONS=true</c>), <c>none</c>, <c>github</c>.</summary>
    public static IReadOnlyList<string> CiModes { get; } = ["auto", "none", "github"];

    /// <summary>
    /// Null when <paramref name="request"/> (<c>FORMAT</c> or <c>FORMAT=PATH</c>, the format in any case) is a report
    /// a command can write; otherwise the error that says why not, naming the option.
    /// </summary>
    /// <param name="request">One <c>--report</c> value.</param>
    /// <param name="jsonOnlyCommand">The command, when it writes json reports alone (<c>list</c>, <c>adopt</c>, <c>outdated</c>).</param>
    public static string? ProblemWith(string request, string? jsonOnlyCommand = null) =>
        !ReportRequest.TryParse(request, out var parsed, out var error) ? error
        : jsonOnlyCommand is null ? null
        : ReportFormats.JsonOnlyRefusal(jsonOnlyCommand, parsed.Format);

    /// <summary>
    /// The reports <paramref name="requests"/> ask for, written for the CI system <paramref name="ci"/> names, which
    /// <c>--ci auto</c> reads from this process's environment (<c>GITHUB_ACTIONS</c>, <c>GITHUB_WORKSPACE</c>, <c>GITHUB_STEP_SUMMARY</c>).
    /// </summary>
    /// <param name="baseDirectory">
    /// The host's working directory: where a relative report path starts, and what reported paths are relative to.
    /// </param>
    /// <param name="requests">The <c>--report</c> values, each one <see cref="ProblemWith"/> accepts.</param>
    /// <param name="ci">What <c>--ci</c> asked for, one of <see cref="CiModes"/> in any case.</param>
    public static ReportSet For(string baseDirectory, IReadOnlyList<string> requests, string ci = "none") =>
        new(baseDirectory, [.. requests.Select(Parse)], CiTarget.Resolve(ParseCi(ci), Environment.GetEnvironmentVariable, baseDirectory));

    private static ReportRequest Parse(string request) =>
        ReportRequest.TryParse(request, out var parsed, out var error) ? parsed : throw new ArgumentException(error, nameof(request));

    private static CiMode ParseCi(string ci) => ci.ToLowerInvariant() switch
    {
        "auto" => CiMode.Auto,
        "none" => CiMode.None,
        "github" => CiMode.GitHub,
        _ => throw new ArgumentOutOfRangeException(nameof(ci), ci, $"not a CI mode (use {string.Join(", ", CiModes)})"),
    };

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

    /// <summary>
    /// Writes a command's own report (adopt's, outdated's: json, which <see cref="ProblemWith"/> with the command's name
    /// made sure of) to each request's file, or to standard output.
    /// </summary>
    public void WriteEach(Action<Stream> write)
    {
        foreach (var request in _requests)
        {
            using var stream = request.Open(_standardOutput, _baseDirectory);
            write(stream);
        }
    }

    /// <summary>
    /// Writes a tool's own JSON report (outdated's) as every JSON report of the tool is written: one indented object that
    /// starts with the format's and the tool's versions, then <paramref name="body"/>'s keys, and ends with the
    /// <c>errors</c> array of <paramref name="fileErrors"/>.
    /// </summary>
    public static void WriteJson(Stream stream, IReadOnlyList<Diagnostic> fileErrors, Action<Utf8JsonWriter> body)
    {
        using var json = new Utf8JsonWriter(stream, JsonReportWriter.Options);
        JsonReportWriter.WriteStart(json);
        body(json);
        JsonReportWriter.WriteErrors(json, fileErrors);
        json.WriteEndObject();
    }

    /// <summary>Writes <c>list</c>'s reports; a format <see cref="ReportFormats.ListRefusal"/> refuses throws.</summary>
    internal void WriteBlocks(IReadOnlyList<PreparedDocument> documents, IReadOnlyList<Diagnostic> errors)
    {
        foreach (var request in _requests)
        {
            using var stream = request.Open(_standardOutput, _baseDirectory);
            ReportFormats.WriteBlocks(request.Format, stream, documents, errors);
        }
    }
}
