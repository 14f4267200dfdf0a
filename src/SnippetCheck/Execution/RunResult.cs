namespace SnippetCheck.Execution;

/// <summary>What a run did: its ending, its output (split by session block) and, for exceptions, what was thrown.</summary>
internal sealed record RunResult(
    RunStatus Status,
    int ExitCode,
    string Stdout,
    string Stderr,
    IReadOnlyDictionary<int, string> BlockOutputs,
    int CurrentBlock,
    string? ExceptionType,
    string? ExceptionMessage,
    string? ExceptionText,
    string? CrashMessage,
    TimeSpan Duration)
{
    /// <summary>The runner's confinement, when it had one: the judge names the sandbox when a snippet ran into it.</summary>
    public SandboxStatus? Confinement { get; init; }

    /// <summary>The tests the runner ran after the program's statements, in the order they ran; empty when none did.</summary>
    public IReadOnlyList<TestReport> Tests { get; init; } = [];

    internal static RunResult FromReport(RunReport report, TimeSpan duration, int? processExitCode)
    {
        var status = report.Ending switch
        {
            RunEnding.Completed => RunStatus.Completed,
            RunEnding.Exception => RunStatus.Exception,
            RunEnding.Exited => RunStatus.Exited,
            RunEnding.OutputLimit => RunStatus.OutputLimit,
            _ => RunStatus.LoadFailed,
        };
        var exitCode = report.Ending == RunEnding.Exited && processExitCode is { } code ? code : report.ExitCode;
        return new RunResult(status, exitCode, report.Stdout, report.Stderr, SplitByBlock(report), report.CurrentBlock,
            report.ExceptionType, report.ExceptionMessage, report.ExceptionText, null, duration)
        {
            Tests = report.Tests,
        };
    }

    internal static RunResult Failed(RunStatus status, string message, string stderr, RunnerProcess.BlockProgress blocks, TimeSpan duration)
    {
        var (current, finished) = blocks.Snapshot();
        return new(status, -1, string.Concat(finished.OrderBy(b => b.Key).Select(b => b.Value)), stderr, finished, current,
            null, null, null, message, duration);
    }

    private static Dictionary<int, string> SplitByBlock(RunReport report)
    {
        var outputs = new Dictionary<int, string>();
        for (var i = 0; i < report.Blocks.Length; i++)
        {
            var start = report.Blocks[i].Offset;
            var end = i + 1 < report.Blocks.Length ? report.Blocks[i + 1].Offset : report.Stdout.Length;
            outputs[report.Blocks[i].BlockId] = report.Stdout[start..end];
        }
        return outputs;
    }
}
