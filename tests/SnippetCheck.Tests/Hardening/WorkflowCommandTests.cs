using SnippetCheck.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SnippetCheck.Tests.Hardening;

/// <summary>
/// Output is data, never commands (issue 53, item 8): under <c>--ci github</c>, a snippet's output, exception and
/// standard error reach the console, which GitHub's runner reads line by line for workflow commands. The console read
/// as the runner reads it must hold no command but the tool's own annotations, and those stay escaped.
/// </summary>
public sealed class WorkflowCommandTests(ITestOutputHelper output)
{
    private const string Post = """
        ```csharp name=spoof
        Console.WriteLine("printed\n::add-mask::printed-secret\n  ::error file=README.md,line=1::printed spoof");
        Console.Error.WriteLine("::warning file=README.md,line=2::stderr spoof\r::add-mask::cr-secret");
        throw new InvalidOperationException("boom\n::add-mask::x\n::error file=README.md,line=1::spoof\n##[error]legacy spoof");
        ```

        ```output
        something else
        ```

        ```csharp name=differs
        Console.WriteLine("::notice file=README.md,line=3::diff spoof");
        ```

        ```output
        ::stop-commands::guess
        ```
        """;

    /// <summary>
    /// The workflow commands GitHub's runner would run from <paramref name="log"/>: a line that starts with <c>::</c>
    /// after its leading blanks (lines end at LF or CR), except between <c>::stop-commands::TOKEN</c> and <c>::TOKEN::</c>.
    /// </summary>
    private static List<string> CommandsRun(string log)
    {
        var commands = new List<string>();
        string? stoppedUntil = null;
        foreach (var line in log.Split('\n', '\r').Select(l => l.TrimStart()))
        {
            if (stoppedUntil is not null)
            {
                if (line == stoppedUntil) stoppedUntil = null;
                continue;
            }
            if (line.StartsWith("::stop-commands::", StringComparison.Ordinal)) stoppedUntil = $"::{line["::stop-commands::".Length..]}::";
            else if (line.StartsWith("::", StringComparison.Ordinal) || line.Contains("##[", StringComparison.Ordinal)) commands.Add(line);
        }
        return commands;
    }

    [Fact]
    public void A_snippets_output_exception_and_stderr_never_reach_a_github_log_as_workflow_commands()
    {
        using var folder = new TempFolder();
        folder.Write("post.md", Post);

        var result = CliRunner.Run(folder.Path, "verify", "post.md", "--ci", "github", "--no-cache");
        output.WriteLine($"stdout:\n{result.Stdout}\nstderr:\n{result.Stderr}");

        Assert.Equal(1, result.ExitCode);
        foreach (var log in new[] { result.Stdout, result.Stderr })
        {
            var commands = CommandsRun(log);
            Assert.All(commands, command => Assert.Matches("^::(error|warning|notice) file=post.md,line=", command));
            Assert.DoesNotContain(commands, command => command.Contains("add-mask", StringComparison.Ordinal) && !command.Contains("%0A", StringComparison.Ordinal));
        }
        var annotations = CommandsRun(result.Stdout).Where(c => c.StartsWith("::error", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, annotations.Count);
        // The tool's own annotation quotes the exception on one line: its line breaks percent-encoded.
        Assert.Contains(annotations, a => a.Contains("boom%0A::add-mask::x%0A::error file=README.md,line=1::spoof", StringComparison.Ordinal));
        // The text itself is still shown whole.
        Assert.Contains("::error file=README.md,line=1::spoof", result.Stdout);
    }
}
