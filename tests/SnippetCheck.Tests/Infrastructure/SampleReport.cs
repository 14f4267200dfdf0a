using SnippetCheck.Driver;
using SnippetCheck.Execution;
using SnippetCheck.Reporting;
using SnippetCheck.Results;

namespace SnippetCheck.Tests.Infrastructure;

/// <summary>
/// The report of a real run (Markdown → Roslyn → runner) over Samples/report-sample.md, copied to
/// <c>posts/report-sample.md</c> in a temp folder. It holds a pass, an output mismatch, an unhandled exception,
/// a compile error, an untagged and an ignored block, and an orphan output block (a file error).
/// </summary>
public static class SampleReport
{
    public const string File = "posts/report-sample.md";

    private static readonly Lazy<Task<VerificationReport>> Report = new(RunAsync);

    /// <summary>The report with durations fixed and runtime stack frames dropped, so approvals are stable.</summary>
    public static async Task<VerificationReport> GetAsync() => Scrub(await Report.Value);

    /// <summary>Writes the report in one format, the tool's version replaced by <c>{version}</c>.</summary>
    public static async Task<string> RenderAsync(string format)
    {
        using var stream = new MemoryStream();
        Assert.True(ReportFormats.TryParse(format, out var parsed), format);
        ReportFormats.Write(parsed, stream, await GetAsync());
        return ScrubVersion(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    public static string ScrubVersion(string text) => text.Replace(ToolInfo.Version, "{version}", StringComparison.Ordinal);

    private static async Task<VerificationReport> RunAsync()
    {
        using var folder = new TempFolder();
        folder.CopySample("report-sample.md", File);
        var verifier = new Verifier(new VerifyOptions { Paths = [File], CurrentDirectory = folder.Path, CommandLine = new() { Parallelism = 2 } });
        return await verifier.RunAsync();
    }

    /// <summary>GitHub's ubuntu-24.04 runners (Landlock ABI 4, namespaces refused): what the approved files show, on any machine.</summary>
    private static readonly SandboxReport ApprovedSandbox = new(true, 4, true, true, false, false, 0, null, UnixSockets: true, Udp: true);

    private static VerificationReport Scrub(VerificationReport report) => report with
    {
        Duration = TimeSpan.FromMilliseconds(1234),
        Sandbox = report.Sandbox is null ? null : ApprovedSandbox,
        Snippets = [.. report.Snippets.Select(s => s with
        {
            Duration = s.Status is SnippetStatus.Passed or SnippetStatus.Failed ? TimeSpan.FromMilliseconds(56) : TimeSpan.Zero,
            Verdict = s.Verdict switch
            {
                Verdict.Failed { Failure: ExceptionFailure e } => new Verdict.Failed(e with { Trace = DropRuntimeFrames(e.Trace) }),
                Verdict.Failed { Failure: WrongExceptionFailure e } => new Verdict.Failed(e with { Trace = DropRuntimeFrames(e.Trace) }),
                var other => other,
            },
        })],
    };

    /// <summary>The frames below the snippet's own (reflection invoking it) differ between runs of one runner.</summary>
    private static string? DropRuntimeFrames(string? detail) =>
        detail is null ? null : string.Join('\n', detail.Split('\n').Where(line => !line.TrimStart().StartsWith("at System.", StringComparison.Ordinal)));
}
