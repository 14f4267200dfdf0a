using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using SnippetCheck.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SnippetCheck.Tests.Hardening;

/// <summary>
/// The hostile suite's socket cases (SECURITY.md, issue 41): a snippet tries the UNIX sockets Landlock's file rules
/// do not govern (a stand-in for the Docker socket, an ssh-agent socket named in <c>SSH_AUTH_SOCK</c>, an abstract
/// socket) and UDP to another loopback address. Each listener is the test's own and must never see a connection:
/// with the runner's namespaces, and without them (the socket filter alone). A <c>--no-sandbox</c> control run shows
/// every attempt succeeds unconfined, so the test can fail.
/// </summary>
public sealed class SocketEscapeTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempFolder _folder = new();
    // A pathname socket's address holds at most 107 bytes: the listeners live in a short folder of their own.
    private readonly string _sockets = Directory.CreateTempSubdirectory("scs").FullName;

    private sealed class Listeners : IDisposable
    {
        public readonly Socket Docker, Agent, Abstract;
        public readonly UdpClient Udp;
        public readonly string DockerPath, AgentPath, AbstractName;
        public readonly int UdpPort;

        public Listeners(string folder)
        {
            DockerPath = Path.Combine(folder, "docker.sock");
            AgentPath = Path.Combine(folder, "agent.42");
            AbstractName = $"snippetcheck-test-{Guid.NewGuid():N}";
            Docker = Listen(new UnixDomainSocketEndPoint(DockerPath));
            Agent = Listen(new UnixDomainSocketEndPoint(AgentPath));
            Abstract = Listen(new UnixDomainSocketEndPoint("\0" + AbstractName));
            Udp = new UdpClient(new IPEndPoint(IPAddress.Parse("127.0.0.2"), 0));
            UdpPort = ((IPEndPoint)Udp.Client.LocalEndPoint!).Port;
        }

        private static Socket Listen(EndPoint at)
        {
            var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            socket.Bind(at);
            socket.Listen();
            return socket;
        }

        /// <summary>Which listeners saw a connection or a datagram.</summary>
        public string[] Reached() =>
        [
            .. Docker.Poll(0, SelectMode.SelectRead) ? ["docker"] : Array.Empty<string>(),
            .. Agent.Poll(0, SelectMode.SelectRead) ? ["agent"] : Array.Empty<string>(),
            .. Abstract.Poll(0, SelectMode.SelectRead) ? ["abstract"] : Array.Empty<string>(),
            .. Udp.Available > 0 ? ["udp"] : Array.Empty<string>(),
        ];

        public void Dispose()
        {
            Docker.Dispose();
            Agent.Dispose();
            Abstract.Dispose();
            Udp.Dispose();
        }
    }

    private static string Post(Listeners at, string tags, string expected) => $$"""
        ```csharp {{tags}}
        using System.Net;
        using System.Net.Sockets;

        static string Try(Action attempt)
        {
            try { attempt(); return "reached"; }
            catch (SocketException) { return "blocked"; }
        }
        static void Unix(string address) =>
            new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified).Connect(new UnixDomainSocketEndPoint(address));

        Console.WriteLine("docker " + Try(() => Unix("{{at.DockerPath}}")));
        Console.WriteLine("agent " + Try(() => Unix("{{at.AgentPath}}")));
        Console.WriteLine("abstract " + Try(() => Unix("\0{{at.AbstractName}}")));
        Console.WriteLine("udp " + Try(() => new UdpClient().Send([1], 1, new IPEndPoint(IPAddress.Parse("127.0.0.2"), {{at.UdpPort}}))));
        ```

        ```output
        {{expected}}
        ```
        """;

    private CliResult Verify(string post, bool namespaces, params string[] extra)
    {
        var environment = new Dictionary<string, string?>
        {
            ["HOME"] = Path.Combine(_folder.Path, "home"),
            ["SSH_AUTH_SOCK"] = Path.Combine(_sockets, "agent.42"),
            ["SNIPPETCHECK_NO_NAMESPACES"] = namespaces ? null : "1",
        };
        Directory.CreateDirectory(environment["HOME"]!);
        var result = CliRunner.Run(_folder.Path, environment, ["verify", post, "--report", "json=report.json", "-v", "--no-cache", .. extra]);
        output.WriteLine($"$ snippetcheck verify {post} {string.Join(' ', extra)} (namespaces: {namespaces}) → exit {result.ExitCode}\n{result.Output}");
        return result;
    }

    private JsonElement SandboxReport() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(_folder.Path, "report.json"))).RootElement.GetProperty("sandbox");

    [SandboxFact(SandboxFeature.Sockets)]
    public void A_snippet_reaches_no_unix_socket_and_sends_no_udp_with_or_without_namespaces()
    {
        using var listeners = new Listeners(_sockets);
        _folder.Write("post.md", Post(listeners, "run", "docker blocked\nagent blocked\nabstract blocked\nudp blocked"));

        foreach (var namespaces in new[] { true, false })
        {
            var confined = Verify("post.md", namespaces);
            Assert.True(confined.ExitCode == 0, confined.Output);
            Assert.Contains("no UNIX sockets, no UDP", confined.Output);
            Assert.Empty(listeners.Reached());
            Assert.True(SandboxReport().GetProperty("unixSockets").GetBoolean());
            Assert.True(SandboxReport().GetProperty("udp").GetBoolean());
        }

        // Unconfined, every attempt arrives: without the sandbox the same snippet fails its output block.
        var unconfined = Verify("post.md", namespaces: true, "--no-sandbox");
        Assert.Equal(1, unconfined.ExitCode);
        Assert.Equal(["docker", "agent", "abstract", "udp"], listeners.Reached());
    }

    [SandboxFact(SandboxFeature.Sockets)]
    public void Udp_needs_the_network_tag_and_a_socket_needs_a_sandbox_write_grant()
    {
        using var listeners = new Listeners(_sockets);
        _folder.Write("network.md", Post(listeners, "run network", "docker blocked\nagent blocked\nabstract blocked\nudp reached"));
        var network = Verify("network.md", namespaces: false);
        Assert.True(network.ExitCode == 0, network.Output);
        Assert.Equal(["udp"], listeners.Reached());

        // A granted socket may be connected to; the filter cannot tell paths apart, so the grant opens AF_UNIX (SECURITY.md).
        // Abstract sockets stay scoped to the runner by Landlock (ABI 6).
        _folder.Write("snippetcheck.json", $$"""{ "sandboxWrite": ["{{listeners.DockerPath}}"] }""");
        var abstractSocket = SnippetCheck.Execution.Landlock.Abi >= SnippetCheck.Execution.Landlock.FirstWithScopes ? "blocked" : "reached";
        _folder.Write("granted.md", Post(listeners, "run", $"docker reached\nagent reached\nabstract {abstractSocket}\nudp blocked"));
        var granted = Verify("granted.md", namespaces: false);
        Assert.True(granted.ExitCode == 0, granted.Output);
        Assert.Contains("UNIX sockets NOT blocked", granted.Output);
        Assert.Contains("docker", listeners.Reached());
    }

    [SandboxFact(SandboxFeature.Sockets)]
    public void A_snippet_stopped_at_a_unix_socket_fails_with_the_sandbox_hint()
    {
        using var listeners = new Listeners(_sockets);
        _folder.Write("hint.md", $$"""
            ```csharp run
            using System.Net.Sockets;
            using var s = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            s.Connect(new UnixDomainSocketEndPoint("{{listeners.DockerPath}}"));
            ```
            """);
        var result = Verify("hint.md", namespaces: false);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("SocketException", result.Output);
        Assert.Contains("for a UNIX socket, grant its path with \"sandboxWrite\"", result.Output);
        Assert.Empty(listeners.Reached());
    }

    public void Dispose()
    {
        _folder.Dispose();
        Directory.Delete(_sockets, recursive: true);
    }
}
