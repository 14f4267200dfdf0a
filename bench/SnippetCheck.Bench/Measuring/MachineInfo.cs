using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace SnippetCheck.Bench.Measuring;

/// <summary>The machine a benchmark ran on, as the results file records it.</summary>
public sealed record MachineInfo(int Processors, string Cpu, string Memory, string Os, string DotnetSdk, string Runtime, DateTimeOffset Date)
{
    public static async Task<MachineInfo> ReadAsync() => new(
        Environment.ProcessorCount,
        FirstMatch("/proc/cpuinfo", @"^model name\s*:\s*(.+)$") ?? RuntimeInformation.ProcessArchitecture.ToString(),
        MemTotal(),
        FirstMatch("/etc/os-release", "^PRETTY_NAME=\"?([^\"]+)\"?$") ?? RuntimeInformation.OSDescription,
        (await ProcessMeter.RunAsync("dotnet", ["--version"], Environment.CurrentDirectory)).Stdout.Trim(),
        RuntimeInformation.FrameworkDescription,
        DateTimeOffset.UtcNow);

    /// <summary>The 1, 5 and 15 minute load averages: on a shared machine they say how much to trust the numbers.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static string MemTotal()
    {
        var kib = FirstMatch("/proc/meminfo", @"^MemTotal:\s*(\d+) kB$");
        return kib is null ? "unknown" : $"{long.Parse(kib, CultureInfo.InvariantCulture) / 1024.0 / 1024.0:F1} GiB";
    }

    private static string? FirstMatch(string file, string pattern)
    {
        if (!File.Exists(file)) return null;
        var match = Regex.Match(File.ReadAllText(file), pattern, RegexOptions.Multiline);
        return match.Success ? match.Groups[1].Value.Trim() : null;
    }
}
