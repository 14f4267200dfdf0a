using System.Diagnostics;

namespace SnippetCheck.Model;

/// <summary>
/// Where a run's time goes: with <c>SNIPPETCHECK_TRACE=1</c> each phase's end is written to stderr as milliseconds
/// since the process started (bench/README.md, "Start-up"). Off, it costs one static read per phase.
/// </summary>
internal static class PhaseTrace
{
    private static readonly bool Enabled = Environment.GetEnvironmentVariable("SNIPPETCHECK_TRACE") == "1";
    private static readonly long Origin = Stopwatch.GetTimestamp();

    /// <summary>The process's age when tracing began (10 ms resolution on Linux: <c>/proc</c> counts in clock ticks).</summary>
    private static readonly double AgeAtOrigin = Enabled ? ProcessAgeMilliseconds() : 0;

    /// <summary>Writes that <paramref name="phase"/> ended now, when tracing is on.</summary>
    public static void Mark(string phase)
    {
        if (!Enabled) return;
        Console.Error.WriteLine($"[trace] {AgeAtOrigin + Stopwatch.GetElapsedTime(Origin).TotalMilliseconds,7:F1} ms  {phase}");
    }

    private static double ProcessAgeMilliseconds()
    {
        try
        {
            // Field 22 of /proc/self/stat is the start time in clock ticks since boot (100 per second on Linux).
            var stat = File.ReadAllText("/proc/self/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var startSeconds = long.Parse(fields[19], System.Globalization.CultureInfo.InvariantCulture) / 100.0;
            var uptime = double.Parse(File.ReadAllText("/proc/uptime").Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
            return (uptime - startSeconds) * 1000;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return 0;
        }
    }
}
