using System.Diagnostics;
using System.Text;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Cli;

/// <summary>
/// <c>--watch</c> end to end: the real CLI watches a temp folder, re-verifies a post when it is saved, and on
/// Ctrl+C (SIGINT) exits with code 0, killing the runner of a snippet it was still running.
/// </summary>
[TakesSeconds(97)]
public sealed class WatchTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(180);

    [Fact]
    public void Reverifies_a_saved_post_and_stops_cleanly_on_ctrl_c()
    {
        if (!OperatingSystem.IsLinux()) return; // Sends SIGINT with kill(1) and reads /proc.
        using var folder = new TempFolder();
        var post = folder.Write("post.md", "```csharp run\nConsole.WriteLine(\"hi\");\n```\n\n```output\nhi\n```\n");
        folder.Write("notes.txt", "not a post");
        using var watch = WatchProcess.Start(folder.Path);

        watch.WaitForLine(l => l.StartsWith("1 passed, 0 failed", StringComparison.Ordinal));
        watch.WaitForLine(l => l.StartsWith("watching: 1 passed, 0 failed", StringComparison.Ordinal));

        File.WriteAllText(post, "```csharp run\nConsole.WriteLine(\"hi\");\n```\n\n```output\nbye\n```\n");
        watch.WaitForLine(l => l.EndsWith("] changed: post.md", StringComparison.Ordinal));
        watch.WaitForLine(l => l.StartsWith("0 passed, 1 failed", StringComparison.Ordinal));
        Assert.Contains(watch.Lines, l => l.StartsWith("post.md(6,1): error SC2001: output differs", StringComparison.Ordinal));
        // The header comes before the run it announces, not after it.
        var lines = watch.Lines.ToList();
        Assert.True(lines.FindIndex(l => l.EndsWith("] changed: post.md", StringComparison.Ordinal)) < lines.FindIndex(l => l.StartsWith("post.md(6,1)", StringComparison.Ordinal)));

        // A snippet that is still running when Ctrl+C comes: its runner must not outlive the tool.
        File.WriteAllText(post, "```csharp run timeout=5m\nThread.Sleep(TimeSpan.FromMinutes(5));\n```\n");
        var runner = WaitForRunnerChild(watch.Id);

        Process.Start("kill", ["-INT", watch.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();

        Assert.True(watch.WaitForExit(TimeSpan.FromSeconds(15)), "--watch did not exit on SIGINT\n" + watch.Output);
        Assert.Equal(0, watch.ExitCode);
        Assert.Contains("snippetcheck: stopped watching", watch.Lines);
        Assert.DoesNotContain(watch.Lines, l => l.Contains("stopped by", StringComparison.Ordinal));
        Assert.True(WaitUntil(() => !IsAlive(runner), TimeSpan.FromSeconds(10)), $"runner {runner} outlived the tool");
    }

    [Fact]
    public void Watching_a_library_project_verifies_its_examples_again_when_its_code_changes()
    {
        using var folder = new TempFolder();
        foreach (var file in Directory.GetFiles(RepositoryRoot.PathOf("tests/DocLibrary")).Where(f => Path.GetExtension(f) is ".cs" or ".csproj"))
            File.Copy(file, Path.Combine(folder.Path, Path.GetFileName(file)));
        // The library targets net8.0 and net10.0; watching is the point here, so one framework's build is enough.
        using var watch = WatchProcess.Start(folder.Path, "DocLibrary.csproj", "--no-cache", "--frameworks", "net10.0");
        watch.WaitForLine(l => l.StartsWith("11 passed, 1 checked, 0 failed", StringComparison.Ordinal));

        // The method, not its doc comment, changes: the example that calls it must fail against the new build.
        var calculator = Path.Combine(folder.Path, "Calculator.cs");
        File.WriteAllText(calculator, File.ReadAllText(calculator).Replace("public static int Multiply(", "public static int Times(", StringComparison.Ordinal));
        watch.WaitForLine(l => l.Contains("Calculator.cs(", StringComparison.Ordinal) && l.Contains("error CS0117", StringComparison.Ordinal));
    }

    [Fact]
    public void Watching_a_library_without_the_newest_dotnet_runs_its_examples_against_its_net9_build_and_rebuilds_nothing_for_an_example_edit()
    {
        // Issue 56: tests/OlderTargetsLibrary targets netstandard2.0;net9.0; its examples run on net10.0 against the net9.0 build.
        using var folder = new TempFolder();
        using var cache = new TempFolder();
        foreach (var file in Directory.GetFiles(RepositoryRoot.PathOf("tests/OlderTargetsLibrary")).Where(f => Path.GetExtension(f) is ".cs" or ".csproj"))
            File.Copy(file, Path.Combine(folder.Path, Path.GetFileName(file)));
        using var watch = WatchProcess.Start(folder.Path, new Dictionary<string, string> { ["SNIPPETCHECK_PACKAGE_CACHE"] = cache.Path }, "OlderTargetsLibrary.csproj", "-v");
        watch.WaitForLine(l => l.StartsWith("3 passed, 0 failed", StringComparison.Ordinal));
        // Waited for, not looked up: -v writes it to stderr, whose pipe may deliver it after stdout's summary.
        watch.WaitForLine(l => l.EndsWith("OlderTargetsLibrary.csproj: built for net9.0, used by snippets on net10.0", StringComparison.Ordinal));
        string BuiltAssembly() => Directory.GetFiles(Path.Combine(cache.Path, "projects"), "OlderTargetsLibrary.dll", SearchOption.AllDirectories).Single();
        var built = File.GetLastWriteTimeUtc(BuiltAssembly());

        // An example edited (its code and its claim, both trivia to the compiler): verified again on the same build.
        var totals = Path.Combine(folder.Path, "Totals.cs");
        File.WriteAllText(totals, File.ReadAllText(totals).Replace("Totals.Running([1, 2, 3, 4])", "Totals.Running([1, 2, 3, 4, 5])", StringComparison.Ordinal)
            .Replace("/// 1, 3, 6, 10", "/// 1, 3, 6, 10, 15", StringComparison.Ordinal));
        // Named alone: not the obj/ and .snippetcheck/ files the first run's build and cache wrote.
        var changed = watch.WaitForLine(l => l.Contains("] changed: ", StringComparison.Ordinal));
        Assert.EndsWith("] changed: Totals.cs (verifying every file)", watch.Lines[changed], StringComparison.Ordinal);
        watch.WaitForLine(l => l.StartsWith("3 passed, 0 failed", StringComparison.Ordinal), after: changed + 1);

        // A mutant of its claim fails, still without a rebuild.
        File.WriteAllText(totals, File.ReadAllText(totals).Replace("/// 1, 3, 6, 10, 15", "/// 1, 3, 6, 10, 16", StringComparison.Ordinal));
        watch.WaitForLine(l => l.StartsWith("2 passed, 1 failed", StringComparison.Ordinal));
        Assert.Contains(watch.Lines, l => l.Contains("+ 1, 3, 6, 10, 15", StringComparison.Ordinal));
        Assert.Equal(built, File.GetLastWriteTimeUtc(BuiltAssembly()));
    }

    /// <summary>The pid of a <c>snippetcheck-runner</c> process whose parent is <paramref name="parent"/>.</summary>
    private static int WaitForRunnerChild(int parent)
    {
        var found = 0;
        Assert.True(WaitUntil(() => (found = RunnerChildren(parent).FirstOrDefault()) != 0, Patience), "no runner process was started");
        return found;
    }

    private static IEnumerable<int> RunnerChildren(int parent)
    {
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid)) continue;
            string stat, commandLine;
            try
            {
                stat = File.ReadAllText(Path.Combine(directory, "stat"));
                commandLine = File.ReadAllText(Path.Combine(directory, "cmdline"));
            }
            catch (IOException)
            {
                continue; // Gone meanwhile.
            }
            // stat: "pid (comm) state ppid ..."; comm may hold spaces, so read after the last ')'.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            if (fields[1] == parent.ToString(System.Globalization.CultureInfo.InvariantCulture) && commandLine.Contains("snippetcheck-runner.dll", StringComparison.Ordinal))
                yield return pid;
        }
    }

    /// <summary>True while the process exists and is not a zombie waiting to be reaped.</summary>
    private static bool IsAlive(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..][0] is not ('Z' or 'X');
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static bool WaitUntil(Func<bool> condition, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (condition()) return true;
            Thread.Sleep(50);
        }
        return condition();
    }

    /// <summary>The CLI running <c>--watch</c>, with its output lines collected as they come.</summary>
    private sealed class WatchProcess : IDisposable
    {
        private readonly Process _process;
        private readonly List<string> _lines = [];
        private readonly StringBuilder _output = new();

        private WatchProcess(Process process) => _process = process;

        public int Id => _process.Id;

        public int ExitCode => _process.ExitCode;

        public IReadOnlyList<string> Lines
        {
            get { lock (_lines) return [.. _lines]; }
        }

        public string Output
        {
            get { lock (_lines) return _output.ToString(); }
        }

        public static WatchProcess Start(string folder, params string[] arguments) => Start(folder, new Dictionary<string, string>(), arguments);

        public static WatchProcess Start(string folder, IReadOnlyDictionary<string, string> environment, params string[] arguments)
        {
            // A process started from a background shell may inherit SIGINT as ignored; env puts the default back.
            string[] command = ["dotnet", "exec", Infrastructure.CliRunner.ToolPath, "--watch", .. arguments];
            var start = new ProcessStartInfo("env", ["--default-signal=INT", .. command])
            {
                WorkingDirectory = folder,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
            };
            start.Environment["CI"] = "true";
            start.Environment.Remove("GITHUB_ACTIONS");
            foreach (var (name, value) in environment) start.Environment[name] = value;
            var watch = new WatchProcess(new Process { StartInfo = start });
            watch._process.OutputDataReceived += (_, e) => watch.Add(e.Data);
            watch._process.ErrorDataReceived += (_, e) => watch.Add(e.Data);
            watch._process.Start();
            watch._process.StandardInput.Close();
            watch._process.BeginOutputReadLine();
            watch._process.BeginErrorReadLine();
            return watch;
        }

        /// <summary>
        /// Waits for a line that matches, among the lines after the first <paramref name="after"/>, and returns its index
        /// (not the count of lines so far: under load the lines after it may have come before the caller reads the count).
        /// </summary>
        public int WaitForLine(Func<string, bool> match, int after = 0)
        {
            var found = -1;
            Assert.True(
                WaitUntil(() => (found = IndexOf(Lines, match, after)) >= 0, Patience), "expected line did not come; output so far:\n" + Output);
            return found;
        }

        private static int IndexOf(IReadOnlyList<string> lines, Func<string, bool> match, int after)
        {
            for (var i = after; i < lines.Count; i++)
                if (match(lines[i])) return i;
            return -1;
        }

        public bool WaitForExit(TimeSpan timeout)
        {
            if (!_process.WaitForExit(timeout)) return false;
            _process.WaitForExit(); // Flushes the asynchronous output readers.
            return true;
        }

        private void Add(string? line)
        {
            if (line is null) return;
            lock (_lines)
            {
                _lines.Add(line);
                _output.AppendLine(line);
            }
        }

        public void Dispose()
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            _process.Dispose();
        }
    }
}
