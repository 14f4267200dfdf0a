using System.CommandLine;
using SnippetCheck.Outdated;

namespace SnippetCheck.Cli.Commands;

/// <summary>
/// <c>snippetcheck outdated [PATH|GLOB ...] [--write] [--prerelease]</c>: verifies the posts on the newest versions of
/// the packages they pin (docs/packages.md#outdated). Exit code 0 when every block still passes, 1 when a block that
/// passes on its pin fails on the newest version (or a pin could not be written), 2 when nothing could be resolved.
/// </summary>
internal static class OutdatedCommand
{
    public static readonly Option<bool> PrereleaseOption = new("--prerelease") { Description = "Count previews as newer versions" };

    public static readonly Option<TimeSpan?> LookupMaxAgeOption = new("--lookup-max-age")
    {
        Description = "How long a source's version list is kept in the package cache before it is asked again (default: 1d)",
        HelpName = "DURATION",
        CustomParser = VerifyCommand.ParseDuration,
    };

    private static readonly Option<bool> WriteOption =
        new("--write") { Description = "Move each pin whose every block passes on the newest version (default: a dry run)" };

    private static readonly Option<string[]> ReportOption = CommonOptions.Report(
        "Write every pin, its newest version and its blocks as a json report, optionally =PATH", jsonOnlyCommand: "outdated");

    public static Command Create()
    {
        var outdated = new Command("outdated", "Verify the posts on the newest versions of the packages they pin, and move the pins that still pass")
        {
            CommonOptions.Paths, WriteOption, PrereleaseOption, LookupMaxAgeOption, ReportOption, CommonOptions.Filter, CommonOptions.Config,
            VerifyCommand.TimeoutOption,
            VerifyCommand.ParallelOption, VerifyCommand.NoCacheOption, VerifyCommand.CacheDirOption, VerifyCommand.NoSandboxOption,
        };
        outdated.SetAction(RunAsync);
        return outdated;
    }

    /// <summary>What <c>--prerelease</c> and <c>--lookup-max-age</c> say, for <c>outdated</c> and <c>verify --packages newest</c>.</summary>
    public static OutdatedSettings Settings(ParseResult result) =>
        new(result.GetValue(PrereleaseOption), result.GetValue(LookupMaxAgeOption) ?? OutdatedSettings.DefaultLookupMaxAge);

    private static Task<int> RunAsync(ParseResult result, CancellationToken cancellationToken)
    {
        var options = CommonOptions.ToRunOptions(result);
        var write = result.GetValue(WriteOption);
        var reports = CommonOptions.Reports(result, ReportOption);
        var settings = Settings(result);
        return CommandGuard.RunAsync(async () =>
        {
            var report = await OutdatedCheck.RunAsync(options, settings, cancellationToken);
            if (write) report = PinWriter.Write(report, options.CurrentDirectory);
            reports.WriteEach(stream => OutdatedJson.Write(stream, report));
            var console = reports.TakesStandardOutput ? Console.Error : Console.Out;
            foreach (var error in report.FileErrors) await console.WriteLineAsync(error.ToCanonicalString());
            foreach (var line in OutdatedTable.Lines(report)) await console.WriteLineAsync(line);
            if (report.NothingResolved) return ExitCodes.ToolError;
            return report.Rots || report.Rows.Any(r => r.Written?.StartsWith("not moved", StringComparison.Ordinal) == true) ? ExitCodes.Failures
                : ExitCodes.Success;
        });
    }
}
