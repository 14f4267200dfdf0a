using System.Collections.Concurrent;
using System.Diagnostics;

namespace SnippetCheck.Execution;

/// <summary>
/// Every runner process this tool started, so none outlives it: on a normal end, on Ctrl+C and on SIGTERM
/// the remaining ones are killed with their process trees.
/// </summary>
public static class ProcessTracker
{
    private static readonly ConcurrentDictionary<int, Process> Live = new();
    private static int _hooked;

    public static int Count => Live.Count;

    internal static void Track(Process process)
    {
        if (Interlocked.Exchange(ref _hooked, 1) == 0)
        {
            AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAll();
        }
        Live[process.Id] = process;
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
            try
            {
                if (!process.HasExited) process.Kill(entireProcessTree: true);
            }
            catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                // Already gone.
            }
        }
        Live.Clear();
    }
}
