using System.Globalization;
using Microsoft.Win32.SafeHandles;

namespace SnippetCheck.Runner;

/// <summary>
/// What the runner has running besides its own pool: threads a snippet started, and processes it left behind.
/// On Linux the files it reads are opened once (before the sandbox is in force) and re-read from offset 0, which
/// the kernel regenerates: one pread per look, no open, lock or close per snippet.
/// </summary>
internal sealed class ProcessCensus
{
    private static readonly byte[] ThreadsLabel = "Threads:"u8.ToArray();
    private readonly SafeFileHandle? _status;
    private SafeFileHandle? _pidsCurrent;
    private readonly byte[] _buffer = new byte[8192];

    public ProcessCensus()
    {
        if (OperatingSystem.IsLinux()) _status = File.OpenHandle("/proc/self/status");
    }

    /// <summary>Counts tasks in the runner's pids control group too (the tool made it; the runner is about to join it).</summary>
    public void WatchCgroups(IEnumerable<string> cgroups)
    {
        foreach (var cgroup in cgroups)
        {
            var pidsCurrent = Path.Combine(cgroup, "pids.current");
            if (_status is null || !File.Exists(pidsCurrent)) continue;
            try
            {
                _pidsCurrent = File.OpenHandle(pidsCurrent);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Without it, a process a snippet leaves behind goes unnoticed until the runner ends (SECURITY.md).
            }
        }
    }

    /// <summary>Threads of the process that are not thread-pool threads: the ones snippets start themselves.</summary>
    public int UserThreads() => ProcessThreads() - ThreadPool.ThreadCount;

    /// <summary>
    /// True when the runner's control group holds tasks that are not the runner's threads: a process a snippet
    /// started and left running, which could print, write into the next run's folder, or hold a port. Unknown
    /// (false) where there is no such group.
    /// </summary>
    public bool HasOtherProcesses()
    {
        if (_pidsCurrent is null || !TasksOutnumberThreads()) return false;
        // The two files are read one after the other: a pool thread starting or ending between them looks like a
        // process for an instant. A process a snippet left is still there a moment later.
        Thread.Sleep(5);
        return TasksOutnumberThreads();
    }

    private bool TasksOutnumberThreads() => ReadNumber(_pidsCurrent!, []) is { } tasks && tasks > ProcessThreads();

    private int ProcessThreads()
    {
        if (_status is not null && ReadNumber(_status, ThreadsLabel) is { } count) return count;
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        return process.Threads.Count;
    }

    /// <summary>The number after <paramref name="label"/> (the file's first number for an empty label).</summary>
    private int? ReadNumber(SafeFileHandle file, ReadOnlySpan<byte> label)
    {
        var text = _buffer.AsSpan(0, RandomAccess.Read(file, _buffer, 0));
        var at = text.IndexOf(label);
        if (at < 0) return null;
        var rest = text[(at + label.Length)..];
        var end = rest.IndexOf((byte)'\n');
        var digits = end < 0 ? rest : rest[..end];
        return int.TryParse(digits[System.Text.Ascii.Trim(digits)], NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null;
    }
}
