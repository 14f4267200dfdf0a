using System.Diagnostics;

namespace SnippetCheck.Tests.Infrastructure;

/// <summary>Looks at live processes through /proc, to prove that nothing a run started outlives it.</summary>
public static class ProcessProbe
{
    /// <summary>Processes whose command line (arguments joined by spaces) contains <paramref name="fragment"/>.</summary>
    public static IReadOnlyList<(int Id, string CommandLine)> Matching(string fragment)
    {
        var found = new List<(int, string)>();
        foreach (var directory in Directory.GetDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var id) || id == Environment.ProcessId) continue;
            try
            {
                var commandLine = File.ReadAllText(Path.Combine(directory, "cmdline")).Replace('\0', ' ').Trim();
                if (commandLine.Contains(fragment, StringComparison.Ordinal) && !IsZombie(directory)) found.Add((id, commandLine));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Gone while we looked.
            }
        }
        return found;
    }

    /// <summary>Runner processes started by the CLI process <paramref name="cliId"/> (their pipe name carries its ID).</summary>
    public static IReadOnlyList<(int Id, string CommandLine)> RunnersOf(int cliId) =>
        [.. Matching($"snippetcheck-{cliId}-").Where(p => p.CommandLine.Contains("snippetcheck-runner.dll", StringComparison.Ordinal))];

    /// <summary>Polls until <paramref name="condition"/> holds or the time is up; returns whether it held.</summary>
    public static bool WaitUntil(Func<bool> condition, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (condition()) return true;
            Thread.Sleep(50);
        }
        return condition();
    }

    /// <summary>A marker unique to one test, to find the processes its snippets start (e.g. <c>sleep 300.12345</c>).</summary>
    public static string UniqueSleepSeconds() => $"300.{Random.Shared.Next(10000, 99999)}";

    private static bool IsZombie(string directory)
    {
        var status = File.ReadAllText(Path.Combine(directory, "stat"));
        var afterName = status.LastIndexOf(')');
        return afterName > 0 && afterName + 2 < status.Length && status[afterName + 2] is 'Z' or 'X';
    }
}

/// <summary>The real CLI started in the background, for tests that signal it while it runs.</summary>
public sealed class CliProcess : IDisposable
{
    private readonly Process _process;
    private readonly Task<string> _stdout;
    private readonly Task<string> _stderr;

    public CliProcess(string workingDirectory, IDictionary<string, string?> environment, params string[] args)
    {
        var start = CliRunner.StartInfo(workingDirectory, environment, args);
        // A process started in the background by a non-interactive shell (as CI's script may start the suite) ignores
        // SIGINT, and ignored signals pass on to children: the CLI would rightly ignore Ctrl+C (.NET installs no handler
        // for an ignored SIGINT). A terminal's CLI has SIGINT at its default; `env` restores that and execs (same PID).
        start.ArgumentList.Insert(0, start.FileName);
        start.ArgumentList.Insert(0, "--default-signal=INT");
        start.FileName = "env";
        _process = Process.Start(start)!;
        _process.StandardInput.Close();
        _stdout = _process.StandardOutput.ReadToEndAsync();
        _stderr = _process.StandardError.ReadToEndAsync();
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Sends a POSIX signal (TERM, INT, KILL) the way CI and a terminal do.</summary>
    public void Signal(string name)
    {
        using var kill = Process.Start("kill", [$"-{name}", Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
        kill.WaitForExit();
    }

    /// <summary>Waits for the CLI to end; null if it did not within <paramref name="timeout"/>.</summary>
    public CliResult? WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout)) return null;
        _process.WaitForExit();
        return new CliResult(_process.ExitCode, _stdout.Result, _stderr.Result);
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }
}
