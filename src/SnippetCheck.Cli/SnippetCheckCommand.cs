using System.CommandLine;
using System.CommandLine.Parsing;
using SnippetCheck.Authoring;
using SnippetCheck.Configuration;
using SnippetCheck.Reporting;
using SnippetCheck.Snippets;
using SnippetCheck.Model;
using SnippetCheck.Verification;

namespace SnippetCheck.Cli;

/// <summary>The command line (SPEC §8): options are fields, validators are named methods, the work is the core's.</summary>
public static class SnippetCheckCommand
{
    private static readonly Argument<string[]> PathsArgument = new("paths")
    {
        Description = "Markdown files, folders or globs (default: the current directory)",
        Arity = ArgumentArity.ZeroOrMore,
    };

    private static readonly Option<bool> AllOption = new("--all") { Description = "Also verify untagged C# blocks, as 'compile'" };
    private static readonly Option<string?> FilterOption = new("--filter") { Description = "Only snippets whose name, file, or file:line matches" };
    private static readonly Option<string?> TimeoutOption = new("--timeout") { Description = "Default timeout per snippet (500ms, 10s, 2m)" };
    private static readonly Option<int?> ParallelOption = new("--parallel") { Description = "Snippets compiled and run at once (default: processor count)" };
    private static readonly Option<string[]> ReportOption = new("--report")
    {
        Description = "Write a report: json, junit, sarif, github or markdown, optionally =PATH (repeatable)",
        Arity = ArgumentArity.ZeroOrMore,
    };
    private static readonly Option<string?> ConfigOption = new("--config") { Description = "Path to snippetcheck.json (default: found from the current directory up)" };
    private static readonly Option<bool> NoCacheOption = new("--no-cache") { Description = "Verify everything; neither read nor write the result cache" };
    private static readonly Option<bool> NoMergeOption = new("--no-merge") { Description = "Compile every snippet on its own instead of many in one assembly (slower; for diagnosing the tool)" };
    private static readonly Option<string?> CacheDirOption = new("--cache-dir") { Description = "Where passing results are kept (default: .snippetcheck/cache next to snippetcheck.json)" };
    private static readonly Option<bool> VerboseOption = new("--verbose", "-v") { Description = "Show every snippet's verdict and compiler warnings" };
    private static readonly Option<string?> ShardOption = new("--shard") { Description = "Verify only part K of N of the files, split by file (1 ≤ K ≤ N)", HelpName = "K/N" };
    private static readonly Option<bool> AcceptOption = new("--accept") { Description = "Rewrite each mismatching (or empty) output block with the actual output" };
    private static readonly Option<bool> WatchOption = new("--watch") { Description = "Verify, then re-verify each post when it is saved, until Ctrl+C" };

    static SnippetCheckCommand()
    {
        TimeoutOption.Validators.Add(ValidateTimeout);
        ParallelOption.Validators.Add(ValidateParallel);
        ReportOption.Validators.Add(ValidateReports);
        ShardOption.Validators.Add(ValidateShard);
    }

    public static RootCommand Build()
    {
        var verify = new Command("verify", "Compile and run the tagged C# snippets in Markdown files and check their output");
        AddVerifyOptions(verify);
        verify.SetAction(VerifyAsync);

        var list = new Command("list", "Show every C# block found and its tags, without compiling anything")
        {
            PathsArgument, FilterOption, ConfigOption, ReportOption,
        };
        list.SetAction(ListAsync);

        var init = new Command("init", "Write a commented starter snippetcheck.json in the current directory");
        init.SetAction(Init);

        var root = new RootCommand("SnippetCheck: verify the C# snippets in Markdown posts with Roslyn") { verify, list, init };
        foreach (var version in root.Options.OfType<VersionOption>()) version.Action = new PrintVersionAction();
        // 'snippetcheck posts' means 'snippetcheck verify posts'.
        AddVerifyOptions(root);
        root.SetAction(VerifyAsync);
        return root;
    }

    public static async Task<int> InvokeAsync(string[] args)
    {
        var parseResult = Build().Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            foreach (var error in parseResult.Errors) await Console.Error.WriteLineAsync($"snippetcheck: {error.Message}");
            await Console.Error.WriteLineAsync("Run 'snippetcheck --help' for usage.");
            return ExitCodes.ToolError;
        }
        // Our own signal handling instead of System.CommandLine's: it must also kill runners and remove work folders.
        using var signals = new TerminationSignals();
        try
        {
            var exitCode = await parseResult.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null }, signals.Token);
            if (signals.Received is { } signal) await Console.Error.WriteLineAsync($"snippetcheck: stopped by {signal}");
            return exitCode;
        }
        finally
        {
            Execution.ProcessTracker.Shutdown();
        }
    }

    private static void AddVerifyOptions(Command command)
    {
        foreach (var option in new Option[] { AllOption, FilterOption, TimeoutOption, ParallelOption, ReportOption, ConfigOption, NoCacheOption, CacheDirOption, NoMergeOption, VerboseOption, ShardOption, AcceptOption, WatchOption })
        {
            command.Options.Add(option);
        }
        command.Arguments.Add(PathsArgument);
        command.Validators.Add(ValidateWatchCombinations);
    }

    private static VerifyOptions ToOptions(ParseResult result) => new()
    {
        Paths = result.GetValue(PathsArgument) ?? [],
        All = result.GetValue(AllOption),
        Filter = result.GetValue(FilterOption),
        Timeout = result.GetValue(TimeoutOption) is { } timeout && TagParser.TryParseDuration(timeout, out var parsed) ? parsed : null,
        Parallelism = result.GetValue(ParallelOption),
        ConfigPath = result.GetValue(ConfigOption),
        NoCache = result.GetValue(NoCacheOption),
        CacheDirectory = result.GetValue(CacheDirOption),
        NoMerge = result.GetValue(NoMergeOption),
        Shard = result.GetValue(ShardOption) is { } shard && Shard.TryParse(shard, out var parsedShard, out _) ? parsedShard : null,
    };

    private static async Task<int> VerifyAsync(ParseResult result, CancellationToken cancellationToken)
    {
        var reports = (result.GetValue(ReportOption) ?? []).Select(ReportRequest.Parse).ToList();
        var terminal = TerminalSettings.Detect();
        var verbose = result.GetValue(VerboseOption);
        if (result.GetValue(WatchOption))
            return await RunGuarded(() => WatchCommand.RunAsync(ToOptions(result), terminal, verbose, cancellationToken));

        return await RunGuarded(async () =>
        {
            var verifier = new Verifier(ToOptions(result));
            VerificationReport report;
            using (ProgressDisplay.Attach(verifier, terminal))
            {
                report = await verifier.RunAsync(cancellationToken);
            }
            var toStdout = reports.Any(r => r.Path is null);
            var console = toStdout ? Console.Error : Console.Out;
            if (result.GetValue(AcceptOption))
            {
                // After --accept, the exit code and every report tell what is still wrong once the files are rewritten.
                var outcome = OutputAcceptor.Accept(report);
                AcceptLines.Write(console, outcome, terminal.UseColor);
                report = outcome.Apply(report);
            }
            new ConsoleReporter(console, terminal.UseColor, verbose).Write(report);
            if (verbose) await Console.Error.WriteLineAsync($"runner processes started: {verifier.RunnersStarted}; {verifier.Merging}; JIT {System.Runtime.JitInfo.GetCompiledMethodCount()} methods in {System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds:F0} ms");
            foreach (var request in reports) await WriteReportAsync(request, report);

            // GitHub Actions: annotations and the step summary come for free (SPEC §8).
            if (GitHubReporter.IsGitHubActions(Environment.GetEnvironmentVariable) && !reports.Any(r => r.Format == "github"))
            {
                GitHubReporter.Write(console, Environment.GetEnvironmentVariable("GITHUB_STEP_SUMMARY"), report,
                    Environment.GetEnvironmentVariable("GITHUB_WORKSPACE"));
            }
            return report.Succeeded ? ExitCodes.Success : ExitCodes.Failures;
        });
    }

    private static async Task<int> ListAsync(ParseResult result, CancellationToken cancellationToken)
    {
        var reports = (result.GetValue(ReportOption) ?? []).Select(ReportRequest.Parse).ToList();
        return await RunGuarded(async () =>
        {
            var verifier = new Verifier(ToOptions(result));
            var (documents, errors) = verifier.Prepare();
            if (reports.FirstOrDefault(r => r.Format == "json") is { } json)
            {
                await using var stream = OpenReport(json.Path);
                ListReport.WriteJson(stream, documents, errors);
            }
            if (reports.All(r => r.Path is not null)) ListReport.WriteText(Console.Out, documents, errors);
            return ExitCodes.Success;
        });
    }

    private static int Init(ParseResult result)
    {
        var path = Path.Combine(Environment.CurrentDirectory, ConfigLoader.FileName);
        if (File.Exists(path))
        {
            Console.Error.WriteLine($"snippetcheck: {ConfigLoader.FileName} already exists; not overwritten");
            return ExitCodes.ToolError;
        }
        File.WriteAllText(path, ConfigLoader.StarterConfig);
        Console.WriteLine($"Wrote {ConfigLoader.FileName}");
        return ExitCodes.Success;
    }

    private static async Task<int> RunGuarded(Func<Task<int>> action)
    {
        try
        {
            return await action();
        }
        catch (VerificationSetupException e)
        {
            await Console.Error.WriteLineAsync($"snippetcheck: error {e.Code}: {e.Message}");
            return ExitCodes.ToolError;
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("snippetcheck: cancelled");
            return ExitCodes.ToolError;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            await Console.Error.WriteLineAsync($"snippetcheck: error {Model.DiagnosticCodes.InternalError}: internal error: {e}");
            return ExitCodes.ToolError;
        }
    }

    private static async Task WriteReportAsync(ReportRequest request, VerificationReport report)
    {
        await using var stream = OpenReport(request.Path);
        switch (request.Format)
        {
            case "json":
                JsonReportWriter.Write(stream, report);
                break;
            default:
                ReportFormats.Write(request.Format, stream, report);
                break;
        }
    }

    private static Stream OpenReport(string? path)
    {
        if (path is null) return Console.OpenStandardOutput();
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        return File.Create(full);
    }

    private static void ValidateTimeout(OptionResult result)
    {
        if (result.GetValueOrDefault<string?>() is { } text && !TagParser.TryParseDuration(text, out _))
            result.AddError($"--timeout '{text}' is not a duration (write 500ms, 10s or 2m)");
    }

    private static void ValidateParallel(OptionResult result)
    {
        if (result.GetValueOrDefault<int?>() is < 1) result.AddError("--parallel must be at least 1");
    }

    private static void ValidateShard(OptionResult result)
    {
        if (result.GetValueOrDefault<string?>() is { } text && !Shard.TryParse(text, out _, out var error))
            result.AddError($"--shard {error}");
    }

    private static void ValidateWatchCombinations(CommandResult result)
    {
        if (result.GetValue(WatchOption) is not true) return;
        if (result.GetValue(AcceptOption))
            result.AddError("--accept cannot be combined with --watch (a snippet with changing output would rewrite its post on every run)");
        if (result.GetValue(ReportOption) is { Length: > 0 })
            result.AddError("--report cannot be combined with --watch; reports are for one-off runs");
    }

    private static void ValidateReports(OptionResult result)
    {
        foreach (var request in (result.GetValueOrDefault<string[]>() ?? []).Select(ReportRequest.Parse))
        {
            if (!ReportRequest.Formats.Contains(request.Format))
                result.AddError($"--report '{request.Format}' is not a report format (use {string.Join(", ", ReportRequest.Formats)})");
        }
    }
}
