using System.Diagnostics;
using SnippetCheck.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SnippetCheck.Tests.Hardening;

/// <summary>
/// --accept killed at any moment leaves every post wholly old or wholly new, never half-written. The kills land in the
/// write window by construction, not by luck: the tool's test seam (SNIPPETCHECK_TEST_HOLD_REPLACE, see
/// src/SnippetCheck/Store/ReplaceHold.cs) holds the Nth rewrite half-way through its temporary file or just before the
/// rename and says so, and the test kills it there; more kills land at fractions of a run's measured length.
/// </summary>
public sealed class AcceptKillTests(ITestOutputHelper output)
{
    private const int Posts = 4;

    // Big posts make the write window wide; each has one mismatching output block to rewrite.
    private static readonly string Padding = string.Concat(Enumerable.Repeat("Some prose that makes the file large enough to take a moment to write.\n\n", 20_000));

    [Fact]
    public void Accept_killed_at_random_moments_leaves_each_post_old_or_new()
    {
        using var folder = new TempFolder();
        using var signals = new TempFolder();
        var posts = Enumerable.Range(0, Posts).Select(i => folder.Write($"post{i}.md",
            $"{Padding}```csharp name=p{i}\nConsole.WriteLine(\"new {i}\");\n```\n\n```output\nold {i}\n```\n")).ToList();
        var old = posts.ToDictionary(p => p, File.ReadAllBytes);

        // A whole run, unheld: how long one takes here, and that it rewrites every post.
        var clock = Stopwatch.StartNew();
        using (var whole = Start(folder.Path, hold: null))
        {
            whole.WaitForExit();
        }
        var length = clock.Elapsed;
        output.WriteLine($"a whole --accept run: {length.TotalSeconds:F1} s");
        Assert.All(posts, post => Assert.Equal(Kind.New, KindOf(post, old[post])));
        Restore(old);

        // Held: the Nth rewrite stops half-way through its temporary file, or with it whole but not renamed, and is killed
        // there. The posts rewritten before it are new; it and the rest are old.
        TimeSpan? toFirstWrite = null;
        foreach (var point in new[] { "mid-write", "before-rename" })
        {
            foreach (var nth in new[] { 1, Posts })
            {
                var signal = Path.Combine(signals.Path, $"{point}-{nth}");
                using var held = Start(folder.Path, $"{point}:{nth}:{signal}");
                var waited = Stopwatch.StartNew();
                while (!File.Exists(signal) && !held.HasExited && waited.Elapsed < TimeSpan.FromMinutes(3)) Thread.Sleep(20);
                Assert.True(File.Exists(signal), $"the rewrite never reached {point} of rewrite {nth} (exited: {held.HasExited})");
                toFirstWrite ??= waited.Elapsed;
                held.Kill(entireProcessTree: true);
                held.WaitForExit();

                var kinds = posts.Select(post => KindOf(post, old[post])).ToList();
                output.WriteLine($"killed at {point} of rewrite {nth}: {string.Join(", ", kinds)}");
                Assert.DoesNotContain(Kind.Torn, kinds);
                Assert.Equal(nth - 1, kinds.Count(k => k == Kind.New));
                Restore(old);
            }
        }

        // Unheld, killed around the measured moment the first rewrite began, and at fractions of a whole run: wherever
        // the kill falls, each post is old or new.
        foreach (var at in new[] { 1.0, 1.1 }.Select(f => toFirstWrite!.Value * f).Append(length * 0.9))
        {
            using var run = Start(folder.Path, hold: null);
            Thread.Sleep(at);
            if (!run.HasExited) run.Kill(entireProcessTree: true);
            run.WaitForExit();
            var kinds = posts.Select(post => KindOf(post, old[post])).ToList();
            output.WriteLine($"killed after {at.TotalSeconds:F2} s: {string.Join(", ", kinds)}");
            Assert.DoesNotContain(Kind.Torn, kinds);
            Restore(old);
        }
    }

    private enum Kind { Old, New, Torn }

    private static Kind KindOf(string post, byte[] old)
    {
        var bytes = File.ReadAllBytes(post);
        if (bytes.AsSpan().SequenceEqual(old)) return Kind.Old;
        var text = File.ReadAllText(post);
        return text.StartsWith(Padding, StringComparison.Ordinal) && text.EndsWith($"```output\nnew {post[^4]}\n```\n", StringComparison.Ordinal)
            && text.Length == old.Length ? Kind.New : Kind.Torn;
    }

    /// <summary>Starts the next attempt from the old posts, so every kill can land mid-run.</summary>
    private static void Restore(Dictionary<string, byte[]> old)
    {
        foreach (var (post, bytes) in old) File.WriteAllBytes(post, bytes);
    }

    private static Process Start(string folder, string? hold)
    {
        var start = new ProcessStartInfo("dotnet", ["exec", CliRunner.ToolPath, "verify", ".", "--accept", "--no-cache"])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["CI"] = "true";
        if (hold is not null) start.Environment["SNIPPETCHECK_TEST_HOLD_REPLACE"] = hold;
        var process = Process.Start(start)!;
        process.StandardOutput.ReadToEndAsync();
        process.StandardError.ReadToEndAsync();
        return process;
    }
}
