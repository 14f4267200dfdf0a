using System.CommandLine;
using SnippetCheck.Driver;

namespace SnippetCheck.Cli.Commands;

/// <summary>
/// <c>snippetcheck list [PATH|GLOB ...]</c>: every C# block found and its tags, without compiling anything; its
/// report is JSON, and any other <c>--report</c> format is a bad argument (exit code 2).
/// </summary>
internal static class ListCommand
{
    private static readonly Option<string[]> ReportOption = CommonOptions.Report(
        "Write the blocks as a json report, optionally =PATH (repeatable)", jsonOnlyCommand: "list");

    public static Command Create()
    {
        var list = new Command("list", "Show every C# block found and its tags, without compiling anything")
        {
            CommonOptions.Paths, CommonOptions.Filter, CommonOptions.Config, ReportOption,
        };
        list.SetAction(RunAsync);
        return list;
    }

    private static Task<int> RunAsync(ParseResult result, CancellationToken cancellationToken)
    {
        var options = CommonOptions.ToOptions(result);
        var reports = CommonOptions.Reports(result, ReportOption);
        return CommandGuard.RunAsync(() =>
        {
            // What the file set says (a glob that matched nothing, generated files left out) goes apart from the listing.
            reports.WriteList(new Verifier(options), Console.Out, Console.Error);
            return Task.FromResult(ExitCodes.Success);
        });
    }
}
