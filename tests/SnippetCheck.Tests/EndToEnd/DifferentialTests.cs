using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SnippetCheck.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SnippetCheck.Tests.EndToEnd;

/// <summary>
/// Differential: every sample, the torture corpus, <c>posts/</c> and the sample library's doc comments are verified four ways — merged (the default),
/// <c>--no-merge</c>, <c>--no-merge --parallel 1</c> (every snippet in turn on one reused runner) and merged with
/// <c>--no-sandbox</c>, all with <c>--no-cache</c> — and the JSON reports must be the same apart from durations and
/// the cache flag (SPEC §11: a verdict never depends on the path a snippet took). The ways of one input run at once.
/// </summary>
[Trait("Category", "Differential")]
public sealed partial class DifferentialTests(ITestOutputHelper output)
{
    /// <summary>One thing to verify: a folder to copy, the arguments to give, and the environment it needs.</summary>
    private sealed record Input(string Name, Action<string> Populate, string[] Args, IDictionary<string, string?>? Environment = null);

    private static readonly string[] Folders = ["repros", "torture"];

    private static IEnumerable<Input> Inputs()
    {
        // The loose samples in one run (each test of its own uses them alone): --all also verifies their untagged blocks.
        var loose = Directory.GetFiles(Samples.Directory, "*.md").Select(Path.GetFileName).Order(StringComparer.Ordinal).Cast<string>().ToArray();
        yield return new Input("samples", to => CopyFiles(Samples.Directory, loose, to), ["--all", .. loose], PackageTestCache.Environment);

        var oneJudge = Samples.PathOf("repros");
        var posts = Directory.GetFiles(oneJudge, "*.md").Select(Path.GetFileName).Order(StringComparer.Ordinal).Cast<string>().ToArray();
        yield return new Input("repros", to => CopyFiles(oneJudge, [.. posts, "snippetcheck.json"], to), ["--all", .. posts]);
        // Its config applies from inside the folder only (snippetcheck.json is looked for from the current directory up).
        yield return new Input("repros/release-config", to => PathRuns.CopyFolder(Path.Combine(oneJudge, "release-config"), to), []);

        // As TortureRunFixture runs it (with the folder's snippetcheck.json), but on a copy.
        yield return new Input("torture", to => PathRuns.CopyFolder(Samples.PathOf("torture"), to), ["hostile", "malformed"]);

        yield return new Input("posts", to => PathRuns.CopyFolder(RepositoryRoot.PathOf("posts"), Path.Combine(to, "posts")), ["posts"]);

        // Library doctests: the examples in the sample library's doc comments, compiled against the library it builds.
        var library = RepositoryRoot.PathOf("tests/DocLibrary");
        string[] sources = [.. Directory.GetFiles(library).Select(Path.GetFileName).Where(f => f!.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".csproj", StringComparison.Ordinal)).Cast<string>()];
        yield return new Input("doc-library", to => CopyFiles(library, sources, to), ["--all", "DocLibrary.csproj"]);

        // A sample folder added later is verified as a whole from inside it.
        foreach (var folder in Directory.GetDirectories(Samples.Directory).Select(Path.GetFileName).Cast<string>().Except(Folders).Order(StringComparer.Ordinal))
        {
            yield return new Input(folder, to => PathRuns.CopyFolder(Samples.PathOf(folder), to), ["--all"]);
        }
    }

    public static TheoryData<string> InputNames() => [.. Inputs().Select(i => i.Name)];

    [Theory]
    [MemberData(nameof(InputNames))]
    public async Task Every_path_gives_the_same_report(string name)
    {
        var input = Inputs().Single(i => i.Name == name);
        var clock = Stopwatch.StartNew();
        var runs = await Task.WhenAll(PathRuns.All.Select(path => Task.Run(() =>
        {
            using var folder = new TempFolder();
            input.Populate(folder.Path);
            return PathRuns.Verify(folder.Path, path, input.Environment, input.Args);
        })));
        output.WriteLine($"{name}: {clock.Elapsed.TotalSeconds:F1}s for the four ways at once ("
            + string.Join("; ", runs.Select(r => $"{PathRuns.Label(r.Path)}: {r.Duration.TotalSeconds:F1}s, exit {r.Result.ExitCode}")) + ")");

        var reference = runs[0];
        Assert.True(reference.ReportText is not null || reference.Result.ExitCode == 2,
            $"{name}: no report with exit {reference.Result.ExitCode}\n{reference.Result.Output}");
        var differences = runs.Skip(1).SelectMany(other => Differences(reference, other)).ToList();
        Assert.True(differences.Count == 0,
            $"{name}: the reports differ between paths ({differences.Count} differences):\n" + string.Join("\n", differences));
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
    /// The report without what may differ from run to run: each duration, the cache flag (always false with
    /// <c>--no-cache</c>), and the actual output of a snippet that passed against an output block (a passing
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
            snippet["cached"] = false;
            if (snippet["status"]?.GetValue<string>() == "passed" && snippet["expectedOutput"] is not null && snippet["actualOutput"] is not null)
                snippet["actualOutput"] = "(matches the output block)";
        }
        return report;
    }

    private static Dictionary<string, JsonObject> Snippets(JsonObject report) =>
        report["snippets"]!.AsArray().Select(s => s!.AsObject())
            .ToDictionary(s => $"{s["file"]}({s["line"]}) {s["name"]?.GetValue<string>() ?? "(no name)"}");

    private static readonly JsonSerializerOptions Readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string Text(JsonNode? node) => node is null ? "null" : node.ToJsonString(Readable);

    private static string WithoutTimes(string text) => Seconds().Replace(text, " in #s");

    [GeneratedRegex(@" in [0-9.]+m?s\b")]
    private static partial Regex Seconds();

    private static void CopyFiles(string from, IEnumerable<string> names, string to)
    {
        foreach (var name in names) File.Copy(Path.Combine(from, name), Path.Combine(to, name), overwrite: true);
    }
}
