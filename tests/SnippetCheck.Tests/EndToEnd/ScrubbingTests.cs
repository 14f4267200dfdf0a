using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.EndToEnd;

/// <summary>
/// Scrubbing with the real CLI, runner and Roslyn: values that change every run (GUIDs, dates, durations) verify,
/// identity between them still counts, <c>--accept</c> writes the raw output, and mismatches carry hints.
/// </summary>
public sealed class ScrubbingTests
{
    private const string Fence = "```";

    private static string Post(string code, string outputInfo, string output) =>
        $"# Post\n\n{Fence}csharp\n{code}\n{Fence}\n\n{Fence}{outputInfo}\n{output}\n{Fence}\n";

    [Fact]
    public void A_guid_printed_twice_a_new_guid_utc_now_and_a_stopwatch_verify_and_identity_still_counts()
    {
        using var folder = new TempFolder();
        const string code = """
            var id = Guid.NewGuid();
            Console.WriteLine($"created {id}");
            Console.WriteLine($"loaded  {id}");
            Console.WriteLine($"other   {Guid.NewGuid()}");
            Console.WriteLine($"now     {DateTime.UtcNow}");
            Console.WriteLine($"stamp   {DateTime.UtcNow:o}");
            var clock = System.Diagnostics.Stopwatch.StartNew();
            Thread.Sleep(5);
            Console.WriteLine($"took    {clock.Elapsed.TotalMilliseconds:F1} ms");
            """;
        const string output = """
            created 9f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f
            loaded  9f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f
            other   0b6e9a2c-1d3f-4e5a-9b7c-8d6e5f4a3b2c
            now     03/14/2025 09:26:53
            stamp   2025-03-14T09:26:53.5897932Z
            took    0.1 ms
            """;
        folder.Write("passes.md", Post(code, "output scrub=duration", output));
        // The block shows one id twice where the program prints two different ones: that must fail.
        folder.Write("identity.md", Post(code.Replace("loaded  {id}", "loaded  {Guid.NewGuid()}", StringComparison.Ordinal), "output scrub=duration", output));
        // Without scrub=duration the stopwatch's value makes it fail (it slept 5 ms, so it never prints 0.1 ms),
        // with a hint that names the scrubber.
        folder.Write("duration.md", Post(code, "output", output));

        var run = CliRunner.Run(folder.Path, "--no-cache");

        Assert.Equal(1, run.ExitCode);
        Assert.DoesNotContain("passes.md", run.Stdout);
        Assert.Contains("identity.md(17,1): error SC2001: output differs from the output block at line 15", run.Stdout); // at "loaded"
        // Numbered by first appearance: the second id is Guid_2, so the one after it is Guid_3.
        Assert.Contains("    - loaded  Guid_1\n    - other   Guid_2\n    + loaded  Guid_2\n    + other   Guid_3", run.Stdout);
        Assert.Contains("duration.md(21,1): error SC2001: output differs from the output block at line 15", run.Stdout); // at "took"
        Assert.Contains("hint: only durations differ: add `scrub=duration` to the output block", run.Stdout);
        Assert.Contains("1 passed, 2 failed", run.Stdout);
    }

    [Fact]
    public void Scrub_none_compares_raw_values_and_says_so()
    {
        using var folder = new TempFolder();
        folder.Write("post.md", Post("Console.WriteLine(Guid.NewGuid());", "output scrub=none", "3f2504e0-4f89-41d3-9a0c-0305e82c3301"));

        var run = CliRunner.Run(folder.Path, "--no-cache");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("    - 3f2504e0-4f89-41d3-9a0c-0305e82c3301\n", run.Stdout);
        Assert.Contains("scrubbing is off (`scrub=none`) here: remove it", run.Stdout);
    }

    [Fact]
    public void The_snippets_own_folders_are_scrubbed_and_a_custom_scrubber_from_config_applies()
    {
        using var folder = new TempFolder();
        folder.Write("snippetcheck.json", """{ "scrubbers": [{ "name": "ticks", "pattern": "\\d+ ticks", "replacement": "N ticks" }] }""");
        folder.Write("post.md", Post(
            "Console.WriteLine(Environment.CurrentDirectory);\nConsole.WriteLine(Path.Combine(Path.GetTempPath(), \"a.txt\"));\nConsole.WriteLine($\"{Environment.TickCount64} ticks\");",
            "output", "/tmp/snippetcheck-1-abc/r1/runs/1\n/tmp/snippetcheck-1-abc/r1/tmp/1/a.txt\n42 ticks"));

        var run = CliRunner.Run(folder.Path, "--no-cache");

        Assert.True(run.ExitCode == 0, run.Output);
    }

    [Fact]
    public void A_bad_custom_pattern_is_a_config_error_naming_the_key_and_an_unknown_name_is_SC1016()
    {
        using var folder = new TempFolder();
        folder.Write("snippetcheck.json", """{ "scrubbers": [{ "name": "ticks", "pattern": "(\\d+ ticks", "replacement": "N ticks" }] }""");
        folder.Write("post.md", Post("Console.WriteLine(1);", "output", "1"));

        var bad = CliRunner.Run(folder.Path);

        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("SC3001", bad.Output);
        Assert.Contains("'scrubbers[0].pattern' is not a valid regular expression", bad.Output);

        File.Delete(Path.Combine(folder.Path, "snippetcheck.json"));
        folder.Write("post.md", Post("Console.WriteLine(1);", "output scrub=durations", "1"));
        var unknown = CliRunner.Run(folder.Path);
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("error SC1016: 'scrub=durations' names no scrubber; did you mean 'duration'?", unknown.Stdout);
    }

    [Fact]
    public void Accept_writes_the_raw_output_and_warns_about_values_that_change_every_run()
    {
        using var folder = new TempFolder();
        var path = folder.Write("post.md", Post(
            "var clock = System.Diagnostics.Stopwatch.StartNew();\nConsole.WriteLine(Guid.NewGuid());\nConsole.WriteLine($\"{clock.Elapsed.TotalMilliseconds:F3} ms\");",
            "output", "old"));

        var accept = CliRunner.Run(folder.Path, "--accept", "--no-cache");

        var written = File.ReadAllText(path);
        Assert.DoesNotContain("Guid_", written);
        Assert.DoesNotContain("Duration_", written);
        Assert.Matches(@"```output\n[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\n[0-9]+\.[0-9]{3} ms\n```", written);
        Assert.Contains("note: it holds values that change every run (a duration (`", accept.Stdout);
        Assert.Contains("add `scrub=duration` to the output block, or write `...` in their place and add `ellipsis`", accept.Stdout);
    }

    [Fact]
    public void Mismatches_get_hints_for_ellipsis_and_unordered()
    {
        using var folder = new TempFolder();
        folder.Write("ellipsis.md", Post("Console.WriteLine(\"a\");\nConsole.WriteLine(\"b\");", "output", "a\n..."));
        folder.Write("unordered.md", Post("Console.WriteLine(\"b\");\nConsole.WriteLine(\"a\");", "output", "a\nb"));
        folder.Write("plain.md", Post("Console.WriteLine(\"b\");", "output", "a"));

        var run = CliRunner.Run(folder.Path, "--no-cache");

        Assert.Contains("hint: add `ellipsis` to the output block to use `...` as a wildcard", run.Stdout);
        Assert.Contains("hint: only the order of the lines differs: add `unordered` to the output block", run.Stdout);
        var plain = run.Stdout[run.Stdout.IndexOf("plain.md(", StringComparison.Ordinal)..];
        Assert.DoesNotContain("hint:", plain[..plain.IndexOf("(- expected", StringComparison.Ordinal)]);
    }

    [Fact]
    public void Scrub_in_front_matter_or_config_applies_and_the_result_cache_key_includes_it()
    {
        using var folder = new TempFolder();
        const string code = "var clock = System.Diagnostics.Stopwatch.StartNew();\nThread.Sleep(3);\nConsole.WriteLine($\"took {clock.Elapsed}\");";
        folder.Write("front.md", "---\ntitle: t\nsnippetcheck:\n  scrub: [duration]\n---\n" + Post(code, "output", "took 00:00:00.0000001"));
        folder.Write("config.md", Post(code, "output", "took 00:00:00.0000001"));
        folder.Write("snippetcheck.json", """{ "scrub": "duration" }""");

        var first = CliRunner.Run(folder.Path);
        Assert.True(first.ExitCode == 0, first.Output);

        // The cache holds both passes; without the scrubber in force they must be verified again, and fail.
        folder.Write("snippetcheck.json", "{ }");
        var second = CliRunner.Run(folder.Path);
        Assert.Equal(1, second.ExitCode);
        Assert.Contains("config.md(", second.Stdout);
        Assert.DoesNotContain("front.md(", second.Stdout);

        folder.Write("front.md", "---\ntitle: t\nsnippetcheck:\n  scrub: [durations]\n---\n" + Post(code, "output", "took 00:00:00.0000001"));
        var unknown = CliRunner.Run(folder.Path);
        Assert.Contains("front.md(1,1): error SC1016: 'scrub=durations' names no scrubber", unknown.Output);
    }
}
