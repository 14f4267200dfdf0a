using System.Text.Json;
using System.Text.Json.Nodes;

namespace SnippetCheck.Tests.Infrastructure;

/// <summary>The ways one input can be verified; a verdict must not depend on which one was taken.</summary>
public static class VerificationPaths
{
    /// <summary>
    /// Merged (the default), each snippet alone, each snippet alone on one runner reused by all of them, and merged
    /// with the sandbox off.
    /// </summary>
    public static readonly IReadOnlyList<(string Name, string[] Args)> All =
    [
        ("merged", []),
        ("no-merge", ["--no-merge"]),
        ("no-merge, one runner", ["--no-merge", "--parallel", "1"]),
        ("no-sandbox", ["--no-sandbox"]),
    ];

    /// <summary>Verifies <paramref name="paths"/> from <paramref name="workingDirectory"/> one way, with the real CLI and no cache.</summary>
    public static (CliResult Result, JsonReport Report, string Normalized) Verify(string workingDirectory, string[] pathArgs, string[] wayArgs)
    {
        var report = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"snippetcheck-paths-{Guid.NewGuid():N}.json");
        try
        {
            var result = CliRunner.Run(workingDirectory, ["verify", .. pathArgs, "--no-cache", "--report", $"json={report}", .. wayArgs]);
            Assert.True(File.Exists(report), $"no report (exit code {result.ExitCode}):\n{result.Output}");
            var text = File.ReadAllText(report);
            return (result, new JsonReport(JsonDocument.Parse(text)), Normalize(text));
        }
        finally
        {
            File.Delete(report);
        }
    }

    /// <summary>
    /// The report without what may differ between runs of the same verdicts: durations, the cached flag, the actual
    /// output of a pass (it matched the same output block either way; a post about races prints a different count each
    /// run), and the order of lines that threads print in whatever order they run.
    /// </summary>
    public static string Normalize(string json)
    {
        var root = JsonNode.Parse(json)!.AsObject();
        root["summary"]!.AsObject().Remove("durationMs");
        foreach (var snippet in root["snippets"]!.AsArray().Select(s => s!.AsObject()))
        {
            snippet.Remove("durationMs");
            snippet.Remove("cached");
            if (snippet["status"]?.GetValue<string>() == "passed") snippet.Remove("actualOutput");
            else if (snippet["actualOutput"]?.GetValue<string>() is { } output)
                snippet["actualOutput"] = string.Join('\n', output.Split('\n').Order(StringComparer.Ordinal));
        }
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    /// <summary>The snippets whose normalized entries differ, for a readable failure.</summary>
    public static string Differences(string expected, string actual)
    {
        var a = JsonNode.Parse(expected)!["snippets"]!.AsArray();
        var b = JsonNode.Parse(actual)!["snippets"]!.AsArray();
        var lines = new List<string>();
        for (var i = 0; i < Math.Max(a.Count, b.Count); i++)
        {
            var x = i < a.Count ? a[i]!.ToJsonString() : "(none)";
            var y = i < b.Count ? b[i]!.ToJsonString() : "(none)";
            if (x != y) lines.Add($"- {x}\n+ {y}");
        }
        return lines.Count == 0 ? "(only the summary differs)" : string.Join('\n', lines);
    }
}
