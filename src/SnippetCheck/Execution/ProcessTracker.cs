using System.Collections.Concurrent;
using System.Diagnostics;

namespace SnippetCheck.Execution;

/// <summary>
/// Every runner process and work folder this tool made, so none outlives it: on a normal end, on Ctrl+C and on
/// SIGTERM the remaining runners are killed with their process trees and groups, and the folders removed.
/// </summary>
public static class ProcessTracker
{
    private static readonly ConcurrentDictionary<int, Process> Live = new();
    private static readonly ConcurrentDictionary<string, byte> WorkRoots = new(StringComparer.Ordinal);
    private static int _hooked;

    public static int Count => Live.Count;

    private static volatile bool _closed;

    internal static void Track(Process process)
    {
        HookProcessExit();
        Live[process.Id] = process;
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

    /// <summary>Removes a runner's pids cgroup now if its processes are gone, else at the end of the run.</summary>
    internal static void RemoveCgroupWhenEmpty(string path)
    {
        PidsCgroup.Remove(path);
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
            for (var attempt = 0; attempt < 20 && Directory.Exists(cgroup); attempt++)
            {
                PidsCgroup.Remove(cgroup);
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
        }
        catch (InvalidOperationException)
        {
            // The process never started; nothing to forget.
        }
    }

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
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Already gone, or never started.
        }
        if (id is { } leader) ProcessGroups.Kill(leader);
    }
}
