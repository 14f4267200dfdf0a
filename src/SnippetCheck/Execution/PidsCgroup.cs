namespace SnippetCheck.Execution;

/// <summary>
/// A pids cgroup per runner, where this process may make one (root with cgroup v1's pids hierarchy, or a delegated
/// cgroup v2 subtree): it bounds how many processes and threads a snippet can start, which RLIMIT_NPROC cannot do for
/// root. Without it a fork bomb could fill the machine's PID space before the timeout ends it.
/// </summary>
internal static class PidsCgroup
{
    /// <summary>Tasks (processes and threads) per runner: the runner's own threads and whatever a snippet reasonably starts.</summary>
    public const int TaskLimit = 4096;

    private static readonly Lazy<string?> LazyBase = new(FindBase);

    /// <summary>The folder new cgroups go in, or null where none can be made.</summary>
    public static string? Base => LazyBase.Value;

    /// <summary>Makes a cgroup limited to <see cref="TaskLimit"/> tasks; null where that is not possible.</summary>
    public static string? Create(string name)
    {
        if (Base is not { } parent) return null;
        var path = Path.Combine(parent, name);
        try
        {
            Directory.CreateDirectory(path);
            File.WriteAllText(Path.Combine(path, "pids.max"), TaskLimit.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return path;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Remove(path);
            return null;
        }
    }

    /// <summary>Removes an empty cgroup; one whose processes are still dying stays until the tool's final clean-up.</summary>
    public static void Remove(string path)
    {
        try
        {
            if (Directory.Exists(path)) Directory.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Still has tasks for a moment.
        }
    }

    private static string? FindBase()
    {
        if (!OperatingSystem.IsLinux() || !File.Exists("/proc/self/cgroup")) return null;
        foreach (var line in File.ReadLines("/proc/self/cgroup"))
        {
            var parts = line.Split(':', 3);
            if (parts.Length != 3) continue;
            // cgroup v1: "8:pids:/path"; cgroup v2: "0::/path" under a unified mount.
            var candidate = parts[1] == "pids" ? "/sys/fs/cgroup/pids" + parts[2]
                : parts[0] == "0" && parts[1] == "" && File.Exists("/sys/fs/cgroup/cgroup.controllers") ? "/sys/fs/cgroup" + parts[2]
                : null;
            if (candidate is not null && CanMakeChildren(candidate)) return candidate;
        }
        return null;
    }

    private static bool CanMakeChildren(string folder)
    {
        var probe = Path.Combine(folder, $"snippetcheck-probe-{Environment.ProcessId}");
        try
        {
            Directory.CreateDirectory(probe);
            return File.Exists(Path.Combine(probe, "pids.max"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
        finally
        {
            Remove(probe);
        }
    }
}
