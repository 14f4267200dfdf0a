using System.Diagnostics;
using System.Globalization;

namespace SnippetCheck.Bench.Measuring;

/// <summary>What one measured process did, and what it cost.</summary>
/// <param name="ToolMaxRssKiB">The process's own peak resident set, from <c>/usr/bin/time</c> (0 if unknown).</param>
/// <param name="RunnerMaxRssKiB">The largest peak of any snippet runner it started, sampled from /proc.</param>
/// <param name="TreePeakRssKiB">The largest sum of resident sets of the process and all its descendants at one sample.</param>
/// <param name="TreePeakPssKiB">The same for proportional set sizes: a page the processes share (a ReadyToRun image
/// the tool and its runners all map) counts once in the sum, not once per process.</param>
/// <param name="Cpu">User plus system CPU time of the process and every process it started (runners included): from a
/// cpuacct control group where there is one (<see cref="CpuAccounting"/>), else from <c>/usr/bin/time</c>, which misses
/// runners it did not reap. On a machine shared with other work it varies far less than wall time.</param>
public sealed record Measurement(
    TimeSpan Wall, int ExitCode, string Stdout, string Stderr,
    long ToolMaxRssKiB, long RunnerMaxRssKiB, long TreePeakRssKiB, int RunnersSeen, TimeSpan Cpu)
{
    public long TreePeakPssKiB { get; init; }

    /// <summary>The system part of <see cref="Cpu"/>.</summary>
    public TimeSpan SystemCpu { get; init; }
}

/// <summary>
/// Runs a process under <c>/usr/bin/time</c> for its peak memory, and samples /proc meanwhile for the
/// processes it starts (the snippet runners), which <c>time</c> cannot tell apart from the tool.
/// </summary>
public static class ProcessMeter
{
    private const string TimeProgram = "/usr/bin/time";
    private static readonly TimeSpan SampleInterval = TimeSpan.FromMilliseconds(50);

    public static bool HasTime => File.Exists(TimeProgram);

    public static async Task<Measurement> RunAsync(
        string program, IReadOnlyList<string> arguments, string workingDirectory,
        IReadOnlyDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        var timeFile = Path.GetTempFileName();
        using var accounting = CpuAccounting.TryCreate();
        var (measured, measuredArguments) = accounting?.Wrap(program, arguments) ?? (program, [.. arguments]);
        var start = HasTime
            ? new ProcessStartInfo(TimeProgram, ["-f", "%M %U %S", "-o", timeFile, measured, .. measuredArguments])
            : new ProcessStartInfo(measured, measuredArguments);
        start.WorkingDirectory = workingDirectory;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.RedirectStandardInput = true;
        start.UseShellExecute = false;
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var stopSampling = new CancellationTokenSource();
        var sampler = Task.Run(() => Sample(process.Id, stopSampling.Token));

        using var deadline = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(20));
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', arguments)} ran longer than {timeout}");
        }
        clock.Stop();
        await stopSampling.CancelAsync();
        var samples = await sampler;

        var (toolMax, cpu, systemCpu) = HasTime ? ReadTimeReport(timeFile) : (0, TimeSpan.Zero, TimeSpan.Zero);
        File.Delete(timeFile);
        if (accounting is not null)
        {
            var (user, system) = accounting.Read();
            (cpu, systemCpu) = (user + system, system);
        }
        return new Measurement(clock.Elapsed, process.ExitCode, await stdout, await stderr,
            toolMax == 0 ? samples.ToolHwm : toolMax, samples.RunnerHwm, samples.TreePeak, samples.Runners, cpu)
        {
            TreePeakPssKiB = samples.TreePeakPss,
            SystemCpu = systemCpu,
        };
    }

    /// <summary>Reads "%M %U %S" from the last line <c>/usr/bin/time</c> wrote (earlier ones may say a signal ended the process).</summary>
    private static (long MaxRssKiB, TimeSpan Cpu, TimeSpan SystemCpu) ReadTimeReport(string path)
    {
        var fields = File.ReadAllText(path).Trim().Split('\n')[^1].Split(' ');
        if (fields.Length != 3
            || !long.TryParse(fields[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var kib)
            || !double.TryParse(fields[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var user)
            || !double.TryParse(fields[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var system))
        {
            return (0, TimeSpan.Zero, TimeSpan.Zero);
        }
        return (kib, TimeSpan.FromSeconds(user + system), TimeSpan.FromSeconds(system));
    }

    private sealed record Samples(long ToolHwm, long RunnerHwm, long TreePeak, int Runners, long TreePeakPss);

    private static Samples Sample(int rootPid, CancellationToken stop)
    {
        var runners = new Dictionary<int, long>();
        var commandLines = new Dictionary<int, string>();
        long toolHwm = 0, treePeak = 0, treePeakPss = 0;
        while (!stop.IsCancellationRequested)
        {
            long treeNow = 0, treePssNow = 0;
            foreach (var pid in Descendants(rootPid))
            {
                if (!TryReadMemory(pid, out var rss, out var hwm)) continue;
                treeNow += rss;
                treePssNow += ReadPss(pid);
                if (!commandLines.TryGetValue(pid, out var commandLine))
                {
                    commandLine = ReadCommandLine(pid);
                    commandLines[pid] = commandLine;
                }
                if (commandLine.Contains("snippetcheck-runner", StringComparison.Ordinal)) runners[pid] = hwm;
                else if (commandLine.Contains("snippetcheck", StringComparison.Ordinal)) toolHwm = Math.Max(toolHwm, hwm);
            }
            treePeak = Math.Max(treePeak, treeNow);
            treePeakPss = Math.Max(treePeakPss, treePssNow);
            stop.WaitHandle.WaitOne(SampleInterval);
        }
        return new Samples(toolHwm, runners.Count == 0 ? 0 : runners.Values.Max(), treePeak, runners.Count, treePeakPss);
    }

    /// <summary>Every process below <paramref name="pid"/>, from the kernel's per-thread children lists.</summary>
    private static List<int> Descendants(int pid)
    {
        var found = new List<int>();
        var pending = new Stack<int>();
        pending.Push(pid);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            string[] tasks;
            try
            {
                tasks = Directory.GetDirectories($"/proc/{current}/task");
            }
            catch (IOException)
            {
                continue;
            }
            catch (UnauthorizedAccessException)
            {
                continue;
            }
            foreach (var task in tasks)
            {
                string children;
                try
                {
                    children = File.ReadAllText(Path.Combine(task, "children"));
                }
                catch (IOException)
                {
                    continue;
                }
                foreach (var child in children.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    var childPid = int.Parse(child, CultureInfo.InvariantCulture);
                    found.Add(childPid);
                    pending.Push(childPid);
                }
            }
        }
        return found;
    }

    private static bool TryReadMemory(int pid, out long rssKiB, out long hwmKiB)
    {
        rssKiB = hwmKiB = 0;
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal)) rssKiB = ParseKiB(line);
                else if (line.StartsWith("VmHWM:", StringComparison.Ordinal)) hwmKiB = ParseKiB(line);
            }
            return rssKiB > 0;
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>The process's proportional set size in KiB (0 when it is gone or the kernel has no smaps_rollup).</summary>
    private static long ReadPss(int pid)
    {
        try
        {
            return File.ReadLines($"/proc/{pid}/smaps_rollup").FirstOrDefault(l => l.StartsWith("Pss:", StringComparison.Ordinal)) is { } line ? ParseKiB(line) : 0;
        }
        catch (IOException)
        {
            return 0;
        }
        catch (UnauthorizedAccessException)
        {
            return 0;
        }
    }

    private static long ParseKiB(string line) =>
        long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);

    private static string ReadCommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
        }
        catch (IOException)
        {
            return "";
        }
    }
}
