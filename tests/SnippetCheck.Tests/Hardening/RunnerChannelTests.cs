using System.Diagnostics;
using SnippetCheck.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SnippetCheck.Tests.Hardening;

/// <summary>
/// Issue 53, items 2 and 8: a snippet shares its runner's process, and so the file descriptors of the runner's channel
/// to the tool and of its stdout. Whatever it writes there, a verdict is the tool's own: no snippet's report can become
/// another's (in the run or through the cache), a forged frame costs the tool no memory, raw stdout counts against the
/// output limit, and what a killed run leaves in temp goes with the next run.
/// </summary>
public sealed class RunnerChannelTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempFolder _folder = new();

    /// <summary>
    /// A snippet that writes <c>FRAMES</c> (a byte[] expression), then <paramref name="mebibytes"/> MiB of zeros, to every
    /// socket its process holds: the runner's channel is one of them. DllImport of libc's write, as an attacker would,
    /// past every stream .NET would wrap it in.
    /// </summary>
    private static string WriteToEverySocket(string name, string frames, int mebibytes = 0) => $$"""
        ```csharp run name={{name}}
        var bytes = FRAMES;
        var sockets = 0;
        foreach (var entry in Directory.GetFiles("/proc/self/fd"))
        {
            if (new FileInfo(entry).LinkTarget is not { } target || !target.StartsWith("socket:")) continue;
            var fd = int.Parse(Path.GetFileName(entry));
            Libc.write(fd, bytes, bytes.Length);
            var zeros = new byte[1 << 20];
            for (var i = 0; i < {{mebibytes}}; i++) if (Libc.write(fd, zeros, zeros.Length) < 0) break;
            sockets++;
        }
        Console.WriteLine(sockets > 0 ? "wrote" : "found no socket");

        static class Libc { [System.Runtime.InteropServices.DllImport("libc")] public static extern nint write(int fd, byte[] buffer, nint count); }

        static class Forged
        {
            /// <summary>A "finished, completed, reusable" report printing <paramref name="stdout"/>, framed as the channel frames one.</summary>
            public static byte[] Finished(string stdout)
            {
                var body = new MemoryStream();
                var writer = new BinaryWriter(body);
                writer.Write((byte)3);
                writer.Write((byte)1);
                writer.Write(true);
                writer.Write(0);
                writer.Write(stdout);
                writer.Write("");
                writer.Write(0);
                writer.Write(-1);
                writer.Write("");
                writer.Write("");
                writer.Write("");
                writer.Write(0);
                writer.Flush();
                return [.. BitConverter.GetBytes((int)body.Length), .. body.ToArray()];
            }
        }
        ```

        """.Replace("FRAMES", frames);

    /// <summary>Two snippets whose output is 2, expected to be 3: broken, whatever another post forges.</summary>
    private const string TwoBrokenSnippets = """
        ```csharp run name=broken-one
        Console.WriteLine(1 + 1);
        ```

        ```output
        3
        ```

        ```csharp run name=broken-two
        Console.WriteLine(2 * 1);
        ```

        ```output
        3
        ```
        """;

    private (CliResult Result, JsonReport Report) Verify(params string[] extra)
    {
        var result = CliRunner.Run(_folder.Path, new Dictionary<string, string?>(), ["verify", "--report", "json=report.json", "--cache-dir", "cache", .. extra]);
        output.WriteLine($"$ snippetcheck verify {string.Join(' ', extra)} → exit {result.ExitCode}\n{result.Output}");
        return (result, JsonReport.Load(Path.Combine(_folder.Path, "report.json")));
    }

    [SandboxFact(SandboxFeature.Filesystem)]
    public void Forged_passed_reports_from_one_post_pass_no_snippet_of_another_nor_poison_the_cache()
    {
        // One runner, so the forging post's runner is the one the broken post's snippets would run on next.
        _folder.Write("snippetcheck.json", """{ "parallelism": 1 }""");
        _folder.Write("a-forges.md", WriteToEverySocket("forger", "Enumerable.Range(0, 4).SelectMany(_ => Forged.Finished(\"3\\n\")).ToArray()"));
        _folder.Write("b-broken.md", TwoBrokenSnippets);

        var (_, first) = Verify();
        foreach (var name in new[] { "broken-one", "broken-two" })
        {
            var broken = first.Snippet(name);
            Assert.True(broken.Str("status") == "failed", $"{name}: {broken}");
            Assert.Equal("output-mismatch", broken.Str("reason"));
        }
        var forger = first.Snippet("forger");
        Assert.Equal("failed", forger.Str("status"));
        Assert.Contains("the snippet wrote to the runner's channel", forger.Str("message"));

        // The attacking post is gone; nothing it made another snippet do was kept.
        File.Delete(Path.Combine(_folder.Path, "a-forges.md"));
        var (_, second) = Verify();
        foreach (var name in new[] { "broken-one", "broken-two" })
        {
            var broken = second.Snippet(name);
            Assert.True(broken.Str("status") == "failed" && !broken.GetProperty("cached").GetBoolean(), $"{name}: {broken}");
        }
    }

    [SandboxFact(SandboxFeature.Filesystem)]
    public void A_forged_frame_of_2GiB_fails_its_snippet_at_once_and_costs_the_tool_no_memory()
    {
        // A length of 2 GiB less a little, and 384 MiB of it: the tool must refuse it before it allocates or reads anything.
        _folder.Write("post.md", WriteToEverySocket("huge-frame", "BitConverter.GetBytes(0x7FFF_0000)", mebibytes: 384));

        var clock = Stopwatch.StartNew();
        var (result, maxRssKb) = VerifyMeasured();
        clock.Stop();
        output.WriteLine($"max RSS {maxRssKb / 1024} MiB in {clock.Elapsed.TotalSeconds:0.0}s\n{result.Output}");

        var report = JsonReport.Load(Path.Combine(_folder.Path, "report.json"));
        var snippet = report.Snippet("huge-frame");
        Assert.Equal("failed", snippet.Str("status"));
        Assert.Contains("the snippet wrote to the runner's channel", snippet.Str("message"));
        // The tool itself takes about 130 MiB here; reading the frame's body would add its 384 MiB.
        Assert.True(maxRssKb < 300 * 1024, $"the tool grew to {maxRssKb / 1024} MiB");
    }

    /// <summary>The CLI as a process under <c>/usr/bin/time</c>, for its peak resident memory in KiB.</summary>
    private (CliResult Result, long MaxRssKb) VerifyMeasured()
    {
        var start = CliRunner.StartInfo(_folder.Path, null, ["verify", "--report", "json=report.json", "--no-cache"]);
        var measured = new ProcessStartInfo("/usr/bin/time", ["-f", "maxrss=%M", start.FileName, .. start.ArgumentList])
        {
            WorkingDirectory = start.WorkingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var (name, value) in start.Environment) measured.Environment[name] = value;
        using var process = Process.Start(measured)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(3)), "the run hung");
        var line = stderr.Result.Split('\n').Last(l => l.StartsWith("maxrss=", StringComparison.Ordinal));
        return (new CliResult(process.ExitCode, stdout.Result, stderr.Result), long.Parse(line["maxrss=".Length..], System.Globalization.CultureInfo.InvariantCulture));
    }

    [SandboxFact(SandboxFeature.Filesystem)]
    public void Raw_stdout_writes_past_1MiB_end_with_output_limit()
    {
        _folder.Write("post.md", """
            ```csharp run name=raw-flood
            using var stdout = Console.OpenStandardOutput();
            var line = new byte[64 * 1024];
            Array.Fill(line, (byte)'x');
            for (var i = 0; i < 64; i++) stdout.Write(line);
            ```
            """);

        var (_, report) = Verify("--no-cache");

        var flood = report.Snippet("raw-flood");
        Assert.True(flood.Str("reason") == "output-limit", flood.ToString());
    }

    [SandboxFact(SandboxFeature.Filesystem)]
    public void A_run_removes_the_work_folders_and_pipe_sockets_of_runs_whose_process_is_gone()
    {
        // A pid that was in use a moment ago and is gone now, as after a SIGKILLed run.
        int deadPid;
        using (var exited = Process.Start(new ProcessStartInfo("true"))!)
        {
            exited.WaitForExit();
            deadPid = exited.Id;
        }
        Assert.False(Directory.Exists($"/proc/{deadPid}"));
        var temp = Path.GetTempPath();
        var folder = Path.Combine(temp, $"snippetcheck-{deadPid}-{Guid.NewGuid():N}"[..40]);
        Directory.CreateDirectory(Path.Combine(folder, "r1", "runs", "1"));
        File.WriteAllText(Path.Combine(folder, "r1", "runs", "1", "left.txt"), "x");
        var socket = Path.Combine(temp, $"snippetcheck-{deadPid}-{Guid.NewGuid():N}"[..40]);
        using (var listener = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.Unix, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Unspecified))
        {
            listener.Bind(new System.Net.Sockets.UnixDomainSocketEndPoint(socket));
        }
        // A live process's folder stays: this test's own pid is alive.
        var alive = Path.Combine(temp, $"snippetcheck-{Environment.ProcessId}-{Guid.NewGuid():N}"[..40]);
        Directory.CreateDirectory(alive);
        try
        {
            _folder.Write("post.md", """
                ```csharp run
                Console.WriteLine("ran");
                ```
                """);

            var (result, _) = Verify("--no-cache");

            Assert.True(result.ExitCode == 0, result.Output);
            Assert.False(Directory.Exists(folder), $"{folder} is still there");
            Assert.False(File.Exists(socket), $"{socket} is still there");
            Assert.True(Directory.Exists(alive));
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
            File.Delete(socket);
            Directory.Delete(alive);
        }
    }

    [SandboxFact(SandboxFeature.Filesystem)]
    public void A_corrupted_result_cache_entry_is_not_believed()
    {
        _folder.Write("post.md", """
            ```csharp run name=prints
            Console.WriteLine(40 + 2);
            ```

            ```output
            42
            ```
            """);
        var (_, filled) = Verify();
        Assert.Equal("passed", filled.Snippet("prints").Str("status"));

        // The entry still reads as JSON, but is not what the run wrote: the output it records was changed.
        var entry = Assert.Single(Directory.GetFiles(Path.Combine(_folder.Path, "cache"), "*.json", SearchOption.AllDirectories),
            f => File.ReadAllText(f).Contains("\"42\\n\"", StringComparison.Ordinal));
        File.WriteAllText(entry, File.ReadAllText(entry).Replace("\"42\\n\"", "\"43\\n\"", StringComparison.Ordinal));

        var (_, again) = Verify();
        var prints = again.Snippet("prints");
        Assert.Equal("passed", prints.Str("status"));
        Assert.False(prints.GetProperty("cached").GetBoolean(), "a changed entry was believed");
    }

    public void Dispose() => _folder.Dispose();
}
