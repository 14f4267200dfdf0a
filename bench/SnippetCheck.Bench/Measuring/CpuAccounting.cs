using System.Globalization;

namespace SnippetCheck.Bench.Measuring;

/// <summary>
/// User and system CPU time of a process and every process it starts, runners included. <c>/usr/bin/time</c> only
/// sees the children a process waited for, and a runner killed through its PID namespace's launcher is reaped by
/// init, not by the tool, so its CPU time would be lost; a cgroup v1 <c>cpuacct</c> group counts every task born in it.
/// </summary>
public sealed class CpuAccounting : IDisposable
{
    private const string Hierarchy = "/sys/fs/cgroup/cpuacct";

    private CpuAccounting(string group) => Group = group;

    /// <summary>The group's folder: a process writes its pid into its <c>cgroup.procs</c> to join it.</summary>
    public string Group { get; }

    /// <summary>A new, empty group, or null where there is no writable cpuacct hierarchy (then CPU comes from <c>time</c>).</summary>
    public static CpuAccounting? TryCreate()
    {
        if (!Directory.Exists(Hierarchy)) return null;
        var group = Path.Combine(Hierarchy, $"snippetcheck-bench-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(group);
            return new CpuAccounting(group);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Wraps a command so that it joins the group before it starts: <c>sh -c 'echo $$ > procs; exec "$@"'</c>.</summary>
    public (string Program, string[] Arguments) Wrap(string program, IEnumerable<string> arguments) =>
        ("/bin/sh", ["-c", "echo $$ > \"$0/cgroup.procs\" && exec \"$@\"", Group, program, .. arguments]);

    /// <summary>User and system time of everything that ran in the group.</summary>
    public (TimeSpan User, TimeSpan System) Read()
    {
        TimeSpan user = TimeSpan.Zero, system = TimeSpan.Zero;
        // cpuacct.stat counts in USER_HZ ticks, 100 a second on Linux.
        foreach (var line in File.ReadLines(Path.Combine(Group, "cpuacct.stat")))
        {
            var fields = line.Split(' ');
            var seconds = long.Parse(fields[1], CultureInfo.InvariantCulture) / 100.0;
            if (fields[0] == "user") user = TimeSpan.FromSeconds(seconds);
            else if (fields[0] == "system") system = TimeSpan.FromSeconds(seconds);
        }
        return (user, system);
    }

    public void Dispose()
    {
        // A killed runner may take a moment to leave the group.
        for (var attempt = 0; attempt < 50; attempt++)
        {
            try
            {
                Directory.Delete(Group);
                return;
            }
            catch (IOException)
            {
                Thread.Sleep(100);
            }
        }
    }
}
