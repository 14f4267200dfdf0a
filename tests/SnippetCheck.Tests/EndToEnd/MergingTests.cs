using SnippetCheck.Driver;
using SnippetCheck.Model;
using SnippetCheck.Results;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.EndToEnd;

/// <summary>
/// Merged compilation must change nothing a user sees: every sample gets the same verdicts, messages, lines,
/// columns, diagnostics and output as when each snippet is compiled alone (<c>--no-merge</c>).
/// </summary>
public sealed class MergingTests
{
    private static async Task<(VerificationReport Report, MergeStatistics Merging)> VerifyAsync(string sample, bool merge, int? parallelism = null)
    {
        using var folder = new TempFolder();
        folder.Write(Path.GetFileName(sample), File.ReadAllText(Samples.PathOf(sample)));
        var verifier = new Verifier(new VerifyOptions
        {
            Paths = [Path.GetFileName(sample)], CurrentDirectory = folder.Path, NoMerge = !merge,
            CommandLine = new() { Cache = false, Parallelism = parallelism },
        });
        var report = await verifier.RunAsync();
        return (report, report.Merging);
    }

    /// <summary>Everything of a verdict a report shows, except its duration.</summary>
    private static IReadOnlyList<string> Visible(VerificationReport report) =>
        [.. report.Snippets.Select(r => string.Join(" | ", r.Location, r.Status, r.Reason, r.Code, r.Message, r.FailureLocation, r.Detail,
            string.Join("; ", r.Diagnostics.Select(d => d.ToCanonicalString())), r.ActualOutput))];

    [Theory]
    [InlineData("merging.md")]
    [InlineData("rot.md")]
    [InlineData("sessions.md")]
    [InlineData("report-sample.md")]
    [InlineData("prelude-error.md")]
    [InlineData("crlf-bom.md")]
    public async Task A_sample_gets_the_same_verdicts_merged_as_alone(string sample)
    {
        var merged = await VerifyAsync(sample, merge: true);
        var alone = await VerifyAsync(sample, merge: false);
        Assert.Equal(Visible(alone.Report), Visible(merged.Report));
        Assert.Equal(0, alone.Merging.Snippets);
    }

    [Fact]
    public async Task Broken_and_failing_snippets_leave_their_chunk_and_are_judged_alone()
    {
        var (report, merging) = await VerifyAsync("merging.md", merge: true);

        // Every lone snippet of the sample is planned into a chunk but the three whose code could show the wrapping
        // (typeof(...).FullName, GetType(), CallerMemberName): those run alone, once. Declaring a class named Program
        // (a classic Main, or adding to the partial Program of top-level statements) shows nothing...
        Assert.Equal(report.Snippets.Count - 3, merging.Snippets);
        Assert.InRange(merging.Chunks, 1, report.Snippets.Count / 2);
        // ...the compile error and the nullable warning are compiled alone...
        Assert.Equal(2, merging.DroppedAtCompile);
        // ...and nothing runs twice: a snippet whose wrapping could show (its type names, its member names) is never merged.

        var lines = File.ReadAllLines(Samples.PathOf("merging.md"));
        int LineOf(string text) => Array.FindIndex(lines, l => l.Contains(text, StringComparison.Ordinal)) + 1;
        var byName = report.Snippets.ToDictionary(r => r.Snippet.Tags.Name!);
        Assert.Equal(("CS0029", new SourceLocation("merging.md", LineOf("total += \"one\""), 4)),
            (byName["broken"].Code, byName["broken"].FailureLocation));
        Assert.Contains(byName["warns"].Diagnostics, d => d.Id == "CS8602" && d.Location.Line == LineOf("name.Length"));
        foreach (var name in new[] { "awaits", "returns", "classic-main", "record-text", "partial-program", "full-name", "member-name", "same-name-1", "same-name-2", "reads" })
        {
            Assert.True(byName[name].Status == SnippetStatus.Passed, $"{name}: {byName[name].Message}");
        }
        Assert.Equal(("SC2001", "Gadget\n"), (byName["wrong-output"].Code, byName["wrong-output"].ActualOutput));
    }

    [Fact]
    public async Task Snippets_sharing_one_runner_in_turn_still_pass_or_fail_on_their_own()
    {
        // One slot: every snippet of every chunk runs in the same runner, one after another.
        var merged = await VerifyAsync("merging.md", merge: true, parallelism: 1);
        var alone = await VerifyAsync("merging.md", merge: false, parallelism: 1);
        Assert.Equal(Visible(alone.Report), Visible(merged.Report));
    }

    [Fact]
    public async Task When_most_snippets_draw_diagnostics_later_chunks_are_compiled_alone()
    {
        // 100 snippets in one slot make three chunks; four in five do not compile, like fragments under --all.
        var markdown = string.Concat(Enumerable.Range(0, 100).Select(i => i % 5 == 0
            ? $"```csharp run\nConsole.WriteLine({i});\n```\n\n```output\n{i}\n```\n\n"
            : $"```csharp compile\nint value{i} = \"{i}\";\n```\n\n"));
        using var folder = new TempFolder();
        folder.Write("fragments.md", markdown);
        var verifier = new Verifier(new VerifyOptions { Paths = ["fragments.md"], CurrentDirectory = folder.Path, CommandLine = new() { Cache = false, Parallelism = 1 } });

        var report = await verifier.RunAsync();

        Assert.Equal((20, 80), (report.Snippets.Count(r => r.Status == SnippetStatus.Passed), report.Snippets.Count(r => r.Code == "CS0029")));
        Assert.Equal(2, report.Merging.Chunks);
        Assert.Equal(100 - report.Merging.Snippets, report.Merging.NotMerged);
        Assert.InRange(report.Merging.NotMerged, 30, 40);
    }
}
