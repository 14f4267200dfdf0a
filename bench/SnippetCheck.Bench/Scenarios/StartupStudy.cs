using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using SnippetCheck.Bench.Corpus;
using SnippetCheck.Bench.Measuring;

namespace SnippetCheck.Bench.Scenarios;

/// <summary>
/// Which startup settings pay for themselves: the tool is published twice (IL only, and ReadyToRun), then each
/// variant is a copy with its runtimeconfig.json set the way the csproj property would set it (TieredPGO,
/// TieredCompilation, QuickJitForLoops, concurrent GC), or with the runner's IL swapped in. All variants run the
/// same workloads, interleaved, in one process, so they share the machine's load.
/// </summary>
public static class StartupStudy
{
    private const string Pgo = "System.Runtime.TieredPGO";
    private const string QuickJitForLoops = "System.Runtime.TieredCompilation.QuickJitForLoops";
    private const string TieredCompilation = "System.Runtime.TieredCompilation";
    private const string ConcurrentGc = "System.GC.Concurrent";

    private sealed record Variant(string Name, bool ReadyToRun, bool RunnerReadyToRun, IReadOnlyDictionary<string, bool> Settings);

    private static readonly Dictionary<string, bool> RuntimeDefaults = new()
    {
        [Pgo] = true, [QuickJitForLoops] = true, [TieredCompilation] = true, [ConcurrentGc] = true,
    };

    private static readonly Variant[] Variants =
    [
        new("IL only (no settings)", false, false, new Dictionary<string, bool>()),
        new("IL, TieredPGO off", false, false, new Dictionary<string, bool> { [Pgo] = false }),
        new("ReadyToRun", true, true, new Dictionary<string, bool>()),
        new("ReadyToRun, TieredPGO off", true, true, new Dictionary<string, bool> { [Pgo] = false }),
        new("ReadyToRun, TieredPGO off, runner IL only", true, false, new Dictionary<string, bool> { [Pgo] = false }),
        new("ReadyToRun, TieredPGO off, QuickJitForLoops off", true, true, new Dictionary<string, bool> { [Pgo] = false, [QuickJitForLoops] = false }),
        new("ReadyToRun, TieredPGO off, TieredCompilation off", true, true, new Dictionary<string, bool> { [Pgo] = false, [TieredCompilation] = false }),
        new("ReadyToRun, TieredPGO off, concurrent GC off", true, true, new Dictionary<string, bool> { [Pgo] = false, [ConcurrentGc] = false }),
    ];

    public static async Task<string> RunAsync(string repositoryRoot, string work, IReadOnlyList<int> sizes, int repeat, string command, Action<string> log)
    {
        var machine = await MachineInfo.ReadAsync();
        var loadBefore = MachineInfo.LoadAverage();
        log("Publishing IL-only and ReadyToRun builds");
        var il = await PublishedTool.PublishAsync(repositoryRoot, Path.Combine(work, "publish-il"), composite: false, "PublishReadyToRun=false");
        var r2r = await PublishedTool.PublishAsync(repositoryRoot, Path.Combine(work, "publish-r2r"), composite: false, "PublishReadyToRun=true");
        var tools = Variants.Select(v => (Variant: v, Tool: MakeVariant(v, il, r2r, Path.Combine(work, "variant-" + Array.IndexOf(Variants, v))))).ToList();
        var cacheSupported = await tools[0].Tool.SupportsCacheAsync();

        var workloads = new List<(string Name, int Snippets, GeneratedCorpus? Corpus)> { ("--version", 0, null) };
        foreach (var size in new[] { 1 }.Concat(sizes).Distinct())
        {
            workloads.Add(($"verify {size} cold", size, CorpusGenerator.Write(Path.Combine(work, $"corpus-{size}"), size)));
        }

        var runs = new Dictionary<(int Workload, int Variant), List<Measurement>>();
        for (var rep = 1; rep <= repeat; rep++)
        {
            for (var w = 0; w < workloads.Count; w++)
            {
                log($"Repetition {rep}/{repeat}: {workloads[w].Name} with {tools.Count} variants");
                // Rotate the order per repetition so no variant always runs right after the same neighbour.
                for (var i = 0; i < tools.Count; i++)
                {
                    var v = (i + rep - 1) % tools.Count;
                    var tool = tools[v].Tool;
                    var measurement = workloads[w].Corpus is { } corpus
                        ? (await tool.VerifyAsync(corpus.Directory, corpus.SnippetCount, cacheSupported ? ["--no-cache"] : [])).Measurement
                        : await ProcessMeter.RunAsync("dotnet", ["exec", tool.Dll, "--version"], work);
                    if (!runs.TryGetValue((w, v), out var list)) runs[(w, v)] = list = [];
                    list.Add(measurement);
                }
            }
        }

        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"""
            # Startup settings: what each one buys

            Produced by `{command}` on {machine.Date:yyyy-MM-dd HH:mm} UTC: {machine.Processors} × {machine.Cpu}, {machine.Memory},
            {machine.Os}, .NET SDK {machine.DotnetSdk}. Load average before: {loadBefore}; after: {MachineInfo.LoadAverage()}.
            Each variant ran {repeat} times per workload, interleaved with the others. On a shared machine CPU time is the
            figure to trust: wall time also counts waiting for other people's processes.
            Verify runs are cold{(cacheSupported ? " (`--no-cache`)" : "")}; "verify 1" is one `run` snippet: start, first compile, first run.


            """);
        Table(text, "CPU time (user + system, tool and runners): median", workloads, tools.Count, v => tools[v].Variant.Name, runs,
            series => series.CpuMedian, withRss: true);
        Table(text, "Wall time: median (min)", workloads, tools.Count, v => tools[v].Variant.Name, runs,
            series => series.Median, withRss: false);
        text.Append("Percentages compare each median with the first row's.\n");
        return text.ToString();
    }

    private static void Table(
        StringBuilder text, string title, List<(string Name, int Snippets, GeneratedCorpus? Corpus)> workloads, int variants,
        Func<int, string> name, Dictionary<(int Workload, int Variant), List<Measurement>> runs, Func<Series, TimeSpan> figure, bool withRss)
    {
        text.Append("### ").Append(title).Append("\n\n| variant |");
        foreach (var workload in workloads) text.Append(' ').Append(workload.Name).Append(" |");
        text.Append(withRss ? " tool RSS |\n| --- |" : "\n| --- |");
        foreach (var _ in workloads) text.Append(" ---: |");
        text.Append(withRss ? " ---: |\n" : "\n");
        for (var v = 0; v < variants; v++)
        {
            text.Append("| ").Append(name(v)).Append(" |");
            for (var w = 0; w < workloads.Count; w++)
            {
                var series = new Series(workloads[w].Name, workloads[w].Snippets, runs[(w, v)]);
                var first = figure(new Series(workloads[w].Name, workloads[w].Snippets, runs[(w, 0)]));
                var value = figure(series);
                var change = v == 0 ? "" : $" ({(value - first) / first:+0%;-0%})";
                var min = withRss ? "" : $" ({series.Min.TotalSeconds:F2})";
                text.Append(CultureInfo.InvariantCulture, $" {value.TotalSeconds:F2} s{min}{change} |");
            }
            if (withRss)
            {
                var rss = runs.Where(r => r.Key.Variant == v).SelectMany(r => r.Value).Max(m => m.ToolMaxRssKiB) / 1024.0;
                text.Append(CultureInfo.InvariantCulture, $" {rss:F0} MiB |");
            }
            text.Append('\n');
        }
        text.Append('\n');
    }

    private static PublishedTool MakeVariant(Variant variant, PublishedTool il, PublishedTool r2r, string folder)
    {
        CopyFolder((variant.ReadyToRun ? r2r : il).Directory, folder);
        if (variant.RunnerReadyToRun != variant.ReadyToRun)
        {
            var runnerSource = variant.RunnerReadyToRun ? r2r : il;
            File.Copy(Path.Combine(runnerSource.Directory, "snippetcheck-runner.dll"), Path.Combine(folder, "snippetcheck-runner.dll"), overwrite: true);
        }
        var configPath = Path.Combine(folder, "snippetcheck.runtimeconfig.json");
        var config = JsonNode.Parse(File.ReadAllText(configPath))!;
        var options = config["runtimeOptions"]!.AsObject();
        if (options["configProperties"] is not JsonObject properties)
        {
            properties = [];
            options["configProperties"] = properties;
        }
        foreach (var (name, value) in RuntimeDefaults) properties[name] = variant.Settings.GetValueOrDefault(name, value);
        File.WriteAllText(configPath, config.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
        return new PublishedTool(folder);
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }
}
