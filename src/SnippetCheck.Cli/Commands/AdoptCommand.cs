using System.CommandLine;
using SnippetCheck.Authoring;
using SnippetCheck.Verification;

namespace SnippetCheck.Cli.Commands;

/// <summary>
/// <c>snippetcheck adopt [PATH|GLOB ...] [--write]</c>: verifies every untagged C# block and proposes tags for those
/// that pass (docs/authoring.md#adopt); a dry run unless <c>--write</c>. Exit code 0, 1 when a file could not be
/// written, 2 when the tool could not do its job.
/// </summary>
internal static class AdoptCommand
{
    private static readonly Option<bool> WriteOption = new("--write") { Description = "Insert the proposed tags as invisible comments (default: a dry run that changes nothing)" };

    public static Command Create()
    {
        var adopt = new Command("adopt", "Verify every untagged C# block and tag those that pass: compile, run, and their output blocks")
        {
            CommonOptions.Paths, WriteOption, CommonOptions.Filter, CommonOptions.Config, VerifyCommand.TimeoutOption, VerifyCommand.ParallelOption,
            VerifyCommand.NoCacheOption, VerifyCommand.CacheDirOption, VerifyCommand.NoSandboxOption,
        };
        adopt.SetAction(RunAsync);
        return adopt;
    }

    private static Task<int> RunAsync(ParseResult result, CancellationToken cancellationToken)
    {
        var options = new VerifyOptions
        {
            Paths = result.GetValue(CommonOptions.Paths) ?? [],
            Filter = result.GetValue(CommonOptions.Filter),
            ConfigPath = result.GetValue(CommonOptions.Config),
            Timeout = result.GetValue(VerifyCommand.TimeoutOption),
            Parallelism = result.GetValue(VerifyCommand.ParallelOption),
            NoCache = result.GetValue(VerifyCommand.NoCacheOption),
            CacheDirectory = result.GetValue(VerifyCommand.CacheDirOption),
            NoSandbox = result.GetValue(VerifyCommand.NoSandboxOption),
        };
        var write = result.GetValue(WriteOption);
        return CommandGuard.RunAsync(async () =>
        {
            var verifier = new Verifier(options);
            AdoptReport report;
            using (ProgressDisplay.Attach(verifier, TerminalSettings.Detect()))
            {
                report = await Adopter.RunAsync(verifier, options, write, cancellationToken);
            }
            foreach (var line in AdoptTable.Lines(report)) await Console.Out.WriteLineAsync(line);
            return report.Refused.Any() ? ExitCodes.Failures : ExitCodes.Success;
        });
    }
}
