using System.CommandLine;
using SnippetCheck.Adoption;
using SnippetCheck.Driver;

namespace SnippetCheck.Cli.Commands;

/// <summary>
/// <c>snippetcheck adopt [PATH|GLOB ...] [--write] [--package NAME[@VERSION]]</c>: verifies every untagged C# block and proposes tags for those
/// that pass (docs/authoring.md#adopt); a dry run unless <c>--write</c>. Exit code 0, 1 when a file could not be
/// written, 2 when the tool could not do its job.
/// </summary>
internal static class AdoptCommand
{
    private static readonly Option<string[]> PackageOption = new("--package")
    {
        Description = "The package the posts are about, tried for every block that fails on unknown names (repeatable); pinned to its newest " +
        "stable version unless given",
        HelpName = "NAME[@VERSION]",
        Arity = ArgumentArity.ZeroOrMore,
        CustomParser = result =>
        {
            var packages = new List<string>();
            foreach (var token in result.Tokens)
            {
                if (AdoptReport.IsPackage(token.Value)) packages.Add(token.Value);
                else result.AddError($"--package '{token.Value}' is not NAME or NAME@VERSION (Spectre.Console@0.57.2)");
            }
            return [.. packages];
        },
    };

    private static readonly Option<string[]> ReportOption = CommonOptions.Report(
        "Write every block's tag or why it stays unverified as a json report, optionally =PATH", jsonOnlyCommand: "adopt");

    private static readonly Option<bool> WriteOption =
        new("--write") { Description = "Insert the proposed tags as invisible comments (default: a dry run that changes nothing)" };

    private static readonly Option<bool> RepairOption = new("--repair")
    {
        Description = "Write the repairs of the typos adopt finds (suspected rot [typo]: one token that makes a block compile), and no tags, " +
        "for you to review as a diff",
    };

    private static readonly Option<bool> FrontMatterOption = new("--front-matter")
    {
        Description = "Also propose page fixtures whose settings go into the page's front matter, which readers see (default: a note says what it " +
        "would verify)",
    };

    public static Command Create()
    {
        var adopt = new Command("adopt", "Verify every untagged C# block and tag those that pass: compile, run, and their output blocks")
        {
            CommonOptions.Paths, WriteOption, RepairOption, FrontMatterOption, PackageOption, ReportOption, CommonOptions.Filter,
            CommonOptions.Config,
            VerifyCommand.TimeoutOption, VerifyCommand.ParallelOption,
            VerifyCommand.NoCacheOption, VerifyCommand.CacheDirOption, VerifyCommand.NoSandboxOption,
            // A lone .cs file is adopted against its library as verify verifies it: --reference the .csproj.
            VerifyCommand.ReferenceOption, VerifyCommand.UsingOption,
        };
        // A repair changes the block a tag would stand above: the repaired page is adopted again afterwards, never in the same run.
        adopt.Validators.Add(command =>
        {
            if (command.GetValue(WriteOption) && command.GetValue(RepairOption))
                command.AddError("--repair writes the typos' repairs only: run 'adopt --write' after reviewing them");
        });
        adopt.SetAction(RunAsync);
        return adopt;
    }

    private static Task<int> RunAsync(ParseResult result, CancellationToken cancellationToken)
    {
        var options = CommonOptions.ToRunOptions(result) is var run
            && (result.GetValue(VerifyCommand.ReferenceOption) is { Length: > 0 } || result.GetValue(VerifyCommand.UsingOption) is { Length: > 0 })
            ? run with { Library =
                run.Library with { References = result.GetValue(VerifyCommand.ReferenceOption) ?? [], Usings =
                    result.GetValue(VerifyCommand.UsingOption) ?? [] } }
            : CommonOptions.ToRunOptions(result);
        var write = result.GetValue(WriteOption);
        var packages = result.GetValue(PackageOption) ?? [];
        var frontMatter = result.GetValue(FrontMatterOption);
        var reports = CommonOptions.Reports(result, ReportOption);
        return CommandGuard.RunAsync(async () =>
        {
            var progress = ProgressDisplay.For(TerminalSettings.Detect());
            var verifier = new Verifier(options) { Observer = progress };
            AdoptReport report;
            using (progress)
            {
                report = await AdoptReport.RunAsync(verifier, write, packages, frontMatter, cancellationToken);
            }
            reports.WriteEach(report.WriteJson);
            var repairs = result.GetValue(RepairOption) ? report.WriteRepairs() : [];
            // A report on standard output is the whole of it, as list's is.
            if (!reports.TakesStandardOutput)
            {
                // What the file set says (a glob that matched nothing, generated files left out), before the table.
                foreach (var note in verifier.FileSetNotes) await Console.Out.WriteLineAsync(note.ToCanonicalString());
                foreach (var line in report.TableLines()) await Console.Out.WriteLineAsync(line);
                foreach (var line in repairs) await Console.Out.WriteLineAsync(line);
            }
            return report.AnyRefused || repairs.Any(l => l.Contains(": not repaired: ", StringComparison.Ordinal))
                ? ExitCodes.Failures : ExitCodes.Success;
        });
    }
}
