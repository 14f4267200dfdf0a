namespace SnippetCheck.Execution;

/// <summary>
/// Control groups per runner, where this process may make them (root with cgroup v1, or a delegated cgroup v2
/// subtree). The pids controller bounds how many processes and threads a snippet can start, which RLIMIT_NPROC
/// cannot do for root; a group of its own under the cpu controller keeps a snippet that spawns thousands of busy
/// processes from starving the tool, which must stay able to time it out. Where none can be made, RLIMIT_NPROC and
/// the timeout are the bounds (SECURITY.md).
/// </summary>
internal static class RunnerCgroups
{
    /// <summary>
    /// Tasks (processes and threads) per runner: its own threads and what a snippet reasonably starts. Every busy task competes for the CPU, so the
    /// bound also keeps a fork bomb from starving the tool that must time it out.
    /// </summary>
    public const int TaskLimit = 1024;

    private static readonly Lazy<IReadOnlyList<string>> LazyParents = new(FindParents);

    /// <summary>The folders new groups go in: one per cgroup v1 hierarchy used (pids, cpu), or the one v2 folder.</summary>
    public static IReadOnlyList<string> Parents => LazyParents.Value;

    /// <summary>Whether groups limit the task count (a pids controller is among them).</summary>
    public static bool LimitsTasks =>
        Parents.Any(parent => File.Exists(Path.Combine(parent, "pids.max")) || parent.Contains("/pids", StringComparison.Ordinal));

    private static int _swept;

    /// <summary>Makes the groups for one runner, the task limit set; empty where none can be made.</summary>
    public static string[] Create(string name)
    {
        if (Interlocked.Exchange(ref _swept, 1) == 0) SweepStale();
        var created = new List<string>();
        foreach (var parent in Parents)
        {
            var path = Path.Combine(parent, name);
            try
            {
                Directory.CreateDirectory(path);
                created.Add(path);
                var pidsMax = Path.Combine(path, "pids.max");
                if (File.Exists(pidsMax)) File.WriteAllText(pidsMax, TaskLimit.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // One controller less; the others still apply.
            }
        }
        return [.. created];
    }

    /// <summary>
    /// Removes the groups a tool killed outright (SIGKILL) left behind, which nothing else would: named
    /// <c>snippetcheck-&lt;pid&gt;-...</c> after a process that is gone, and empty (the kernel refuses to remove any
    /// other). Done once per process, before its first group. Returns how many went.
    /// </summary>
    internal static int SweepStale()
    {
        var removed = 0;
        foreach (var parent in Parents)
        {
            List<string> groups;
            try
            {
                groups = [.. Directory.EnumerateDirectories(parent, "snippetcheck-*")];
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }
            foreach (var group in groups)
            {
                if (!RunFolders.IsLeftover(Path.GetFileName(group))) continue;
                Remove(group);
                if (!Directory.Exists(group)) removed++;
            }
        }
        return removed;
    }

    /// <summary>Removes an empty group; one whose processes are still dying stays until the tool's final clean-up.</summary>
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

    private static string[] FindParents()
    {
        if (!OperatingSystem.IsLinux() || !File.Exists("/proc/self/cgroup")) return [];
        var parents = new List<string>();
        foreach (var line in File.ReadLines("/proc/self/cgroup"))
        {
            var parts = line.Split(':', 3);
            if (parts.Length != 3) continue;
            var controllers = parts[1].Split(',');
            // cgroup v1: "8:pids:/path", "1:cpu,cpuacct:/path", each its own mount; v2: "0::/path" under the unified mount.
            string? candidate = null;
            if (controllers.Contains("pids") || controllers.Contains("cpu")) candidate = $"/sys/fs/cgroup/{parts[1]}{parts[2]}";
            else if (parts[0] == "0" && parts[1] == "" && File.Exists("/sys/fs/cgroup/cgroup.controllers")) candidate = "/sys/fs/cgroup" + parts[2];
            if (candidate is not null && CanMakeChildren(candidate)) parents.Add(candidate.TrimEnd('/'));
        }
        return [.. parents];
    }

    private static bool CanMakeChildren(string folder)
    {
        var probe = Path.Combine(folder, $"snippetcheck-probe-{Environment.ProcessId}");
        try
        {
            Directory.CreateDirectory(probe);
            return File.Exists(Path.Combine(probe, "cgroup.procs"));
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
