using SnippetCheck.Configuration;
using SnippetCheck.Execution;
using SnippetCheck.Extraction;
using SnippetCheck.Results;
using SnippetCheck.Extraction.Markdown;
using SnippetCheck.Model;

namespace SnippetCheck.Tests.Unit.Execution;

public sealed class SandboxTests
{
    [Fact]
    public void Config_reads_sandbox_mode_grants_and_network_and_rejects_bad_values()
    {
        var config = ConfigLoader.Parse("snippetcheck.json", """{ "sandbox": "off", "sandboxRead": ["data"], "sandboxWrite": ["out"], "network": true }""");
        Assert.Equal((SandboxMode.Off, "data", "out", true), (config.Sandbox, config.SandboxRead!.Single(), config.SandboxWrite!.Single(), config.Network));

        Assert.Contains("'sandbox' must be \"auto\" or \"off\"", Assert.Throws<ConfigException>(() => ConfigLoader.Parse("c.json", """{ "sandbox": "on" }""")).Message);
        Assert.Contains("'network' must be true or false", Assert.Throws<ConfigException>(() => ConfigLoader.Parse("c.json", """{ "network": "yes" }""")).Message);
    }

    [Fact]
    public void A_post_may_allow_the_network_in_front_matter_but_not_grant_paths()
    {
        var settings = FrontMatterReader.Read("post.md", new FrontMatter("snippetcheck:\n  network: true", new("post.md", 1, 1)));
        Assert.True(settings.Config!.Network);
        Assert.Throws<ConfigException>(() => FrontMatterReader.Read("post.md", new FrontMatter("snippetcheck:\n  sandboxRead: [\"/\"]", new("post.md", 1, 1))));
    }

    [Fact]
    public void The_network_tag_is_a_modifier()
    {
        var (tags, diagnostics) = SnippetCheck.Extraction.Snippets.TagParser.Parse([new SnippetCheck.Extraction.Snippets.TagSource("run network", new SourceLocation("p.md", 1, 1))], strictTags: true);
        Assert.Empty(diagnostics);
        Assert.True(tags.Network);
    }

    [Theory]
    [InlineData(1, 0x1FFFUL)]
    [InlineData(2, 0x3FFFUL)]
    [InlineData(3, 0x7FFFUL)]
    [InlineData(4, 0x7FFFUL)]
    [InlineData(5, 0xFFFFUL)]
    [InlineData(7, 0xFFFFUL)]
    public void Filesystem_rights_grow_with_the_ABI_so_older_kernels_get_what_they_know(int abi, ulong rights)
    {
        Assert.Equal(rights, Landlock.FilesystemRights(abi));
    }

    [Fact]
    public void A_runner_may_read_the_runtime_and_its_packages_and_write_only_its_own_folder()
    {
        var sandbox = new Sandbox(true, null, ["/data/granted"], ["/data/out"]);
        var kind = new RunnerKind(false, ["/packages/newtonsoft.json/13.0.3"]);

        var policy = sandbox.PolicyFor(kind, "/opt/tool/snippetcheck-runner.dll", "/tmp/run/r1");

        Assert.True(policy.Confine);
        Assert.False(policy.Network);
        Assert.Contains(DotnetInstallation.Root, policy.Read);
        Assert.Contains("/opt/tool", policy.Read);
        Assert.Contains("/packages/newtonsoft.json/13.0.3", policy.Read);
        Assert.Contains("/data/granted", policy.Read);
        Assert.Equal(["/dev/null", "/tmp/run/r1", "/data/out"], policy.ReadWrite);
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        Assert.DoesNotContain(policy.Read.Concat(policy.ReadWrite), p => p == home || p == "/tmp" || p == "/" || p.StartsWith(home + "/.ssh", StringComparison.Ordinal));
    }

    [Fact]
    public void Runner_kinds_keep_network_and_package_runners_apart()
    {
        using var folder = new Infrastructure.TempFolder();
        var package = folder.Write("packages/some.package/1.0.0/.nupkg.metadata", "{}");
        var dll = folder.Write("packages/some.package/1.0.0/lib/net8.0/Some.Package.dll", "");

        Assert.Same(RunnerKind.Default, RunnerKind.For(false, []));
        Assert.NotEqual(RunnerKind.Default, RunnerKind.For(true, []));
        var withPackage = RunnerKind.For(false, [dll]);
        Assert.Equal([Path.GetDirectoryName(package)!], withPackage.ReadPaths);
        Assert.Equal(withPackage, RunnerKind.For(false, [dll, dll]));
        Assert.NotEqual(withPackage, RunnerKind.For(true, [dll]));
    }

    [Fact]
    public void Off_says_why_and_describes_itself_in_one_line()
    {
        Assert.Equal("sandbox: off: turned off (--no-sandbox or \"sandbox\": \"off\")", Sandbox.Off.Expected().Describe());
        var full = new SandboxReport(true, 7, true, true, true, true, 0, null, UnixSockets: true, Udp: true);
        Assert.Equal("sandbox: Landlock ABI 7, filesystem confined, no network, no UNIX sockets, no UDP, signals scoped, PID namespace", full.Describe());
        var old = new SandboxReport(true, 4, true, true, false, false, 0, null);
        Assert.Contains("UNIX sockets NOT blocked, UDP NOT blocked, signals NOT scoped, process group only (no PID namespace)", old.Describe());
    }

    [Fact]
    public void The_judge_names_the_sandbox_only_when_a_confined_run_was_denied()
    {
        var confined = new SandboxStatus(7, true, true, true, true, 0, null);
        RunResult Threw(string type, string message, SandboxStatus? status) =>
            new RunResult(RunStatus.Exception, 0, "", "", new Dictionary<int, string>(), -1, type, message, type + ": " + message, null, TimeSpan.Zero) { Confinement = status };

        Assert.Contains("'network'", FailureHints.ForSandbox(Threw("System.Net.Sockets.SocketException", "Permission denied", confined)));
        Assert.Contains("sandboxRead", FailureHints.ForSandbox(Threw("System.UnauthorizedAccessException", "Access to the path is denied.", confined)));
        Assert.Contains("sandboxWrite", FailureHints.ForSandbox(Threw("System.IO.IOException", "Permission denied", confined)));
        Assert.Null(FailureHints.ForSandbox(Threw("System.UnauthorizedAccessException", "denied", null)));
        Assert.Null(FailureHints.ForSandbox(Threw("System.InvalidOperationException", "denied", confined)));

        // A socket the filter stopped names every blocked kind and how each is allowed.
        var sockets = confined with { UnixSocketsBlocked = true, UdpBlocked = true };
        Assert.Equal("the sandbox blocks TCP connections, UDP and UNIX sockets; tag the snippet 'network', or set \"network\": true in front matter " +
            "or snippetcheck.json (for a UNIX socket, grant its path with \"sandboxWrite\") (SECURITY.md)",
            FailureHints.ForSandbox(Threw("System.Net.Sockets.SocketException", "Permission denied", sockets)));
        var networkRunner = new SandboxStatus(7, true, false, true, true, 0, null, UnixSocketsBlocked: true, UdpBlocked: false);
        Assert.Contains("blocks UNIX sockets; grant a socket's path with \"sandboxWrite\"", FailureHints.ForSandbox(Threw("System.Net.Sockets.SocketException", "Permission denied", networkRunner)));
    }

    [Fact]
    public void A_socket_in_sandbox_write_is_told_from_a_file_and_a_folder()
    {
        var folder = Directory.CreateTempSubdirectory("scs").FullName;
        try
        {
            var socketPath = Path.Combine(folder, "s.sock");
            using var socket = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.Unix, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Unspecified);
            socket.Bind(new System.Net.Sockets.UnixDomainSocketEndPoint(socketPath));
            var file = Path.Combine(folder, "plain.txt");
            File.WriteAllText(file, "x");

            Assert.True(UnixSocketPath.Is(socketPath));
            Assert.False(UnixSocketPath.Is(file));
            Assert.False(UnixSocketPath.Is(folder));
            Assert.False(UnixSocketPath.Is(Path.Combine(folder, "missing")));
            Assert.True(new Sandbox(true, null, [], [folder, socketPath]).PolicyFor(RunnerKind.Default, "/x/runner.dll", "/tmp/w").UnixSockets);
            Assert.False(new Sandbox(true, null, [], [folder, file]).PolicyFor(RunnerKind.Default, "/x/runner.dll", "/tmp/w").UnixSockets);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Policies_and_statuses_cross_the_pipe_unchanged()
    {
        var policy = new SandboxPolicy(true, false, ["/usr", "/opt/x"], ["/tmp/r1"], OwnNamespaces: true, UnixSockets: true);
        var status = new SandboxStatus(6, true, true, true, false, 512, null, UnixSocketsBlocked: true, UdpBlocked: false);
        using var stream = new MemoryStream();
        var channel = new RunnerChannel(stream);
        channel.Send(new RunnerMessage.Confine(policy));
        channel.Send(new RunnerMessage.Confined(status));
        stream.Position = 0;

        var readPolicy = Assert.IsType<RunnerMessage.Confine>(channel.Receive()).Policy;
        Assert.Equal((policy.Confine, policy.Network, policy.OwnNamespaces, policy.UnixSockets), (readPolicy.Confine, readPolicy.Network, readPolicy.OwnNamespaces, readPolicy.UnixSockets));
        Assert.Equal(policy.Read, readPolicy.Read);
        Assert.Equal(policy.ReadWrite, readPolicy.ReadWrite);
        Assert.Equal(status, Assert.IsType<RunnerMessage.Confined>(channel.Receive()).Status);
    }
}

/// <summary>Control groups a tool killed outright leaves behind are removed by the next tool that makes its own.</summary>
public sealed class StaleCgroupTests
{
    [Hardening.SandboxFact(Hardening.SandboxFeature.PidsCgroup)]
    public void Empty_groups_of_a_tool_that_is_gone_are_removed_and_those_of_a_live_one_are_kept()
    {
        var parent = RunnerCgroups.Parents.First();
        // A pid no process has: past the kernel's pid_max.
        var gone = Path.Combine(parent, $"snippetcheck-{int.MaxValue}-{Guid.NewGuid():N}"[..40] + "-r1");
        var mine = Path.Combine(parent, $"snippetcheck-{Environment.ProcessId}-{Guid.NewGuid():N}"[..40] + "-r1");
        Directory.CreateDirectory(gone);
        Directory.CreateDirectory(mine);
        try
        {
            var removed = RunnerCgroups.SweepStale();

            Assert.False(Directory.Exists(gone), "the group of a tool that is gone stayed");
            Assert.True(Directory.Exists(mine), "the group of a live tool went");
            Assert.True(removed >= 1);
        }
        finally
        {
            RunnerCgroups.Remove(gone);
            RunnerCgroups.Remove(mine);
        }
    }
}
