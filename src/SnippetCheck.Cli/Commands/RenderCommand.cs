using System.CommandLine;
using SnippetCheck.Reporting;
using SnippetCheck.Rendering;

namespace SnippetCheck.Cli.Commands;

/// <summary>
/// <c>snippetcheck render [PATH|GLOB ...] --out DIR</c>: verifies as <c>verify</c> does, then writes each C# block as an
/// HTML fragment and its JSON twin, with the stylesheet (docs/render.md). Exit codes are <c>verify</c>'s: the files are
/// written either way, and a failing block fails the run.
/// </summary>
internal static class RenderCommand
{
    private static readonly Option<string> OutOption = new("--out", "-o")
    {
        Description = "Where to write the fragments, their JSON and snippetcheck.css",
        Required = true,
    };

    private static readonly Option<bool> InPlaceCopyOption = new("--in-place-copy")
    {
        Description = "Also write each document again under --out, its C# fences replaced by their HTML and every other byte unchanged",
    };

    private static readonly Option<bool> SiteOption = new("--site")
    {
        Description = "Also write each document as a web page under --out (its C# fences rendered, the rest through Markdig) and an index.html",
    };

    private static readonly Option<bool> NoMarkOption = new("--no-mark") { Description = "Leave out the verified mark under verified blocks" };

    public static Command Create()
    {
        var render = new Command(
            "render", "Verify, then write every C# block as HTML with compiler-accurate highlighting, hover cards, errors and output")
        {
            CommonOptions.Paths, CommonOptions.Filter, CommonOptions.Config, OutOption, InPlaceCopyOption, SiteOption, NoMarkOption,
            VerifyCommand.AllOption, VerifyCommand.FrameworksOption, VerifyCommand.ReportOption, VerifyCommand.CiOption, VerifyCommand.NoCacheOption,
            VerifyCommand.CacheDirOption, CommonOptions.Untrusted,
        };
        render.SetAction(RunAsync);
        return render;
    }

    private static Task<int> RunAsync(ParseResult result, CancellationToken cancellationToken)
    {
        var options = SettingOptions.LayOver(CommonOptions.ToOptions(result), result) with
        {
            CacheDirectory = result.GetValue(VerifyCommand.CacheDirOption),
        };
        var render = new RenderOptions(
            result.GetValue(OutOption)!, result.GetValue(InPlaceCopyOption), Mark: !result.GetValue(NoMarkOption), Site: result.GetValue(SiteOption));
        var terminal = TerminalSettings.Detect();
        var reports = CommonOptions.Reports(result, VerifyCommand.ReportOption, VerifyCommand.CiOption);
        return CommandGuard.RunAsync(async () =>
        {
            var rendered = await Renderer.RunAsync(options, render, cancellationToken);
            var console = reports.TakesStandardOutput ? Console.Error : Console.Out;
            new ConsoleWriter(console, terminal.UseColor, quoteWorkflowCommands: reports.ConsoleIsGitHubLog)
                .WriteRun(rendered.Report, verbose: false);
            reports.WriteVerdicts(rendered.Report, console);
            foreach (var reason in rendered.NotWritten) await Console.Error.WriteLineAsync(ConsoleWriter.ToolText(reason));
            await console.WriteLineAsync($"rendered {rendered.Blocks} C# blocks into {WorkingDirectory.Resolve(render.OutputDirectory)}");
            return rendered.Report.Succeeded && !rendered.LinkRefused ? ExitCodes.Success : ExitCodes.Failures;
        });
    }
}
