using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SnippetCheck.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SnippetCheck.Tests.EndToEnd;

/// <summary>
/// Differential: every sample, the torture corpus, <c>posts/</c> and the sample library's doc comments are verified six ways — merged (the default),
/// <c>--no-merge</c>, <c>--no-merge --parallel 1</c> (every snippet in turn on one reused runner), merged with
/// <c>--no-sandbox</c> and <c>render</c> (taking the compiler's notes for its fragments), each from no results, and
/// the default once more over the first run's result cache — and the
/// JSON reports must be the same apart from durations and the cache flag (SPEC §11: a verdict never depends on the
/// path a snippet took). The ways of one input run at once,
/// once per test run (<see cref="EveryWayRuns"/>), and the tests that judge a set's verdicts read the same runs.
/// </summary>
[Trait("Category", "Differential")]
[TakesSeconds(482)]
public sealed partial class DifferentialTests(ITestOutputHelper output)
{
    public static TheoryData<string> InputNames() => [.. EveryWayRuns.Names];

    [Theory]
    [MemberData(nameof(InputNames))]
    public async Task Every_path_gives_the_same_report(string name)
    {
        var clock = Stopwatch.StartNew();
        var runs = await Task.Run(() => EveryWayRuns.Of(name));
        output.WriteLine($"{name}: {clock.Elapsed.TotalSeconds:F1}s waited for the six ways ("
            + string.Join("; ", runs.Select(r => $"{PathRuns.Label(r.Path)}: {r.Duration.TotalSeconds:F1}s, exit {r.Result.ExitCode}")) + ")");

        var reference = runs[0];
        Assert.True(reference.ReportText is not null || reference.Result.ExitCode == 2,
            $"{name}: no report with exit {reference.Result.ExitCode}\n{reference.Result.Output}");
        // The warm path must really read the first run's results: a key that changes between the runs would make it
        // one more cold run, and leave the cache's answers untested.
        var warm = runs.Single(r => r.Path == VerificationPath.Warm);
        if (reference.ReportText is not null && Passed(reference.ReportText) > 0)
            Assert.True(Summary(warm.ReportText!)["cached"]!.GetValue<int>() > 0, $"{name}: the warm run read no results from the first run's cache");
        var differences = runs.Skip(1).SelectMany(other => Differences(reference, other)).ToList();
        Assert.True(differences.Count == 0,
            $"{name}: the reports differ between paths ({differences.Count} differences):\n" + string.Join("\n", differences));
    }

    /// <summary>
    /// <c>posts/</c> verify on net8.0 and net10.0 (their front matter), on every path above. Adding a framework must not
    /// change a verdict on another: each block's net10.0 verdict in the matrix is the verdict of a run on net10.0 alone.
    /// </summary>
    [Fact]
    public async Task A_framework_more_in_the_matrix_changes_no_verdict_on_the_others()
    {
        var matrix = (await Task.Run(() => EveryWayRuns.ByPath("posts")))[VerificationPath.Merged];
        using var folder = new TempFolder();
        PathRuns.CopyFolder(RepositoryRoot.PathOf("posts"), Path.Combine(folder.Path, "posts"));
        var alone = PathRuns.Verify(folder.Path, VerificationPath.Alone, null, ["posts", "--frameworks", "net10.0"]);

        var frameworks = matrix.Report.Summary.GetProperty("frameworks").EnumerateArray().Select(f => f.GetString()).ToList();
        Assert.Equal(["net8.0", "net10.0"], frameworks);
        var single = Snippets(Normalize(alone.ReportText!));
        var checkedBlocks = 0;
        foreach (var (key, snippet) in Snippets(Normalize(matrix.ReportText!)))
        {
            var onTen = snippet["frameworks"]!.AsArray().Single(f => f!["framework"]!.GetValue<string>() == "net10.0")!.AsObject();
            var other = single[key];
            foreach (var property in new[] { "status", "reason", "message", "expectedOutput", "diagnostics" })
                Assert.True(JsonNode.DeepEquals(onTen[property], other[property]), $"{key} {property}: in the matrix {Text(onTen[property])}, alone {Text(other[property])}");
            var passedWithOutput = other["status"]!.GetValue<string>() == "passed" && other["expectedOutput"] is not null;
            if (!passedWithOutput) Assert.True(JsonNode.DeepEquals(onTen["actualOutput"], other["actualOutput"]), $"{key} actualOutput");
            checkedBlocks++;
        }
        Assert.Equal(single.Count, checkedBlocks);
    }

    /// <summary>What differs between two runs' reports, one readable entry per snippet (or summary, or file errors).</summary>
    private static IEnumerable<string> Differences(PathRun a, PathRun b)
    {
        string A = $"[{PathRuns.Label(a.Path)}]", B = $"[{PathRuns.Label(b.Path)}]";
        if (a.Result.ExitCode != b.Result.ExitCode) yield return $"exit code: {A} {a.Result.ExitCode} | {B} {b.Result.ExitCode}";
        if (a.ReportText is null || b.ReportText is null)
        {
            if (a.ReportText is not null || b.ReportText is not null)
                yield return $"report: {A} {(a.ReportText is null ? "none" : "written")} | {B} {(b.ReportText is null ? "none" : "written")}";
            else if (WithoutTimes(a.Result.Output) != WithoutTimes(b.Result.Output))
                yield return $"console output:\n{A}\n{a.Result.Output}\n{B}\n{b.Result.Output}";
            yield break;
        }

        var left = Normalize(a.ReportText);
        var right = Normalize(b.ReportText);
        foreach (var part in new[] { "version", "tool", "summary", "errors" })
        {
            if (!JsonNode.DeepEquals(left[part], right[part])) yield return $"{part}: {A} {Text(left[part])}\n    | {B} {Text(right[part])}";
        }

        var leftSnippets = Snippets(left);
        var rightSnippets = Snippets(right);
        foreach (var key in leftSnippets.Keys.Union(rightSnippets.Keys))
        {
            if (!leftSnippets.TryGetValue(key, out var l)) { yield return $"{key}: only {B} reports it"; continue; }
            if (!rightSnippets.TryGetValue(key, out var r)) { yield return $"{key}: only {A} reports it"; continue; }
            var properties = l.Select(p => p.Key).Union(r.Select(p => p.Key))
                .Where(p => !JsonNode.DeepEquals(l[p], r[p]))
                .Select(p => $"    {p}: {A} {Text(l[p])}\n    {new string(' ', p.Length)}  {B} {Text(r[p])}")
                .ToList();
            if (properties.Count > 0) yield return $"{key}:\n" + string.Join("\n", properties);
        }
        if (!leftSnippets.Keys.SequenceEqual(rightSnippets.Keys)) yield return "the snippets are listed in a different order";
    }

    /// <summary>
    /// The report without what may differ from run to run: each duration (a test's too), the cache flag (true on the warm
    /// path only), and the actual output of a snippet that passed against an output block (a passing
    /// <c>output ellipsis</c> or <c>unordered</c> block admits outputs that differ: a race's count, threads' order).
    /// </summary>
    private static JsonObject Normalize(string reportText)
    {
        var report = JsonNode.Parse(reportText)!.AsObject();
        report["summary"]!["durationMs"] = 0;
        report["summary"]!["cached"] = 0;
        foreach (var snippet in report["snippets"]!.AsArray().Select(s => s!.AsObject()))
        {
            snippet["durationMs"] = 0;
            // Each test's duration too; its name, status, message, place and output must agree.
            foreach (var test in snippet["tests"]?.AsArray().Select(t => t!.AsObject()) ?? []) test["durationMs"] = 0;
            // A matrix's verdict on each framework reads the same way as the block's own.
            foreach (var verdict in new[] { snippet }.Concat(snippet["frameworks"]?.AsArray().Select(f => f!.AsObject()) ?? []))
            {
                verdict["cached"] = false;
                if (verdict["status"]?.GetValue<string>() == "passed" && verdict["expectedOutput"] is not null && verdict["actualOutput"] is not null)
                    verdict["actualOutput"] = "(matches the output block)";
            }
        }
        return report;
    }

    private static JsonNode Summary(string reportText) => JsonNode.Parse(reportText)!["summary"]!;

    private static int Passed(string reportText) => Summary(reportText)["passed"]!.GetValue<int>();

    private static Dictionary<string, JsonObject> Snippets(JsonObject report) =>
        report["snippets"]!.AsArray().Select(s => s!.AsObject())
            .ToDictionary(s => $"{s["file"]}({s["line"]}) {s["name"]?.GetValue<string>() ?? "(no name)"}");

    private static readonly JsonSerializerOptions Readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string Text(JsonNode? node) => node is null ? "null" : node.ToJsonString(Readable);

    private static string WithoutTimes(string text) => Seconds().Replace(text, " in #s");

    [GeneratedRegex(@" in [0-9.]+m?s\b")]
    private static partial Regex Seconds();
}
