using System.Diagnostics;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.EndToEnd;

/// <summary>
/// The ways one <c>verify</c> run can take the same snippets (SPEC §11: every path gives the same verdict). Every
/// path but <see cref="VerificationPath.Warm"/> starts from no results at all (<c>--no-cache</c>, or a cache folder
/// of its own that starts empty), so each snippet is really compiled and run.
/// </summary>
public enum VerificationPath
{
    /// <summary>The default: lone snippets are compiled into shared assemblies.</summary>
    Merged,

    /// <summary><c>--no-merge</c>: each snippet compiled on its own.</summary>
    Alone,

    /// <summary><c>--no-merge --parallel 1</c>: each snippet on its own, all in turn on one reused runner.</summary>
    AloneOnOneRunner,

    /// <summary><c>--no-sandbox</c>: merged, with runners unconfined; a snippet that stays in its folders gets the same verdict.</summary>
    Unconfined,

    /// <summary>
    /// The default path a second time, in the same folder, over the result cache its first run (<see cref="Merged"/>)
    /// left: passes come from the cache, and must read as they did when they were verified (their warnings too).
    /// </summary>
    Warm,

    /// <summary>
    /// <c>render --no-cache</c>: verified as the default path is, with the compiler's notes taken from every
    /// compilation for the fragments; watching the compiler must not change a verdict.
    /// </summary>
    Rendered,
}

public static class PathRuns
{
    public static readonly IReadOnlyList<VerificationPath> All =
        [VerificationPath.Merged, VerificationPath.Alone, VerificationPath.AloneOnOneRunner, VerificationPath.Unconfined, VerificationPath.Warm, VerificationPath.Rendered];

    /// <summary>The result cache of <see cref="VerificationPath.Merged"/> and <see cref="VerificationPath.Warm"/>, in the folder verified (a dot-folder, which discovery skips).</summary>
    private const string CacheFolder = ".differential-cache";

    public static string[] Flags(VerificationPath path) => path switch
    {
        VerificationPath.Merged or VerificationPath.Warm => ["--cache-dir", CacheFolder],
        VerificationPath.Alone => ["--no-cache", "--no-merge"],
        VerificationPath.AloneOnOneRunner => ["--no-cache", "--no-merge", "--parallel", "1"],
        VerificationPath.Unconfined => ["--no-cache", "--no-sandbox"],
        // The fragments go to a dot-folder, which discovery skips, as it skips the cache folder.
        VerificationPath.Rendered => ["--no-cache", "--out", ".render-out"],
        _ => throw new ArgumentOutOfRangeException(nameof(path)),
    };

    /// <summary>How messages name a path: its flags besides <c>--no-cache</c>.</summary>
    public static string Label(VerificationPath path) => path switch
    {
        VerificationPath.Merged => "merged (default)",
        VerificationPath.Warm => "warm (a second default run, over the first one's cache)",
        VerificationPath.Rendered => "render --no-cache",
        _ => string.Join(' ', Flags(path).Where(f => f != "--no-cache")),
    };

    /// <summary>
    /// Runs <c>snippetcheck verify ARGS FLAGS --report json=…</c> (<c>render</c> on <see cref="VerificationPath.Rendered"/>) in <paramref name="workingDirectory"/> with a private
    /// TMPDIR (so whatever snippets leave in the temp folder goes away with the run), or in
    /// <paramref name="temporaryFolder"/>: TMPDIR is a variable snippets see, so it is part of each result's cache key,
    /// and a run that is to reuse another's results must see the same one.
    /// </summary>
    public static PathRun Verify(string workingDirectory, VerificationPath path, IDictionary<string, string?>? environment, string[] args, string? temporaryFolder = null)
    {
        using var scratch = new TempFolder();
        var tmp = temporaryFolder ?? Directory.CreateDirectory(System.IO.Path.Combine(scratch.Path, "tmp")).FullName;
        var reportPath = System.IO.Path.Combine(scratch.Path, "report.json");
        var variables = new Dictionary<string, string?>(environment ?? new Dictionary<string, string?>()) { ["TMPDIR"] = tmp };
        var clock = Stopwatch.StartNew();
        var command = path == VerificationPath.Rendered ? "render" : "verify";
        var result = CliRunner.Run(workingDirectory, variables, [command, .. args, .. Flags(path), "--report", $"json={reportPath}"]);
        var elapsed = clock.Elapsed;
        var reportText = File.Exists(reportPath) ? File.ReadAllText(reportPath) : null;
        return new PathRun(path, result, reportText, elapsed);
    }

    public static void CopyFolder(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = System.IO.Path.Combine(target, System.IO.Path.GetRelativePath(source, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(destination)!);
            File.Copy(file, destination, overwrite: true);
        }
    }
}

/// <summary>One CLI run on one path: its result, its JSON report's text (null when it wrote none) and its wall time.</summary>
public sealed record PathRun(VerificationPath Path, CliResult Result, string? ReportText, TimeSpan Duration)
{
    public JsonReport Report => ReportText is null
        ? throw new InvalidOperationException($"no JSON report on path {Path} (exit {Result.ExitCode}):\n{Result.Output}")
        : new JsonReport(System.Text.Json.JsonDocument.Parse(ReportText));

    /// <summary>The report's snippets of one file (as the report names it, relative to the working directory).</summary>
    public IReadOnlyList<System.Text.Json.JsonElement> SnippetsOf(string file) =>
        [.. Report.Snippets.Where(s => s.Str("file") == file)];

    /// <summary>The report's file errors of one file.</summary>
    public IReadOnlyList<System.Text.Json.JsonElement> ErrorsOf(string file) =>
        [.. Report.Root.GetProperty("errors").EnumerateArray().Where(e => e.Str("file") == file)];

    /// <summary>One line per snippet: where, what, why; for assertion messages.</summary>
    public static string Describe(System.Text.Json.JsonElement snippet)
    {
        var diagnostics = snippet.GetProperty("diagnostics").EnumerateArray()
            .Select(d => $"{d.Str("id")}({d.Int("line")},{d.Int("column")}) {d.Str("message")}");
        return $"{snippet.Str("file")}({snippet.Int("line")}) {snippet.Str("name") ?? "(no name)"}: {snippet.Str("status")}"
            + (snippet.Str("reason") is { } reason ? $" [{reason}]" : "")
            + (snippet.Str("message") is { } message ? $" {message}" : "")
            + (snippet.Str("actualOutput") is { } actual ? $" | actual output: {actual.ReplaceLineEndings("\\n")}" : "")
            + string.Concat(diagnostics.Select(d => $"\n      {d}"));
    }
}
