namespace SnippetCheck.Execution;

/// <summary>
/// A runner's run folders, handed from one run to the next while they stay empty: kept apart from the process,
/// since whether a folder can be reused is a question about the disk, not about the runner.
/// </summary>
internal sealed class RunFolders(string workRoot)
{
    private int _runs;
    private (string Working, string Temp)? _runFolders;
    private UnixFileMode _freshFolderMode;

    /// <summary>
    /// An empty working folder and temp folder for the next run, inside the runner's own folder. A run that left
    /// both as it found them (empty, same mode, still plain folders) hands them on; otherwise they go and the next
    /// run gets new ones. Most snippets never touch the disk, so most runs make and remove no folder at all.
    /// </summary>
    public (string Working, string Temp) Take()
    {
        if (_runFolders is { } kept) return kept;
        var run = (++_runs).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var folders = (Path.Combine(workRoot, "runs", run), Path.Combine(workRoot, "tmp", run));
        Directory.CreateDirectory(folders.Item1);
        Directory.CreateDirectory(folders.Item2);
        if (!OperatingSystem.IsWindows()) _freshFolderMode = new DirectoryInfo(folders.Item1).UnixFileMode;
        _runFolders = folders;
        return folders;
    }

    /// <summary>After a run: keeps its folders for the next one if they are as fresh ones would be, else removes them.</summary>
    /// <param name="runnerAlive">False when the runner died or was killed: its folders go, whatever is in them.</param>
    public void Return(bool runnerAlive)
    {
        if (_runFolders is not { } used) return;
        if (runnerAlive && IsUntouched(used.Working) && IsUntouched(used.Temp)) return;
        _runFolders = null;
        TryDelete(used.Working);
        TryDelete(used.Temp);
    }

    private bool IsUntouched(string folder)
    {
        var info = new DirectoryInfo(folder);
        if (!info.Exists || info.Attributes.HasFlag(FileAttributes.ReparsePoint)) return false;
        if (!OperatingSystem.IsWindows() && info.UnixFileMode != _freshFolderMode) return false;
        using var entries = Directory.EnumerateFileSystemEntries(folder).GetEnumerator();
        return !entries.MoveNext();
    }

    /// <summary>
    /// True for a name the tool gives what it leaves in temp or in a cgroup (<c>snippetcheck-&lt;pid&gt;-...</c>) when the
    /// process of that id is gone: a run killed without a word (SIGKILL) never removed it.
    /// </summary>
    internal static bool IsLeftover(string name)
    {
        var parts = name.Split('-');
        if (parts.Length < 3 || parts[0] != "snippetcheck"
            || !int.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture,
                out var pid)) return false;
        return pid != Environment.ProcessId && !Directory.Exists($"/proc/{pid}");
    }

    private static int _swept;

    /// <summary>
    /// Removes, once per process, the work folders and pipe sockets that earlier runs left in temp when they died
    /// (README "Hardening"). Only on Linux, where <c>/proc</c> says whether their process is gone.
    /// </summary>
    internal static void SweepLeftoversOnce()
    {
        if (!OperatingSystem.IsLinux() || Interlocked.Exchange(ref _swept, 1) != 0) return;
        string[] entries;
        try
        {
            entries = Directory.GetFileSystemEntries(Path.GetTempPath(), "snippetcheck-*");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return;
        }
        foreach (var entry in entries)
        {
            if (!IsLeftover(Path.GetFileName(entry))) continue;
            try
            {
                // A link is removed itself, never followed.
                var info = new FileInfo(entry);
                if (info.Attributes.HasFlag(FileAttributes.Directory) && !info.Attributes.HasFlag(FileAttributes.ReparsePoint)) Directory.Delete(
                    entry, recursive: true);
                else info.Delete();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Another user's, or being removed by another run: not this run's to insist on.
            }
        }
    }

    internal static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A killed snippet may still hold a file for a moment; the pool removes its whole root at the end.
        }
    }
}
