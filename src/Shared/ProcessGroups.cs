// Shared by the tool and the runner (linked into both): the POSIX calls that keep a snippet's processes together.
using System.Runtime.InteropServices;

namespace SnippetCheck.Execution;

/// <summary>
/// Each runner leads a process group of its own, which every process a snippet starts joins (unless it calls
/// setsid itself). Killing the group reaches grandchildren that a tree walk misses: a shell's background job is
/// re-parented to init the moment the shell exits.
/// </summary>
internal static class ProcessGroups
{
    private const int SigKill = 9;

    private static bool Supported => OperatingSystem.IsLinux() || OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD();

    /// <summary>Makes the calling process the leader of a new process group. Called by the runner as it starts.</summary>
    public static void LeadNewGroup()
    {
        if (Supported) _ = setpgid(0, 0);
    }

    /// <summary>Kills every process in the group led by <paramref name="leader"/>; a no-op where there are no groups.</summary>
    public static void Kill(int leader)
    {
        if (Supported && leader > 1) _ = kill(-leader, SigKill);
    }

    /// <summary>Kills one process.</summary>
    public static void KillProcess(int id)
    {
        if (Supported && id > 1) _ = kill(id, SigKill);
    }

    /// <summary>Kills the calling process's own group, itself included.</summary>
    public static void KillOwnGroup()
    {
        if (Supported) _ = kill(0, SigKill);
    }

    /// <summary>The parent's process ID (0 where unknown).</summary>
    public static int ParentId => Supported ? getppid() : 0;

#pragma warning disable SYSLIB1054 // DllImport keeps this file free of the unsafe code LibraryImport generates.
    [DllImport("libc", SetLastError = true)]
    private static extern int setpgid(int pid, int pgid);

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);

    [DllImport("libc")]
    private static extern int getppid();
#pragma warning restore SYSLIB1054
}
