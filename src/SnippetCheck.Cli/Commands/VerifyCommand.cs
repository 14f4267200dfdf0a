using System.CommandLine;
using System.CommandLine.Parsing;
using SnippetCheck.Configuration;
using SnippetCheck.Driver;
using SnippetCheck.Model;
using SnippetCheck.Outdated;
using SnippetCheck.References;
using SnippetCheck.Reporting;
using SnippetCheck.Results;
using SnippetCheck.Editing;

namespace SnippetCheck.Cli.Commands;

/// <summary>
/// <c>snippetcheck [verify] [PATH|GLOB ...]</c>: compile, run and check the tagged snippets, write the console
/// text, the reports and the CI output, and exit with 0, 1 or 2 (docs/commands.md).
/// </summary>
internal static class VerifyCommand
{
    // The settings' options come from the settings table (Configuration/Settings.cs), as do their values' parsers and checks.
    public static readonly Option<bool> AllOption = SettingOptions.Switch(Settings.Mode);
    public static readonly Option<TimeSpan?> TimeoutOption = SettingOptions.Value(Settings.Timeout);
    public static readonly Option<IReadOnlyList<TargetFramework>?> FrameworksOption = SettingOptions.Value(Settings.Frameworks);
    public static readonly Option<int?> ParallelOption = SettingOptions.Value(Settings.Parallelism);
    public static readonly Option<string[]> ReportOption = CommonOptions.Report(
        $"Write a report: {string.Join(", ", ReportSet.FormatNames)}, optionally =PATH (repeatable)");
    public static readonly Option<string> CiOption = NewCiOption();

    public static readonly Option<bool> NoCacheOption = SettingOptions.Switch(Settings.Cache);
    public static readonly Option<bool> NoMergeOption =
        new("--no-merge") { Description = "Compile every snippet on its own instead of many in one assembly (slower; for diagnosing the tool)" };
    public static readonly Option<string?> CacheDirOption =
        new("--cache-dir") { Description = "Where passing results are kept (default: .snippetcheck/cache next to snippetcheck.json)" };
    public static readonly Option<bool> NoSandboxOption = SettingOptions.Switch(Settings.Sandbox);
    public static readonly Option<bool> VerboseOption = new("--verbose", "-v") { Description = "Show every snippet's verdict and compiler warnings" };
    public static readonly Option<string?> ShardOption =
        new("--shard") { Description = "Verify only part K of N of the files, split by file (1 ≤ K ≤ N)", HelpName = "K/N", CustomParser =
            ParseShard };
    public static readonly Option<double?> MinCoverageOption = SettingOptions.Value(Settings.MinCoverage);
    public static readonly Option<double?> MinCheckCoverageOption = SettingOptions.Value(Settings.MinCheckCoverage);
    public static readonly Option<bool> RequireVerifiedOption = SettingOptions.Switch(Settings.RequireVerified);
    public static readonly Option<bool> RunIgnoredOption =
        new("--stale") { Description = "Also run ignored blocks that compile, and report those that pass (SC1020)" };
    public static readonly Option<bool> AcceptOption =
        new("--accept") { Description = "Rewrite each mismatching (or empty) output block with the actual output" };
    public static readonly Option<string[]> ReferenceOption = new("--reference")
    {
        Description = "An assembly (.dll) or project (.csproj) every snippet compiles against, added to config 'references' (repeatable)",
        HelpName = "PATH",
    };
    public static readonly Option<string[]> RuntimeAssemblyOption = new("--runtime-assembly")
    {
        Description = "An assembly runners may load but snippets do not compile against, such as a package's implementation (repeatable)",
        HelpName = "PATH",
    };
    public static readonly Option<string[]> UsingOption = new("--using")
    {
        Description = "A using for the examples in doc comments: N, 'static N.T' or 'Alias=N.T'; with @FILE only for that file's examples, with " +
        "@FILE:LINE only for the example starting on that line (repeatable)",
        HelpName = "NAMESPACE[@FILE[:LINE]]",
    };
    public static readonly Option<Dictionary<string, string>> ProjectOutputOption = new("--project-output")
    {
        Description = "Use ASSEMBLY as the build of PROJECT when a reference names it, instead of building it (repeatable; the MSBuild task passes " +
        "its own project)",
        HelpName = "PROJECT=ASSEMBLY",
        CustomParser = ParseProjectOutputs,
    };
    public static readonly Option<string?> PackagesOption = new("--packages")
    {
        Description = "'newest': verify with every package pin read as its newest version that restores (for a scheduled job; see 'outdated')",
        HelpName = "pinned|newest",
    };
    /// <summary>
    /// For a host, not a person (hidden from help): <c>json</c> writes every console line as a JSON object of its own
    /// (one JSON object per line, <see cref="ConsoleWriter"/>), which the MSBuild task reads instead of parsing the text.
    /// </summary>
    public static readonly Option<string?> ConsoleFormatOption = new("--console-format")
    {
        Description = "'json': each console line as a JSON object on a line of its own, for a host such as the MSBuild task",
        HelpName = "text|json",
        Hidden = true,
    };
    public static readonly Option<string?> DependencyFileOption = new("--dependency-file")
    {
        Description = "After the run, write the referenced assemblies and project sources the verdicts depended on, one path per line",
        HelpName = "FILE",
    };

    static VerifyCommand()
    {
        CiOption.AcceptOnlyFromAmong(StringComparer.OrdinalIgnoreCase, "auto", "none", "github");
        PackagesOption.AcceptOnlyFromAmong("pinned", "newest");
        ConsoleFormatOption.AcceptOnlyFromAmong("text", "json");
    }

    public static Command Create()
    {
        var verify = new Command("verify", "Compile and run the tagged C# snippets in Markdown files and check their output");
        AddTo(verify);
        return verify;
    }

    /// <summary>Gives <paramref name="command"/> verify's arguments, options and action.</summary>
    public static void AddTo(Command command)
    {
        Option[] options =
        [
            AllOption, CommonOptions.Filter, TimeoutOption, FrameworksOption, ParallelOption, ReportOption, CiOption, CommonOptions.Config,
            NoCacheOption, CacheDirOption, NoMergeOption, NoSandboxOption, CommonOptions.Untrusted, VerboseOption, ShardOption, AcceptOption,
            WatchCommand.WatchOption,
            ReferenceOption, RuntimeAssemblyOption, UsingOption, ProjectOutputOption, DependencyFileOption, ConsoleFormatOption,
            RequireVerifiedOption, MinCoverageOption, MinCheckCoverageOption, RunIgnoredOption, PackagesOption, OutdatedCommand.PrereleaseOption,
            OutdatedCommand.LookupMaxAgeOption,
        ];
        foreach (var option in options) command.Options.Add(option);
        command.Arguments.Add(command is RootCommand ? CommonOptions.RootPaths : CommonOptions.Paths);
        command.Validators.Add(WatchCommand.ValidateCombinations);
        command.SetAction(RunAsync);
    }

    private static VerifyOptions ToOptions(ParseResult result) => SettingOptions.LayOver(CommonOptions.ToOptions(result), result) with
    {
        CacheDirectory = result.GetValue(CacheDirOption),
        NoMerge = result.GetValue(NoMergeOption),
        Shard = result.GetValue(ShardOption),
        Library = new LibraryReferences(
            result.GetValue(ReferenceOption) ?? [],
            result.GetValue(RuntimeAssemblyOption) ?? [],
            result.GetValue(UsingOption) ?? [],
            result.GetValue(ProjectOutputOption) ?? []),
        DependencyFile = result.GetValue(DependencyFileOption),
        RunIgnored = result.GetValue(RunIgnoredOption),
    };

    /// <summary>Each <c>PROJECT=ASSEMBLY</c>, split after <c>.csproj</c> (either path may hold an '='), both made full paths.</summary>
    private static Dictionary<string, string> ParseProjectOutputs(ArgumentResult result)
    {
        var outputs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var token in result.Tokens)
        {
            var split = token.Value.IndexOf(".csproj=", StringComparison.OrdinalIgnoreCase);
            if (split < 0)
            {
                result.AddError($"--project-output '{token.Value}' is not PROJECT.csproj=ASSEMBLY");
                continue;
            }
            outputs[WorkingDirectory.Resolve(token.Value[..(split + 7)])] = WorkingDirectory.Resolve(token.Value[(split + 8)..]);
        }
        return outputs;
    }

    /// <summary>
    /// <c>--dependency-file</c>: the files the verdicts depended on, one a line. Unchanged content keeps its timestamp, so
    /// an incremental build that lists this file stays skipped.
    /// </summary>
    private static void WriteDependencyFile(string path, string currentDirectory, IReadOnlyList<string> files)
    {
        var full = Path.GetFullPath(path, currentDirectory);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var text = string.Concat(files.Select(f => f + "\n"));
        if (File.Exists(full) && File.ReadAllText(full) == text) return;
        File.WriteAllText(full, text);
    }

    private static Task<int> RunAsync(ParseResult result, CancellationToken cancellationToken)
    {
        Verifier.TracePhase("command line parsed");
        var terminal = TerminalSettings.Detect();
        var verbose = result.GetValue(VerboseOption);
        if (result.GetValue(WatchCommand.WatchOption))
            return CommandGuard.RunAsync(() => WatchCommand.RunAsync(ToOptions(result), terminal, verbose, cancellationToken));

        var reports = CommonOptions.Reports(result, ReportOption, CiOption);
        var accept = result.GetValue(AcceptOption);
        var jsonLines = WantsJsonLines(result);
        var console = new ConsoleWriter(
            reports.TakesStandardOutput ? Console.Error : Console.Out, terminal.UseColor && !jsonLines, jsonLines, reports.ConsoleIsGitHubLog);
        var errors = new ConsoleWriter(Console.Error, jsonLines: jsonLines, quoteWorkflowCommands: reports.ConsoleIsGitHubLog);
        return CommandGuard.RunAsync(async () =>
        {
            var options = ToOptions(result);
            var moves = result.GetValue(PackagesOption) == "newest"
                ? await OutdatedCheck.NewestMovesAsync(options, OutdatedCommand.Settings(result), cancellationToken)
                : new Dictionary<string, string>();
            var progress = ProgressDisplay.For(terminal);
            var verifier = new Verifier(options, moves) { Observer = progress };
            VerificationReport report;
            using (progress)
            {
                report = await verifier.RunAsync(cancellationToken);
            }
            if (options.DependencyFile is { } dependencyFile) WriteDependencyFile(dependencyFile, options.CurrentDirectory, report.DependencyFiles);
            if (accept)
            {
                // After --accept, the exit code and every report tell what is still wrong once the files are rewritten.
                var outcome = AcceptOutcome.Accept(report);
                report = outcome.Apply(report);
                outcome.WriteLines(console, report);
            }
            console.WriteRun(report, verbose);
            if (moves.Count > 0)
            {
                var pins = moves.OrderBy(v => v.Key, StringComparer.OrdinalIgnoreCase).Select(v => $"{v.Key}@{v.Value}");
                console.Write($"pins read as their newest versions: {string.Join(", ", pins)}");
            }
            if (verbose)
            {
                errors.Write($"runner processes started: {report.RunnersStarted}; {report.MergingSummary}; JIT " +
                    $"{System.Runtime.JitInfo.GetCompiledMethodCount()} methods in " +
                    $"{System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds:F0} ms");
                if (report.SandboxNote is { } sandbox) errors.Write(sandbox);
                foreach (var library in report.LibraryNotes) errors.Write(library);
            }
            reports.WriteVerdicts(report, console.Output);
            return report.Succeeded ? ExitCodes.Success : ExitCodes.Failures;
        }, errors);
    }

    private static Option<string> NewCiOption()
    {
        var option = new Option<string>("--ci")
        {
            // The core reads the mode in any case (ReportSet.For); not given, it is auto (CommonOptions.Reports).
            Description = "CI output: 'github' writes ::error annotations and the step summary, 'none' nothing; default 'auto': github " +
                "when GITHUB_ACTIONS=true",
            HelpName = string.Join('|', ReportSet.CiModes),
        };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string>() is { } mode && !ReportSet.CiModes.Contains(mode, StringComparer.OrdinalIgnoreCase))
                result.AddError($"--ci '{mode}' is not a CI mode (use {string.Join(", ", ReportSet.CiModes)})");
        });
        return option;
    }

    /// <summary>
    /// True under <c>--console-format json</c>; read even from a command line with errors, so that a host is told of
    /// a bad argument in the form it reads.
    /// </summary>
    public static bool WantsJsonLines(ParseResult result) =>
        result.GetResult(ConsoleFormatOption) is { } option && option.Tokens.Count == 1 && option.Tokens[0].Value == "json";

    /// <summary>A duration option's value (500ms, 10s, 2m, 1d), or an error that names the option.</summary>
    public static TimeSpan? ParseDuration(ArgumentResult result)
    {
        var text = result.Tokens.Single().Value;
        var name = (result.Parent as OptionResult)?.Option.Name ?? "the option";
        if (SnippetCheckConfig.ParseDuration(name, text, out var problem) is { } duration) return duration;
        result.AddError(problem!);
        return null;
    }

    private static string? ParseShard(ArgumentResult result)
    {
        var text = result.Tokens.Single().Value;
        if (VerifyOptions.ShardError(text) is not { } error) return text;
        result.AddError($"--shard {error}");
        return null;
    }
}
