using System.Diagnostics;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Hardening;

/// <summary>--accept killed at any moment leaves every post wholly old or wholly new, never half-written.</summary>
public sealed class AcceptKillTests
{
    [Fact]
    public void Accept_killed_at_random_moments_leaves_each_post_old_or_new()
    {
        using var folder = new TempFolder();
        // Big posts make the write window wide; each has one mismatching output block to rewrite.
        var padding = string.Concat(Enumerable.Repeat("Some prose that makes the file large enough to take a moment to write.\n\n", 20_000));
        var posts = Enumerable.Range(0, 4).Select(i => folder.Write($"post{i}.md",
            $"{padding}```csharp name=p{i}\nConsole.WriteLine(\"new {i}\");\n```\n\n```output\nold {i}\n```\n")).ToList();
        var old = posts.ToDictionary(p => p, File.ReadAllBytes);
        var random = new Random(1234);
        var sawOld = false;

        for (var attempt = 0; attempt < 6; attempt++)
        {
            var start = new ProcessStartInfo("dotnet", ["exec", CliRunner.ToolPath, "verify", ".", "--accept", "--no-cache"])
            {
                WorkingDirectory = folder.Path,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            start.Environment["CI"] = "true";
            using var process = Process.Start(start)!;
            process.StandardOutput.ReadToEndAsync();
            process.StandardError.ReadToEndAsync();
            Thread.Sleep(random.Next(500, 4000));
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            process.WaitForExit();

            foreach (var post in posts)
            {
                var bytes = File.ReadAllBytes(post);
                var text = File.ReadAllText(post);
                var isOld = bytes.AsSpan().SequenceEqual(old[post]);
                var isNew = text.StartsWith(padding, StringComparison.Ordinal) && text.EndsWith($"```output\nnew {post[^4]}\n```\n", StringComparison.Ordinal)
                    && text.Length == old[post].Length;
                sawOld |= isOld;
                Assert.True(isOld || isNew, $"{post} is neither the old nor the new post after a kill");
            }
            // Start the next attempt from the old posts so every kill can land mid-run.
            foreach (var post in posts) File.WriteAllBytes(post, old[post]);
        }
        Assert.True(sawOld, "no kill landed before the rewrite; the test proved nothing");
    }
}
