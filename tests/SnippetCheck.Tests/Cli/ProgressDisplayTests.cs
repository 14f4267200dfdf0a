using System.Diagnostics;
using SnippetCheck.Cli;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Cli;

/// <summary>The progress line: on a terminal only, never in CI or redirected output, erased before the results.</summary>
public sealed class ProgressDisplayTests
{
    private const string ClearLine = "\r\u001b[2K";

    [Theory]
    [InlineData(null, null, null, false, false, true, true)]
    [InlineData("true", null, null, false, false, false, false)]
    [InlineData(null, "1", null, false, false, false, true)]
    [InlineData(null, null, "dumb", false, false, true, false)]
    [InlineData(null, null, null, true, false, false, false)]
    [InlineData(null, null, null, false, true, true, false)]
    public void Shows_colour_and_progress_only_on_an_interactive_terminal(
        string? ci, string? noColor, string? term, bool outputRedirected, bool errorRedirected, bool color, bool progress)
    {
        var environment = new Dictionary<string, string?> { ["CI"] = ci, ["NO_COLOR"] = noColor, ["TERM"] = term };

        var settings = TerminalSettings.From(name => environment.GetValueOrDefault(name), outputRedirected, errorRedirected);

        Assert.Equal(new TerminalSettings(color, progress), settings);
    }

    [Fact]
    public void Draws_one_line_in_place_and_erases_it_when_done()
    {
        var output = new StringWriter();
        var display = new ProgressDisplay(output, 80, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        display.Planned(40);
        display.Record(done: 12, failed: 1);

        display.Draw();
        display.Record(done: 1, failed: 0);
        display.Draw();
        display.Dispose();

        var lines = output.ToString().Split(ClearLine);
        Assert.Equal("", lines[0]);
        Assert.Matches(@"^verifying 12/40 snippets, 1 failed \(\d+\.\ds\)$", lines[1]);
        Assert.Matches(@"^verifying 13/40 snippets, 1 failed \(\d+\.\ds\)$", lines[2]);
        Assert.Equal("", lines[3]);
        Assert.Equal(4, lines.Length);
    }

    [Fact]
    public void Writes_nothing_for_a_run_shorter_than_its_delay()
    {
        var output = new StringWriter();

        using (new ProgressDisplay(output, 80, TimeSpan.FromMinutes(1), TimeSpan.FromMilliseconds(100))) { }

        Assert.Equal("", output.ToString());
    }

    [Fact]
    public void Fits_the_terminal_width()
    {
        var output = new StringWriter();
        using var display = new ProgressDisplay(output, 24, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        display.Planned(12345);

        Assert.Equal(23, display.Line.Length);
    }

    [Fact]
    public void A_long_run_with_redirected_output_prints_plain_lines_only()
    {
        using var folder = new TempFolder();
        folder.Write("slow.md", "```csharp run\nThread.Sleep(1500);\nConsole.WriteLine(\"done\");\n```\n");

        var run = Infrastructure.CliRunner.Run(folder.Path, new Dictionary<string, string?> { ["CI"] = null }, "slow.md");

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain('\r', run.Output);
        Assert.DoesNotContain('\u001b', run.Output);
        Assert.StartsWith("1 passed, 0 failed", run.Stdout);
    }

    [Fact]
    public void A_long_run_on_a_terminal_shows_the_progress_line()
    {
        // 'script' (util-linux) gives the tool a pseudo-terminal; without it there is no terminal to test on.
        if (!OperatingSystem.IsLinux() || !File.Exists("/usr/bin/script")) return;
        using var folder = new TempFolder();
        folder.Write("slow.md", "```csharp run\nThread.Sleep(1500);\nConsole.WriteLine(\"done\");\n```\n");
        var start = new ProcessStartInfo("/usr/bin/script", ["-qec", $"dotnet exec \"{Infrastructure.CliRunner.ToolPath}\" slow.md", "/dev/null"])
        {
            WorkingDirectory = folder.Path,
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
        };
        start.Environment.Remove("CI");
        start.Environment.Remove("NO_COLOR");
        start.Environment["TERM"] = "xterm";

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(1)));

        Assert.Equal(0, process.ExitCode);
        // The clock counts from the start of the run, so a loaded machine shows more than the snippet's own 1.5 s.
        Assert.Matches(@"\r\u001b\[2Kverifying 0/1 snippets, 0 failed \(\d+\.\ds\)", output);
        // Erased before the summary, which is coloured on a terminal.
        Assert.Contains("\r\u001b[2K\u001b[32m1 passed, 0 failed", output);
    }
}
