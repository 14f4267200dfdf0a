using System.Runtime.InteropServices;
using SnippetCheck.Execution;

namespace SnippetCheck.Runner;

/// <summary>
/// Confines the runner to its <see cref="SandboxPolicy"/> before any snippet runs: Landlock for files, TCP and
/// signals (each as far as the kernel's ABI goes), a seccomp filter for the sockets Landlock does not govern (UNIX
/// sockets, UDP), and a process-count limit where one applies.
/// </summary>
internal static class Confinement
{
    /// <summary>Room for the runner's own threads and whatever a snippet reasonably starts; a fork bomb is not reasonable.</summary>
    private const int ProcessLimit = 1024;

    private const int RlimitNproc = 6;

    /// <param name="refuseLinkedWrites">
    /// True for a build's policy (<see cref="ConfinedExec"/>): its write grants are a pull request's folders (<c>obj/</c>), and
    /// one that is or passes through a link is refused (<see cref="LinkedGrantException"/>). A runner's are its own work
    /// folder and the trusted config's <c>sandboxWrite</c> (<c>/var/run/docker.sock</c>, where <c>/var/run</c> is a link).
    /// </param>
    public static SandboxStatus Apply(SandboxPolicy policy, bool refuseLinkedWrites = false)
    {
        var pidNamespace = policy.OwnNamespaces;
        // A network namespace of its own has nothing but a loopback that is down: no connection leaves it.
        var isolatedNetwork = pidNamespace && !policy.Network;
        if (!policy.Confine) return new SandboxStatus(0, false, false, false, pidNamespace, 0, "not asked to");

        var processLimit = JoinCgroups(policy.Cgroups ?? []);
        if (processLimit == 0) processLimit = LimitProcesses(pidNamespace);
        var (socketsFiltered, socketNote) = FilterSockets(policy);
        var unixBlocked = socketsFiltered && !policy.UnixSockets;
        var udpBlocked = isolatedNetwork || (socketsFiltered && !UdpAllowed(policy));
        var abi = Landlock.Abi;
        if (abi == 0)
            return new SandboxStatus(0, false, isolatedNetwork, pidNamespace, pidNamespace, processLimit,
                Join(pidNamespace ? null : "this kernel offers no Landlock", socketNote), unixBlocked, udpBlocked);

        var ports = policy.Network && abi >= Landlock.FirstWithNetwork ? policy.TcpPorts ?? [] : [];
        var denyNetwork = policy.Network && ports.Length == 0 ? 0 : Landlock.BindTcp | Landlock.ConnectTcp;
        using var ruleset = new Landlock.Ruleset(abi, denyNetwork, Landlock.ScopeAbstractUnixSocket | Landlock.ScopeSignal);
        foreach (var path in policy.Read) ruleset.Allow(path, Landlock.ReadAndExecute);
        foreach (var path in policy.ReadWrite) ruleset.Allow(path, ulong.MaxValue, followLinks: !refuseLinkedWrites);
        foreach (var port in ports) ruleset.AllowPort(port, Landlock.ConnectTcp);
        ruleset.RestrictSelf();
        return new SandboxStatus(abi, true,
            isolatedNetwork || (!policy.Network && abi >= Landlock.FirstWithNetwork),
            pidNamespace || abi >= Landlock.FirstWithScopes,
            pidNamespace, processLimit, socketNote, unixBlocked, udpBlocked);
    }

    /// <summary>
    /// The socket layer (<see cref="SocketFilter"/>): AF_UNIX unless a socket is granted, UDP unless the kind allows
    /// the network. The runner's own channel to the tool is connected before this, and makes no new socket.
    /// </summary>
    private static (bool Filtered, string? Note) FilterSockets(SandboxPolicy policy)
    {
        if (!SocketFilter.Supported) return (false, "no socket filter on this architecture");
        try
        {
            SocketFilter.Install(udp: UdpAllowed(policy), unix: policy.UnixSockets);
            return (true, null);
        }
        catch (InvalidOperationException e)
        {
            return (false, $"no socket filter: {e.Message}");
        }
    }

    /// <summary>A network runner's, and a restore's without a proxy (its DNS); a restore behind the tool's proxy resolves no name.</summary>
    private static bool UdpAllowed(SandboxPolicy policy) => policy.Network && policy.ProxySocket is null;

    private static string? Join(string? first, string? second) =>
        first is null ? second : second is null ? first : $"{first}; {second}";

    /// <summary>
    /// Moves the runner into the control groups the tool made for it: every process a snippet starts is born there,
    /// and a pids limit holds for root too. Done before Landlock, which would deny the writes. Returns the task limit.
    /// </summary>
    private static int JoinCgroups(string[] cgroups)
    {
        var limit = 0;
        foreach (var cgroup in cgroups)
        {
            try
            {
                File.WriteAllText(Path.Combine(cgroup, "cgroup.procs"), "0");
                var pidsMax = Path.Combine(cgroup, "pids.max");
                if (File.Exists(pidsMax) && int.TryParse(File.ReadAllText(pidsMax).Trim(), out var max)) limit = max;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // That group does not apply; RLIMIT_NPROC may still.
            }
        }
        return limit;
    }

    /// <summary>
    /// RLIMIT_NPROC counts a user's processes; in a user namespace of its own the count starts from the runner.
    /// Root is exempt from it, so there the PID namespace and the timeout are the bound.
    /// </summary>
    private static int LimitProcesses(bool ownNamespace)
    {
        if (!ownNamespace || getuid() == 0) return 0;
        ulong[] limit = [ProcessLimit, ProcessLimit];
        return setrlimit(RlimitNproc, limit) == 0 ? ProcessLimit : 0;
    }

#pragma warning disable SYSLIB1054 // plain integer and pinned-array calls
    [DllImport("libc")]
    private static extern uint getuid();

    [DllImport("libc", SetLastError = true)]
    private static extern int setrlimit(int resource, ulong[] limit);
#pragma warning restore SYSLIB1054
}
