using System.CommandLine;
using System.Globalization;
using SnippetCheck.Bench.Corpus;
using SnippetCheck.Bench.Measuring;
using SnippetCheck.Bench.Scenarios;

namespace SnippetCheck.Bench;

/// <summary>The harness's command line: measure verify side by side, or study the startup settings.</summary>
public static class BenchCommand
{
    private static readonly Option<string> SizesOption = new("--sizes")
    {
        Description = "Corpus sizes in snippets, comma-separated; the largest also gets the one-edit scenario",
        DefaultValueFactory = _ => "200,1000",
    };
    private static readonly Option<int> RepeatOption = new("--repeat")
    {
        Description = "Repetitions of each scenario (the median is reported)",
        DefaultValueFactory = _ => 3,
    };
    private static readonly Option<int> SampleOption = new("--sample")
    {
        Description = "Snippets run with 'dotnet run file.cs' as the baseline",
        DefaultValueFactory = _ => 10,
    };
    private static readonly Option<string?> ToolOption = new("--tool")
    {
        Description = "A folder with a published snippetcheck.dll to measure instead of publishing one",
    };
    private static readonly Option<string?> OutputOption = new("--output")
    {
        Description = "Where to write the results (default: bench/results/latest.md, or startup.md with --startup-study)",
    };
    private static readonly Option<bool> FrameworkDependentOption = new("--framework-dependent")
    {
        Description = "Publish the framework-dependent ReadyToRun build (what a RID-specific tool package holds) instead of the self-contained composite one",
    };
    private static readonly Option<string> ShapesOption = new("--shapes")
    {
        Description = "Corpus shapes, comma-separated: mixed (every kind of snippet), runs (many small posts of run snippets), long (fewer, longer snippets)",
        DefaultValueFactory = _ => "mixed,runs,long",
    };
    private static readonly Option<string?> FloorOption = new("--floor")
    {
        Description = "The Roslyn floor's folder, measured beside the tool (default: ../shared/floor next to the repository; skipped if absent)",
    };
    private static readonly Option<bool> UntrustedOption = new("--untrusted")
    {
        Description = "Also run each cold verify again with --untrusted right after it (interleaved): the cost of runners and merged chunks per document",
    };
    private static readonly Option<bool> ColdOnlyOption = new("--cold-only")
    {
        Description = "Measure the cold runs only (and their --untrusted twins): no cache, render, matrix, edit or --no-sandbox scenarios",
    };
    private static readonly Option<bool> KeepOption = new("--keep") { Description = "Keep the generated corpus and work folder" };
    private static readonly Option<bool> StartupStudyOption = new("--startup-study")
    {
        Description = "Instead: publish the tool with each startup setting (ReadyToRun, TieredPGO, ...) and compare them",
    };
    private static readonly Option<string?> GenerateOption = new("--generate")
    {
        Description = "Only write a corpus of the first size into this folder, and exit",
    };

    private static readonly Option<bool> LspOption = new("--lsp")
    {
        Description = "Instead: the language server's latency on a 50-snippet post (issue 18), --repeat times each, then a soak of --soak edits",
    };
    private static readonly Option<int> SoakOption = new("--soak") { Description = "Edits in the --lsp soak", DefaultValueFactory = _ => 1000 };
    private static readonly Option<int> DebounceOption = new("--debounce") { Description = "The server's debounce in --lsp, in ms (its default is 150)", DefaultValueFactory = _ => 150 };

    public static RootCommand Build()
    {
        var root = new RootCommand("Benchmarks snippetcheck verify against 'dotnet run file.cs' on generated posts")
        {
            SizesOption, ShapesOption, FloorOption, RepeatOption, SampleOption, ToolOption, OutputOption, FrameworkDependentOption, KeepOption, StartupStudyOption, GenerateOption,
            LspOption, SoakOption, DebounceOption, UntrustedOption, ColdOnlyOption,
        };
        root.SetAction(RunAsync);
        return root;
    }

    private static async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var sizes = parse.GetValue(SizesOption)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
        var shapes = parse.GetValue(ShapesOption)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => Enum.Parse<CorpusShape>(s, ignoreCase: true)).ToList();
        if (parse.GetValue(GenerateOption) is { } generateInto)
        {
            var corpus = CorpusGenerator.Write(Path.GetFullPath(generateInto), sizes[0], shapes[0]);
            Console.WriteLine($"Wrote {corpus.SnippetCount} snippets in {corpus.PostCount} posts to {corpus.Directory}");
            return 0;
        }

        var repositoryRoot = FindRepositoryRoot();
        var work = Path.Combine(Path.GetTempPath(), $"snippetcheck-bench-{DateTime.UtcNow:yyyyMMdd-HHmmss}");
        Directory.CreateDirectory(work);
        var command = "dotnet run --project bench/SnippetCheck.Bench -c Release -- " + string.Join(' ', parse.Tokens.Select(t => t.Value));
        try
        {
            if (parse.GetValue(StartupStudyOption))
            {
                var studyOutput = parse.GetValue(OutputOption) ?? Path.Combine(repositoryRoot, "bench", "results", "startup.md");
                var study = await StartupStudy.RunAsync(repositoryRoot, work, sizes, parse.GetValue(RepeatOption), command.Trim(), Log);
                return Write(studyOutput, study);
            }

            if (parse.GetValue(LspOption))
            {
                var lspTool = parse.GetValue(ToolOption) is { } given ? new PublishedTool(given)
                    : await PublishedTool.PublishAsync(repositoryRoot, Path.Combine(repositoryRoot, "bench", "out", "tool-composite"), composite: true);
                var info = await MachineInfo.ReadAsync();
                var lsp = await LspLatency.MeasureAsync(lspTool, work, parse.GetValue(RepeatOption), parse.GetValue(SoakOption), parse.GetValue(DebounceOption), Log);
                var machineLine = $"{info.Processors} cores, {info.Cpu}, {info.Runtime}, load {MachineInfo.LoadAverage()}, {info.Date:yyyy-MM-dd}";
                return Write(parse.GetValue(OutputOption) ?? Path.Combine(repositoryRoot, "bench", "results", "lsp.md"),
                    $"# {command.Trim()}\n\n{LspLatency.Render(lsp, machineLine)}");
            }

            var output = parse.GetValue(OutputOption) ?? Path.Combine(repositoryRoot, "bench", "results", "latest.md");
            var machine = await MachineInfo.ReadAsync();
            var loadBefore = MachineInfo.LoadAverage();
            PublishedTool tool;
            string toolDescription;
            if (parse.GetValue(ToolOption) is { } toolFolder)
            {
                tool = new PublishedTool(toolFolder);
                toolDescription = $"given: {tool.Directory}";
            }
            else
            {
                var composite = !parse.GetValue(FrameworkDependentOption);
                var publishTo = Path.Combine(repositoryRoot, "bench", "out", composite ? "tool-composite" : "tool");
                Log($"Publishing the tool in Release to {publishTo} ({(composite ? "self-contained, one ReadyToRun composite image" : "framework-dependent ReadyToRun")})");
                tool = await PublishedTool.PublishAsync(repositoryRoot, publishTo, composite);
                toolDescription = composite
                    ? "published by the harness: `dotnet publish src/SnippetCheck.Cli -c Release -r <rid> --self-contained true -p:PublishReadyToRunComposite=true` (runtime, framework and tool in one ReadyToRun image; TieredPGO off, tier-1 delay 3 s)"
                    : "published by the harness: `dotnet publish src/SnippetCheck.Cli -c Release -r <rid> --self-contained false` (ReadyToRun per assembly; TieredPGO off, tier-1 delay 3 s)";
            }
            var cacheSupported = await tool.SupportsCacheAsync();
            Log(cacheSupported ? "The tool has a result cache." : "The tool has no --no-cache/--cache-dir: measuring cold runs only.");

            var floorFolder = parse.GetValue(FloorOption) ?? Path.Combine(repositoryRoot, "..", "shared", "floor");
            Log($"Publishing the Roslyn floor from {floorFolder}");
            var floor = await RoslynFloor.PublishAsync(floorFolder, Path.Combine(repositoryRoot, "bench", "out", "floor"));
            if (floor is null) Log($"No floor at {floorFolder}: measuring the tool alone.");

            var results = new List<SizeResult>();
            GeneratedCorpus? first = null;
            foreach (var shape in shapes)
            {
                foreach (var size in sizes)
                {
                    var corpus = CorpusGenerator.Write(Path.Combine(work, $"corpus-{shape.ToString().ToLowerInvariant()}-{size}"), size, shape);
                    first ??= corpus;
                    Log($"{shape} corpus of {size} snippets in {corpus.PostCount} posts: {corpus.Directory}");
                    // The cache and the sandbox's cost are measured on the first shape; the floor on every one.
                    var main = shape == shapes[0] && !parse.GetValue(ColdOnlyOption);
                    results.Add(await VerifyBenchmark.MeasureAsync(tool, corpus, cacheSupported, main && size == sizes.Max(), parse.GetValue(RepeatOption), work, Log,
                        floor, measureUnconfined: main, measureCache: main, measureUntrusted: parse.GetValue(UntrustedOption)));
                }
            }
            Log($"Baseline: dotnet run file.cs on {parse.GetValue(SampleOption)} snippets");
            var baseline = await DotnetRunBaseline.RunAsync(first!, parse.GetValue(SampleOption), work);

            var result = new BenchmarkResult(machine, loadBefore, MachineInfo.LoadAverage(), cacheSupported, toolDescription, results, baseline, command.Trim());
            return Write(output, ResultsDocument.Render(result));
        }
        finally
        {
            if (parse.GetValue(KeepOption)) Log($"Kept {work}");
            else Directory.Delete(work, recursive: true);
        }
    }

    private static int Write(string path, string markdown)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, markdown);
        Console.WriteLine(markdown);
        Log($"Wrote {path}");
        return 0;
    }

    private static void Log(string message) => Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] {message}");

    private static string FindRepositoryRoot()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "SnippetCheck.sln"))) return folder.FullName;
            }
        }
        throw new InvalidOperationException("run the harness inside the SnippetCheck repository (SnippetCheck.sln not found)");
    }
}
