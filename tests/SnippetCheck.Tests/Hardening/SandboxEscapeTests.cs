using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using SnippetCheck.Execution;
using SnippetCheck.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SnippetCheck.Tests.Hardening;

/// <summary>What a hostile-suite case needs from the kernel; the case is skipped, saying why, where it is missing.</summary>
public enum SandboxFeature { Filesystem, Network, Signals, PidNamespace, ProcessBound, PidsCgroup, Sockets, AsRoot }

/// <summary>A fact that runs only where the kernel offers what the sandbox needs for it (issue: "say why it was skipped").</summary>
public sealed class SandboxFactAttribute : FactAttribute
{
    public SandboxFactAttribute(SandboxFeature feature)
    {
        var missing = Missing(feature);
        if (missing is not null) Skip = $"sandbox case not run: {missing}";
    }

    internal static string? Missing(SandboxFeature feature)
    {
        if (!OperatingSystem.IsLinux()) return "the sandbox is Linux only";
        var abi = Landlock.Abi;
        return feature switch
        {
            SandboxFeature.Filesystem when abi == 0 => "this kernel offers no Landlock",
            SandboxFeature.Network when abi < Landlock.FirstWithNetwork && !Sandbox.NamespacesWork => $"Landlock ABI {abi} < 4 and no network namespaces",
            SandboxFeature.Signals when abi < Landlock.FirstWithScopes && !Sandbox.NamespacesWork => $"Landlock ABI {abi} < 6 and no PID namespaces",
            SandboxFeature.PidNamespace or SandboxFeature.ProcessBound when !Sandbox.NamespacesWork => "unprivileged user and PID namespaces do not work here",
            // As root without a pids cgroup nothing bounds a fork bomb but the timeout: it would fill the machine's PID space.
            SandboxFeature.ProcessBound when !RunnerCgroups.LimitsTasks && Environment.UserName == "root" => "running as root without a pids cgroup to bound a fork bomb",
            SandboxFeature.Sockets when !SocketFilter.Supported => "no socket filter (seccomp) for this architecture",
            SandboxFeature.AsRoot when abi == 0 => "this kernel offers no Landlock",
            // Only root may plant a canary in /etc/ssl/private; as another user the runner could not read it anyway.
            SandboxFeature.AsRoot when Environment.UserName != "root" => "a canary in /etc/ssl/private needs the tests to run as root",
            SandboxFeature.PidsCgroup when !RunnerCgroups.LimitsTasks => "the tool cannot make pids cgroups here (it needs root with cgroup v1, or a delegated v2 subtree)",
            _ => null,
        };
    }
}

/// <summary>A theory that runs only where the kernel offers what the sandbox needs for it, as <see cref="SandboxFactAttribute"/>.</summary>
public sealed class SandboxTheoryAttribute : TheoryAttribute
{
    public SandboxTheoryAttribute(SandboxFeature feature)
    {
        var missing = SandboxFactAttribute.Missing(feature);
        if (missing is not null) Skip = $"sandbox case not run: {missing}";
    }
}

/// <summary>
/// The hostile suite (SECURITY.md, "What the sandbox stops"): each snippet tries an escape through the real CLI with
/// the sandbox on by default, gets its ordinary verdict, and afterwards the test checks that nothing outside happened.
/// Where a control run with <c>--no-sandbox</c> is cheap, it shows the same attempt succeeds unconfined, so the
/// test is known to be able to fail.
/// </summary>
[TakesSeconds(34)]
public sealed class SandboxEscapeTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempFolder _folder = new();

    private string Home => Path.Combine(_folder.Path, "home");

    private CliResult Verify(string post, params string[] extra)
    {
        Directory.CreateDirectory(Home);
        var result = CliRunner.Run(_folder.Path, new Dictionary<string, string?> { ["HOME"] = Home },
            ["verify", post, "--report", "json=report.json", "-v", .. extra]);
        output.WriteLine($"$ snippetcheck verify {post} {string.Join(' ', extra)} → exit {result.ExitCode}\n{result.Output}");
        return result;
    }

    [SandboxFact(SandboxFeature.Filesystem)]
    public void A_snippet_cannot_read_a_secret_in_home_nor_the_post_itself()
    {
        var secret = _folder.Write("home/.ssh/id_rsa", "PRIVATE KEY CANARY");
        var post = _folder.Write("post.md", $$"""
            ```csharp run
            foreach (var path in new[] { "{{secret}}", "{{Path.Combine(_folder.Path, "post.md")}}" })
            {
                try { Console.WriteLine("LEAK " + File.ReadAllText(path)[..5]); }
                catch (UnauthorizedAccessException) { Console.WriteLine("denied"); }
            }
            ```

            ```output
            denied
            denied
            ```
            """);

        var confined = Verify("post.md");
        Assert.True(confined.ExitCode == 0, confined.Output);
        Assert.DoesNotContain("LEAK", confined.Output);

        var unconfined = Verify("post.md", "--no-sandbox", "--no-cache");
        Assert.Contains("LEAK", unconfined.Output);
        Assert.Equal(1, unconfined.ExitCode);
        Assert.Equal("PRIVATE KEY CANARY", File.ReadAllText(secret));
    }

    [SandboxFact(SandboxFeature.Filesystem)]
    public void A_snippet_cannot_write_into_the_checkout_the_result_cache_or_home()
    {
        var targets = new[]
        {
            Path.Combine(_folder.Path, "planted.txt"),
            Path.Combine(_folder.Path, ".snippetcheck", "cache", "planted.json"),
            Path.Combine(Home, "planted.txt"),
        };
        Directory.CreateDirectory(Path.Combine(_folder.Path, ".snippetcheck", "cache"));
        var attempts = string.Join("\n", targets.Select(t => $$"""
            try { File.WriteAllText("{{t}}", "x"); Console.WriteLine("WROTE"); } catch (UnauthorizedAccessException) { Console.WriteLine("denied"); }
            """));
        _folder.Write("post.md", $"""
            ```csharp run
            {attempts}
            File.WriteAllText("mine.txt", "its own folder is writable");
            File.WriteAllText(Path.Combine(Path.GetTempPath(), "t.txt"), "and so is its temp folder");
            Console.WriteLine(File.ReadAllText("mine.txt"));
            ```

            ```output
            denied
            denied
            denied
            its own folder is writable
            ```
            """);

        var result = Verify("post.md");

        Assert.True(result.ExitCode == 0, result.Output);
        foreach (var target in targets) Assert.False(File.Exists(target), $"{target} was written");
    }

    [SandboxFact(SandboxFeature.Network)]
    public async Task A_snippet_cannot_connect_to_a_local_listener_unless_tagged_network()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        string Post(string tags, string expected) => $$"""
            ```csharp {{tags}}
            try { new System.Net.Sockets.TcpClient().Connect("127.0.0.1", {{port}}); Console.WriteLine("connected"); }
            catch (System.Net.Sockets.SocketException) { Console.WriteLine("blocked"); }
            ```

            ```output
            {{expected}}
            ```
            """;
        _folder.Write("blocked.md", Post("run", "blocked"));
        _folder.Write("allowed.md", Post("run network", "connected"));

        var blocked = Verify("blocked.md");
        Assert.True(blocked.ExitCode == 0, blocked.Output);
        Assert.False(listener.Pending(), "the listener saw a connection from a confined snippet");

        var allowed = Verify("allowed.md");
        Assert.True(allowed.ExitCode == 0, allowed.Output);
        using var accepted = await listener.AcceptTcpClientAsync().WaitAsync(TimeSpan.FromSeconds(5));
    }

    [SandboxFact(SandboxFeature.Signals)]
    public void A_snippet_cannot_signal_the_tool_or_another_runner()
    {
        // The tool's PID is only known once it runs: a shell writes its own PID (which exec keeps) into the post first.
        // The runners' PIDs are known once they start: the test writes them where the killer may read (a sandboxRead grant).
        _folder.Write("snippetcheck.json", """{ "sandboxRead": ["pids"] }""");
        Directory.CreateDirectory(Path.Combine(_folder.Path, "pids"));
        var pidFile = Path.Combine(_folder.Path, "pids", "runners.txt");
        _folder.Write("post.md", $$"""
            ```csharp run name=sleeper
            Thread.Sleep(3000);
            Console.WriteLine("still alive");
            ```

            ```output
            still alive
            ```

            ```csharp run name=killer
            SpinWait.SpinUntil(() => File.Exists("{{pidFile}}"), 20_000);
            var targets = "TOOLPID " + File.ReadAllText("{{pidFile}}");
            using var kill = System.Diagnostics.Process.Start("/bin/sh", ["-c", $"for p in {targets}; do kill -KILL $p; done; kill -TERM TOOLPID"])!;
            kill.WaitForExit();
            ```
            """);
        var start = CliRunner.StartInfo(_folder.Path, new Dictionary<string, string?> { ["HOME"] = Home }, []);
        var command = $"sed -i \"s/TOOLPID/$$/g\" post.md && exec dotnet exec '{CliRunner.ToolPath}' verify post.md --parallel 2 -v --no-cache";
        var shell = new ProcessStartInfo("/bin/sh", ["-c", command]) { WorkingDirectory = _folder.Path, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (name, value) in start.Environment) shell.Environment[name] = value;
        using var tool = Process.Start(shell)!;
        var stdout = tool.StandardOutput.ReadToEndAsync();
        var stderr = tool.StandardError.ReadToEndAsync();
        Assert.True(ProcessProbe.WaitUntil(() => ProcessProbe.RunnersOf(tool.Id).Count >= 2, TimeSpan.FromSeconds(30)), "the runners did not start");
        var runners = ProcessProbe.RunnersOf(tool.Id).Select(p => p.Id).ToList();
        File.WriteAllText(pidFile, string.Join(' ', runners));
        Assert.True(tool.WaitForExit(TimeSpan.FromMinutes(2)));
        var text = stdout.Result + stderr.Result;
        output.WriteLine($"runner processes signalled: {string.Join(' ', runners)}\n{text}");

        Assert.True(tool.ExitCode == 0, text);
        Assert.Contains("2 passed, 0 failed", text);
    }

    [SandboxFact(SandboxFeature.PidNamespace)]
    public void Processes_a_snippet_detaches_with_setsid_or_a_double_fork_die_with_its_runner()
    {
        var marker = Random.Shared.Next(100_000, 999_999);
        _folder.Write("post.md", $$"""
            ```csharp run
            System.Diagnostics.Process.Start("/bin/sh", ["-c", "setsid sleep {{marker}}.1 & (setsid sh -c 'sleep {{marker}}.2' &) & sleep 0.2"])!.WaitForExit();
            Console.WriteLine("detached");
            ```
            """);

        var result = Verify("post.md", "--no-cache");

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.True(ProcessProbe.WaitUntil(() => ProcessProbe.Matching($"sleep {marker}").Count == 0, TimeSpan.FromSeconds(5)),
            $"left running: {string.Join(", ", ProcessProbe.Matching($"sleep {marker}"))}");
    }

    [SandboxFact(SandboxFeature.ProcessBound)]
    public void A_fork_bomb_ends_with_its_timeout_and_leaves_no_process()
    {
        _folder.Write("post.md", """
            ```csharp run timeout=1s
            System.Diagnostics.Process.Start("/bin/sh", ["-c", "bomb() { bomb | bomb & }; bomb"]);
            Thread.Sleep(Timeout.Infinite);
            ```
            """);

        var result = Verify("post.md", "--no-cache");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("[timeout]", result.Output);
        Assert.True(ProcessProbe.WaitUntil(() => ProcessProbe.Matching("bomb() { bomb").Count == 0, TimeSpan.FromSeconds(10)),
            $"{ProcessProbe.Matching("bomb() { bomb").Count} bomb processes left");
    }

    [SandboxFact(SandboxFeature.Filesystem)]
    public void A_snippet_cannot_poison_the_cache_with_a_pass_for_a_failing_snippet()
    {
        // Run 1: 'target' passes (it prints what VERDICT says), so its entry's path, the cache key, is known.
        // Runs 2 and 3: it fails; 'poisoner' writes a passing entry there (POISON says where). Run 3 must still fail it.
        _folder.Write("snippetcheck.json", """{ "environment": ["VERDICT", "POISON"] }""");
        _folder.Write("post.md", """
            ```csharp run name=target
            Console.WriteLine(Environment.GetEnvironmentVariable("VERDICT"));
            ```

            ```output
            good
            ```

            ```csharp run name=poisoner
            if (Environment.GetEnvironmentVariable("POISON") is { Length: > 0 } path)
            {
                try { File.WriteAllText(path, File.ReadAllText(path + ".pass")); } catch (Exception e) { Console.WriteLine(e.GetType().Name); }
            }
            ```
            """);
        var cache = Path.Combine(_folder.Path, ".snippetcheck", "cache");

        string Run(string verdict, string poison, params string[] extra)
        {
            Dictionary<string, string?> environment = new() { ["HOME"] = Home, ["VERDICT"] = verdict, ["POISON"] = poison };
            var target = CliRunner.Run(_folder.Path, environment, ["verify", "post.md", "--filter", "target", .. extra]);
            // The poisoner always runs: a cached pass of its own would skip the attempt.
            var poisoner = CliRunner.Run(_folder.Path, environment, ["verify", "post.md", "--filter", "poisoner", "--no-cache", .. extra]);
            output.WriteLine(target.Output + poisoner.Output);
            return target.Output;
        }

        Assert.Contains("1 passed", Run("good", ""));
        var entry = Directory.GetFiles(cache, "*.json", SearchOption.AllDirectories).Single();
        // The entry is kept aside where the poisoner can copy it from (readable only where the sandbox allows), and removed.
        File.Move(entry, entry + ".pass");

        Assert.Contains("0 passed, 1 failed", Run("bad", entry));
        Assert.False(File.Exists(entry), "a confined snippet wrote into the result cache");
        Assert.Contains("0 passed, 1 failed", Run("bad", entry));

        // Unconfined, the same snippet poisons the cache: the failing snippet is then reported as passed.
        Run("bad", entry, "--no-sandbox");
        Assert.True(File.Exists(entry), "the control run could not poison the cache, so this test proves nothing");
    }

    public void Dispose() => _folder.Dispose();
}
