using System.Runtime.InteropServices;
using SnippetCheck.Execution;

namespace SnippetCheck.Runner;

/// <summary>
/// Confines the runner to its <see cref="SandboxPolicy"/> before any snippet runs: Landlock for files, TCP and
/// signals (each as far as the kernel's ABI goes), and a process-count limit where one applies.
/// </summary>
internal static class Confinement
{
    /// <summary>Room for the runner's own threads and whatever a snippet reasonably starts; a fork bomb is not reasonable.</summary>
    private const int ProcessLimit = 4096;

    private const int RlimitNproc = 6;

    public static SandboxStatus Apply(SandboxPolicy policy)
    {
        var pidNamespace = policy.OwnNamespaces;
        // A network namespace of its own has nothing but a loopback that is down: no connection leaves it.
        var isolatedNetwork = pidNamespace && !policy.Network;
        if (!policy.Confine) return new SandboxStatus(0, false, false, false, pidNamespace, 0, "not asked to");

        var processLimit = JoinPidsCgroup(policy.PidsCgroup);
        if (processLimit == 0) processLimit = LimitProcesses(pidNamespace);
        var abi = Landlock.Abi;
        if (abi == 0)
            return new SandboxStatus(0, false, isolatedNetwork, pidNamespace, pidNamespace, processLimit, pidNamespace ? null : "this kernel offers no Landlock");

        var denyNetwork = policy.Network ? 0 : Landlock.BindTcp | Landlock.ConnectTcp;
        using var ruleset = new Landlock.Ruleset(abi, denyNetwork, Landlock.ScopeAbstractUnixSocket | Landlock.ScopeSignal);
        foreach (var path in policy.Read) ruleset.Allow(path, Landlock.ReadAndExecute);
        foreach (var path in policy.ReadWrite) ruleset.Allow(path, ulong.MaxValue);
        ruleset.RestrictSelf();
        return new SandboxStatus(abi, true,
            isolatedNetwork || (!policy.Network && abi >= Landlock.FirstWithNetwork),
            pidNamespace || abi >= Landlock.FirstWithScopes,
            pidNamespace, processLimit, null);
    }

    /// <summary>
    /// Moves the runner into the pids cgroup the tool made for it: every process a snippet starts is born there, and
    /// the cgroup's limit holds for root too. Done before Landlock, which would deny the write.
    /// </summary>
    private static int JoinPidsCgroup(string cgroup)
    {
        if (cgroup.Length == 0) return 0;
        try
        {
            File.WriteAllText(Path.Combine(cgroup, "cgroup.procs"), "0");
            return int.TryParse(File.ReadAllText(Path.Combine(cgroup, "pids.max")).Trim(), out var limit) ? limit : 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
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
