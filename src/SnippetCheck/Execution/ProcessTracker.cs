using System.Collections.Concurrent;
using System.Diagnostics;

namespace SnippetCheck.Execution;

/// <summary>
/// Every runner process and work folder this tool made, so none outlives it: on a normal end, on Ctrl+C and on
/// SIGTERM the remaining runners are killed with their process trees and groups, and the folders removed.
/// </summary>
internal static class ProcessTracker
{
    private static readonly ConcurrentDictionary<int, Process> Live = new();
    private static readonly ConcurrentDictionary<string, byte> WorkRoots = new(StringComparer.Ordinal);
    private static int _hooked;

    internal static int Count => Live.Count;

    private static volatile bool _closed;

    /// <summary>How to kill a runner fast: its control groups' members, and whether a PID namespace holds its tree.</summary>
    private static readonly ConcurrentDictionary<int, (string[] Cgroups, bool Namespaced)> Containment = new();

    /// <param name="cgroups">The runner's control groups: every process its snippets start is listed there.</param>
    /// <param name="namespaced">The runner is in a PID namespace of its own: killing its launcher ends the namespace.</param>
    internal static void Track(Process process, string[]? cgroups = null, bool namespaced = false)
    {
        HookProcessExit();
        Live[process.Id] = process;
        Containment[process.Id] = (cgroups ?? [], namespaced);
        // A runner that starts while the tool is shutting down (a retry racing a signal) must not survive it.
        if (_closed) KillTreeAndGroup(process);
    }

    /// <summary>A folder under the temp folder that holds snippets' working directories; removed by <see cref="CleanUp"/>.</summary>
    internal static void TrackWorkRoot(string path)
    {
        HookProcessExit();
        WorkRoots[path] = 0;
    }

    internal static void UntrackWorkRoot(string path) => WorkRoots.TryRemove(path, out _);

    private static readonly ConcurrentDictionary<string, byte> Cgroups = new(StringComparer.Ordinal);

    /// <summary>Removes a runner's control group now if its processes are gone, else at the end of the run.</summary>
    internal static void RemoveCgroupWhenEmpty(string path)
    {
        RunnerCgroups.Remove(path);
        if (Directory.Exists(path)) Cgroups[path] = 0;
    }

    private static void HookProcessExit()
    {
        if (Interlocked.Exchange(ref _hooked, 1) == 0)
        {
            AppDomain.CurrentDomain.ProcessExit += (_, _) => CleanUp();
        }
    }

    /// <summary>
    /// The tool is ending (a signal, or the end of the command): kills every runner, removes every work folder,
    /// and kills any runner that still starts afterwards.
    /// </summary>
    public static void Shutdown()
    {
        _closed = true;
        CleanUp();
    }

    /// <summary>Kills every runner still alive and removes every work folder: the last thing a run does, however it ends.</summary>
    public static void CleanUp()
    {
        KillAll();
        foreach (var cgroup in Cgroups.Keys)
        {
            // A killed runner's processes take a moment to be reaped.
            for (var attempt = 0; attempt < 80 && Directory.Exists(cgroup); attempt++)
            {
                RunnerCgroups.Remove(cgroup);
                if (Directory.Exists(cgroup)) Thread.Sleep(25);
            }
            Cgroups.TryRemove(cgroup, out _);
        }
        foreach (var root in WorkRoots.Keys)
        {
            try
            {
                if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
                WorkRoots.TryRemove(root, out _);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A file may still be held for a moment by a process that is dying; best effort.
            }
        }
    }

    internal static void Untrack(Process process)
    {
        try
        {
            Live.TryRemove(process.Id, out _);
            Containment.TryRemove(process.Id, out _);
        }
        catch (InvalidOperationException)
        {
            // The process never started; nothing to forget.
        }
    }

    private static void KillMembers(string cgroup)
    {
        try
        {
            foreach (var line in File.ReadAllLines(Path.Combine(cgroup, "cgroup.procs")))
            {
                if (int.TryParse(line, out var member) && member > 1) ProcessGroups.KillProcess(member);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Gone already.
        }
    }

    /// <summary>Kills every process still tracked, with its tree and group (the host is stopping).</summary>
    public static void KillAll()
    {
        foreach (var process in Live.Values)
        {
            KillTreeAndGroup(process);
        }
        Live.Clear();
    }

    /// <summary>Kills a runner, every descendant it has, and its process group (which catches re-parented grandchildren).</summary>
    internal static void KillTreeAndGroup(Process process)
    {
        int? id = null;
        try
        {
            id = process.Id;
            var (cgroups, namespaced) = Containment.TryGetValue(id.Value, out var known) ? known : ([], false);
            // In a PID namespace the launcher's death takes the namespace's init, and with it every process, down.
            if (namespaced && !process.HasExited) process.Kill();
            // Every member of its control groups (a fork bomb's processes) with one signal each: a tree walk reads all
            // of /proc for every process it visits, which takes minutes against a fork bomb.
            foreach (var cgroup in cgroups) KillMembers(cgroup);
            if (!namespaced && !process.HasExited) process.Kill(entireProcessTree: true);
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Already gone, or never started.
        }
        if (id is { } leader) ProcessGroups.Kill(leader);
    }
}
