using SnippetCheck.Driver;
using SnippetCheck.Results;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Hardening;

/// <summary>Snippets that share a runner one after another must not reach into each other's runs.</summary>
public sealed class RunnerIsolationTests
{
    [Fact]
    public async Task A_handler_left_on_a_process_wide_event_does_not_print_into_a_later_snippet()
    {
        // One slot, so both snippets run in turn; the first leaves its handler on UnobservedTaskException,
        // the second faults a task nobody observes. Its output must be its own handler's line alone.
        const string Handler = """
            TaskScheduler.UnobservedTaskException += (_, e) => Console.WriteLine($"NAME: {e.Exception.InnerException!.Message}");
            """;
        const string Forget = """
            StartAndForget();
            GC.Collect();
            GC.WaitForPendingFinalizers();
            [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
            static void StartAndForget()
            {
                var task = Task.Run(() => throw new InvalidOperationException("boom"));
                SpinWait.SpinUntil(() => task.IsCompleted);
            }
            """;
        var markdown = $"""
            ```csharp run name=first
            {Handler.Replace("NAME", "first")}
            Console.WriteLine("first ran");
            ```

            ```output
            first ran
            ```

            ```csharp run name=second
            {Handler.Replace("NAME", "second")}
            {Forget}
            ```

            ```output
            second: boom
            ```
            """;

        var report = await Pipeline.VerifyAsync(markdown, o => o with { CommandLine = new() { Parallelism = 1, Cache = false } });

        foreach (var result in report.Snippets)
        {
            Assert.True(result.Status == SnippetStatus.Passed, $"{result.Snippet.Tags.Name}: {result.Message}\n{result.Detail}");
        }
    }
}

public sealed class RunnerEnvironmentTests
{
    [Fact]
    public void Runners_start_untiered_with_a_small_gen0_and_without_the_tools_diagnostic_port()
    {
        var environment = new Execution.RunnerOptions().BuildEnvironment(new System.Collections.Hashtable
        {
            ["DOTNET_DiagnosticPorts"] = "/tmp/port,suspend",
            ["DOTNET_TieredCompilation"] = "1",
            ["DOTNET_gcServer"] = "0",
            ["SECRET"] = "x",
        });

        Assert.False(environment.ContainsKey("DOTNET_DiagnosticPorts"));
        Assert.False(environment.ContainsKey("SECRET"));
        Assert.Equal("0", environment["DOTNET_gcServer"]);
        Assert.Equal(("0", "0", "400000"), (environment["DOTNET_TieredCompilation"], environment["DOTNET_TieredPGO"], environment["DOTNET_GCgen0size"]));
    }
}

public sealed class ToolRuntimeSettingsTests
{
    [Fact]
    public void The_tool_delays_tier_one_promotion_and_runs_without_dynamic_PGO()
    {
        var path = Path.ChangeExtension(CliRunner.ToolPath, ".runtimeconfig.json");
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(path));
        var properties = json.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");
        Assert.Equal(3000, properties.GetProperty("System.Runtime.TieredCompilation.CallCountingDelayMs").GetInt32());
        Assert.False(properties.GetProperty("System.Runtime.TieredPGO").GetBoolean());
    }
}

/// <summary>
/// A runner reuses its run thread and, when a run left them untouched, its working and temp folders (issue 15). A
/// snippet must still see what a fresh process would show, whatever ran before it on the same runner.
/// </summary>
public sealed class RunnerReuseTests
{
    [Fact]
    public async Task A_snippet_after_one_that_wrote_files_and_changed_its_thread_sees_a_fresh_folder_and_thread()
    {
        const string markdown = """
            ```csharp run name=changes-everything
            File.WriteAllText("left-behind.txt", "x");
            File.WriteAllText(Path.Combine(Path.GetTempPath(), "left-in-temp.txt"), "x");
            Directory.CreateDirectory("sub");
            var thread = Thread.CurrentThread;
            thread.Name = "renamed";
            thread.Priority = ThreadPriority.Lowest;
            thread.IsBackground = true;
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
            Thread.CurrentThread.Interrupt();
            Console.WriteLine("changed");
            ```

            ```output
            changed
            ```

            ```csharp run name=sees-a-fresh-start
            Console.WriteLine($"{Directory.GetFileSystemEntries(".").Length} {Directory.GetFileSystemEntries(Path.GetTempPath()).Length}");
            var thread = Thread.CurrentThread;
            Console.WriteLine($"{thread.Name ?? "unnamed"} {thread.Priority} {thread.IsBackground} '{System.Globalization.CultureInfo.CurrentCulture.Name}'");
            Thread.Sleep(1);
            Console.WriteLine("slept");
            ```

            ```output
            0 0
            unnamed Normal False ''
            slept
            ```
            """;

        // One slot: both snippets run in turn on the same runner, merged or alone.
        foreach (var noMerge in new[] { false, true })
        {
            var report = await Pipeline.VerifyAsync(markdown, o => o with { NoMerge = noMerge, CommandLine = new() { Parallelism = 1, Cache = false } });
            foreach (var result in report.Snippets)
            {
                Assert.True(result.Status == SnippetStatus.Passed, $"{result.Snippet.Tags.Name} (no-merge {noMerge}): {result.Message}\n{result.Detail}");
            }
        }
    }
}

/// <summary>
/// A process a snippet starts and leaves running retires its runner, like a thread it leaves (issue 15). The
/// snippets start theirs through libc's system(), not System.Diagnostics.Process, whose first use already retires
/// a runner by the threads it leaves.
/// </summary>
public sealed class LeftoverProcessTests
{
    [SandboxFact(SandboxFeature.PidsCgroup)]
    public async Task A_runner_whose_snippet_left_a_process_running_is_replaced_and_one_whose_snippet_waited_is_not()
    {
        const string markdown = """
            ```csharp run name=waits
            Console.WriteLine(Libc.system("sleep 0.1"));
            static class Libc { [System.Runtime.InteropServices.DllImport("libc")] public static extern int system(string command); }
            ```

            ```output
            0
            ```

            ```csharp run name=leaves
            Console.WriteLine(Libc.system("sleep 30 &"));
            static class Libc { [System.Runtime.InteropServices.DllImport("libc")] public static extern int system(string command); }
            ```

            ```output
            0
            ```

            ```csharp run name=after
            Console.WriteLine("after");
            ```

            ```output
            after
            ```
            """;
        using var folder = new TempFolder();
        folder.Write("post.md", markdown);
        var verifier = new Verifier(new VerifyOptions { Paths = ["post.md"], CurrentDirectory = folder.Path, NoMerge = true, CommandLine = new() { Parallelism = 1, Cache = false } });

        var report = await verifier.RunAsync();

        Assert.All(report.Snippets, result => Assert.True(result.Status == SnippetStatus.Passed, $"{result.Snippet.Tags.Name}: {result.Message}"));
        // The first runner served 'waits' and 'leaves', then went; a second one ran 'after'.
        Assert.Equal(2, report.RunnersStarted);
    }
}
