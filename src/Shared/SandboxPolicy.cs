// Shared by the tool and the runner (linked into both): what a runner is told to confine itself to, and what it did.
namespace SnippetCheck.Execution;

/// <summary>
/// What a runner may touch. The tool decides; the runner applies it to itself before it runs any snippet, and can
/// never widen it afterwards, so a runner never changes kind.
/// </summary>
/// <param name="Confine">False: run unconfined (<c>"sandbox": "off"</c>, <c>--no-sandbox</c>).</param>
/// <param name="Network">True: TCP bind and connect are allowed (a <c>network</c> snippet's runner).</param>
/// <param name="Read">Read and execute beneath these paths (the runtime, the runner, packages, references, grants).</param>
/// <param name="ReadWrite">Read and write beneath these paths (the runner's own work and temp folders, grants).</param>
/// <param name="OwnNamespaces">The tool started the runner in user, PID and mount namespaces of its own.</param>
/// <param name="Cgroups">Control groups the runner moves itself into (pids: how many processes its snippets start; cpu: a share of its own).</param>
/// <param name="UnixSockets">True: AF_UNIX sockets may be made, because config's <c>sandboxWrite</c> grants a socket (SECURITY.md).</param>
/// <param name="TcpPorts">
/// With <paramref name="Network"/>, the only TCP ports connect may reach (a restore's: its proxy's bridge, or without one
/// its package sources' 80, 443 and the ports their URLs name); empty: every port. Binding is then denied. Landlock
/// ABI 4 enforces it; older kernels allow every port.
/// </param>
/// <param name="ProxySocket">
/// A restore in a network namespace of its own: the tool's proxy, a UNIX socket the runner's bridge carries the
/// namespace's <see cref="RestoreProxyPort"/> to before it confines itself. No UDP then: the tool resolves the names.
/// </param>
internal sealed record SandboxPolicy(
    bool Confine, bool Network, string[] Read, string[] ReadWrite, bool OwnNamespaces, string[]? Cgroups = null, bool UnixSockets = false,
    int[]? TcpPorts = null, string? ProxySocket = null)
{
    public static readonly SandboxPolicy Off = new(false, true, [], [], false);

    /// <summary>Where a restore's proxy listens inside its own network namespace, on 127.0.0.1: nothing else is there.</summary>
    public const int RestoreProxyPort = 3128;

    public void WriteTo(BinaryWriter writer)
    {
        writer.Write(Confine);
        writer.Write(Network);
        writer.Write(OwnNamespaces);
        writer.Write(UnixSockets);
        RunRequest.WriteStrings(writer, Cgroups ?? []);
        RunRequest.WriteStrings(writer, Read);
        RunRequest.WriteStrings(writer, ReadWrite);
        RunRequest.WriteStrings(writer, [.. (TcpPorts ?? []).Select(p => p.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        writer.Write(ProxySocket ?? "");
    }

    public static SandboxPolicy ReadFrom(BinaryReader reader)
    {
        var (confine, network, ownNamespaces, unixSockets) = (reader.ReadBoolean(), reader.ReadBoolean(), reader.ReadBoolean(), reader.ReadBoolean());
        var cgroups = RunRequest.ReadStrings(reader);
        var read = RunRequest.ReadStrings(reader);
        var readWrite = RunRequest.ReadStrings(reader);
        int[] ports = [.. RunRequest.ReadStrings(reader).Select(p => int.Parse(p, System.Globalization.CultureInfo.InvariantCulture))];
        var proxySocket = reader.ReadString();
        return new(confine, network, read, readWrite, ownNamespaces, cgroups, unixSockets, ports, proxySocket.Length == 0 ? null : proxySocket);
    }
}

/// <summary>What a runner's confinement turned out to be, in the runner's own words (reported by <c>-v</c> and JSON).</summary>
/// <param name="LandlockAbi">The ABI the ruleset was built for; 0 when Landlock was not used.</param>
/// <param name="Filesystem">Reads and writes are limited to the policy's paths.</param>
/// <param name="NetworkBlocked">TCP bind and connect are denied (Landlock ABI 4, or a network namespace of its own).</param>
/// <param name="Signals">Signals and abstract UNIX sockets cannot reach outside the runner's domain (ABI 6, or a PID namespace).</param>
/// <param name="PidNamespace">The runner lives in a PID namespace of its own: whatever it starts dies with it.</param>
/// <param name="ProcessLimit">The bound on processes and threads (a pids cgroup, or RLIMIT_NPROC); 0 when none applies.</param>
/// <param name="Off">Why nothing was confined, when nothing was.</param>
/// <param name="UnixSocketsBlocked">No AF_UNIX socket can be made, so no pathname or abstract socket outside is reachable (the socket
/// filter).</param>
/// <param name="UdpBlocked">No UDP (nor raw or other IP) socket reaches outside: the socket filter, or a network namespace of its own.</param>
internal sealed record SandboxStatus(
    int LandlockAbi, bool Filesystem, bool NetworkBlocked, bool Signals, bool PidNamespace, int ProcessLimit, string? Off,
    bool UnixSocketsBlocked = false, bool UdpBlocked = false)
{
    public void WriteTo(BinaryWriter writer)
    {
        writer.Write(LandlockAbi);
        writer.Write(Filesystem);
        writer.Write(NetworkBlocked);
        writer.Write(Signals);
        writer.Write(PidNamespace);
        writer.Write(ProcessLimit);
        writer.Write(Off ?? "");
        writer.Write(UnixSocketsBlocked);
        writer.Write(UdpBlocked);
    }

    public static SandboxStatus ReadFrom(BinaryReader reader)
    {
        var status = new SandboxStatus(
            reader.ReadInt32(), reader.ReadBoolean(), reader.ReadBoolean(), reader.ReadBoolean(), reader.ReadBoolean(), reader.ReadInt32(),
            reader.ReadString(),
            reader.ReadBoolean(), reader.ReadBoolean());
        return status.Off == "" ? status with { Off = null } : status;
    }
}
