using System.Globalization;
using System.Text;
using SnippetCheck.Bench.Measuring;

namespace SnippetCheck.Bench.Scenarios;

/// <summary>Writes a benchmark's results as Markdown: the table, the ratios, and the issue's targets.</summary>
public static class ResultsDocument
{
    // The targets of issue 15 (which tightened issue 5's), measured on its 2-core machine.
    private const double SpeedupTarget = 50;
    private const double FloorWallTarget = 1.4;
    private const double FloorSystemTarget = 1.5;
    private const double CachedShareTarget = 0.05;
    private const double RenderOverCachedTarget = 1.2;
    private const double SecondFrameworkColdTarget = 0.9;
    private const double MatrixCachedTarget = 2.0;
    private const double EditTargetSeconds = 0.5;
    private const double PeakTargetMiB = 300;

    public static string Render(BenchmarkResult result)
    {
        var text = new StringBuilder();
        var machine = result.Machine;
        Line(text, "# SnippetCheck benchmark: latest results");
        Line(text);
        Line(text, $"Produced by `{result.Command}` (see bench/README.md).");
        Line(text);
        Line(text, "| machine | |");
        Line(text, "| --- | --- |");
        Line(text, $"| date (UTC) | {machine.Date:yyyy-MM-dd HH:mm} |");
        Line(text, $"| processors (nproc) | {machine.Processors} |");
        Line(text, $"| CPU | {machine.Cpu} |");
        Line(text, $"| memory | {machine.Memory} |");
        Line(text, $"| OS | {machine.Os} |");
        Line(text, $"| dotnet --version | {machine.DotnetSdk} ({machine.Runtime}) |");
        Line(text, $"| load average (1, 5, 15 min) | before: {result.LoadBefore}; after: {result.LoadAfter} |");
        Line(text, $"| tool | {result.ToolDescription} |");
        Line(text);
        if (!result.CacheSupported)
        {
            Line(text, "This build of the tool has no result cache (`--no-cache`, `--cache-dir`), so only cold runs were measured.");
            Line(text);
        }

        Line(text, "## Measurements");
        Line(text);
        Line(text, "Wall time is the median of the repetitions (min in brackets); memory is the largest of them. " +
                   "\"tool\" is the snippetcheck process's own peak RSS (`/usr/bin/time`), \"runner\" the largest peak of a snippet " +
                   "runner process, \"all\" the largest sum of the tool and its runners at one 50 ms sample, \"all PSS\" the same sum of " +
                   "proportional set sizes (a page the processes share, such as the ReadyToRun image they all map, counted once). " +
                   "CPU is user + system time of the tool and its runners (median): on a shared machine it says more than wall time.");
        Line(text);
        Line(text, "| corpus | scenario | snippets | runs | wall | per snippet | CPU | sys CPU | sys per snippet | cached | tool RSS | runner RSS | all RSS | all PSS |");
        Line(text, "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var size in result.Sizes)
        {
            foreach (var series in new[] { size.Cold, size.Floor, size.ColdUnconfined, size.ColdUntrusted, size.FillCache, size.Cached, size.RenderCached, size.MatrixCold, size.MatrixCached, size.Edit }.OfType<Series>())
            {
                var isFloor = ReferenceEquals(series, size.Floor);
                var snippets = isFloor ? size.FloorSnippets : series.Snippets;
                Line(text, $"| {size.Shape.ToString().ToLowerInvariant()} | {series.Scenario} | {snippets} | {series.Runs.Count} | {Seconds(series.Median)} ({Seconds(series.Min)}) | " +
                           $"{Millis(series.PerSnippet)} | {Seconds(series.CpuMedian)} | {Seconds(series.SystemCpuMedian)} | {Millis(series.SystemCpuMedian / Math.Max(1, snippets))} | " +
                           $"{(series.Cached < 0 ? "" : series.Cached.ToString(CultureInfo.InvariantCulture))} | " +
                           $"{(isFloor ? "" : MiB(series.ToolMaxRssKiB))} | {MiB(series.RunnerMaxRssKiB)} | {MiB(series.TreePeakRssKiB)} | {MiB(series.TreePeakPssKiB)} |");
            }
        }
        var baseline = result.Baseline;
        Line(text, $"| | `dotnet run file.cs`, first of the run | 1 | 1 | {Seconds(baseline.First.Wall)} | {Millis(baseline.First.Wall)} | {Seconds(baseline.First.Cpu)} | | | | | | {MiB(baseline.First.TreePeakRssKiB)} | {MiB(baseline.First.TreePeakPssKiB)} |");
        Line(text, $"| | `dotnet run file.cs`, warm mean | {baseline.Runs.Count - 1} | {baseline.Runs.Count - 1} | {Seconds(baseline.WarmMean)} | {Millis(baseline.WarmMean)} | {Seconds(baseline.WarmCpuMean)} | | | | | | {MiB(baseline.Runs.Skip(1).Select(r => r.TreePeakRssKiB).DefaultIfEmpty(0).Max())} | {MiB(baseline.Runs.Skip(1).Select(r => r.TreePeakPssKiB).DefaultIfEmpty(0).Max())} |");
        Line(text);
        Line(text, "The floor row is `../shared/floor` (roslynbench, `merged --opt debug --chunks 4 --parallel-run`, ReadyToRun) on the same " +
                   "corpus's runnable snippets only (it checks no output and compiles nothing alone), run in the same repetitions as the tool's cold run. " +
                   "CPU is measured in a cpuacct control group when there is one, so the runners' time counts even when init reaps them.");
        Line(text);

        Line(text, "## Against the targets of issue 15");
        Line(text);
        Line(text, "| target | measured | |");
        Line(text, "| --- | --- | --- |");
        foreach (var size in result.Sizes.Where(s => s.Floor is not null && s.Snippets == result.Sizes.Max(x => x.Snippets)))
        {
            var ratio = size.Cold.Median / size.Floor!.Median;
            Target(text, $"{size.Snippets} cold, {size.Shape.ToString().ToLowerInvariant()} corpus, ≤ {FloorWallTarget}× the floor (wall)",
                $"{ratio:F2}× ({Seconds(size.Cold.Median)} vs {Seconds(size.Floor.Median)})", ratio <= FloorWallTarget);
            var systemRatio = size.Cold.SystemCpuMedian / size.Floor.SystemCpuMedian;
            Target(text, $"sys CPU of {size.Snippets} cold, {size.Shape.ToString().ToLowerInvariant()} corpus, ≤ {FloorSystemTarget}× the floor's",
                $"{systemRatio:F2}× ({Seconds(size.Cold.SystemCpuMedian)} vs {Seconds(size.Floor.SystemCpuMedian)})", systemRatio <= FloorSystemTarget);
        }
        foreach (var size in result.Sizes.Where(s => s.Snippets == result.Sizes.Min(x => x.Snippets)))
        {
            var speedup = baseline.WarmMean / size.Cold.PerSnippet;
            Target(text, $"{size.Snippets} cold, {size.Shape.ToString().ToLowerInvariant()} corpus, ≥ {SpeedupTarget:F0}× faster per snippet than warm `dotnet run file.cs`",
                $"{speedup:F0}× ({Millis(size.Cold.PerSnippet)} vs {Millis(baseline.WarmMean)})", speedup >= SpeedupTarget);
        }
        var largest = result.Sizes.Where(s => s.Cached is not null).MaxBy(s => s.Snippets) ?? result.Sizes.MaxBy(s => s.Snippets)!;
        if (largest.Edit is { } edit)
        {
            Target(text, $"one edited snippet in {largest.Snippets} < {EditTargetSeconds} s", Seconds(edit.Median), edit.Median.TotalSeconds < EditTargetSeconds);
        }
        if (largest.Cached is { } cachedLargest)
        {
            var share = cachedLargest.Median / largest.Cold.Median;
            Target(text, $"cached {largest.Snippets} ≤ {CachedShareTarget:P0} of cold", $"{share:P1} ({Seconds(cachedLargest.Median)} vs {Seconds(largest.Cold.Median)})", share <= CachedShareTarget);
        }
        if (largest is { Cached: { } cachedVerify, RenderCached: { } cachedRender })
        {
            var ratio = cachedRender.Median / cachedVerify.Median;
            Target(text, $"render of {largest.Snippets} cached ≤ {RenderOverCachedTarget:F1}× cached verify (issue 27)",
                $"{ratio:F2}× ({Seconds(cachedRender.Median)} vs {Seconds(cachedVerify.Median)})", ratio <= RenderOverCachedTarget);
        }
        if (largest is { MatrixCold: { } matrixCold, MatrixCached: { } matrixCached, Cached: { } oneCached })
        {
            var added = matrixCold.Median / largest.Cold.Median - 1;
            Target(text, $"a second framework adds ≤ {SecondFrameworkColdTarget:F1}× the first one's cold time on {largest.Snippets} (issue 28)",
                $"{added:F2}× ({Seconds(matrixCold.Median)} on net8.0 + net10.0 vs {Seconds(largest.Cold.Median)} on net10.0)", added <= SecondFrameworkColdTarget);
            var ratio = matrixCached.Median / oneCached.Median;
            Target(text, $"a cached two-framework run of {largest.Snippets} < {MatrixCachedTarget:F0}× a one-framework cached run (issue 28)",
                $"{ratio:F2}× ({Seconds(matrixCached.Median)} vs {Seconds(oneCached.Median)})", ratio < MatrixCachedTarget);
        }
        if (result.Sizes.FirstOrDefault(s => s.Snippets == 1000 && s.ColdUnconfined is not null) is { ColdUnconfined: { } unconfined } confinedThousand)
        {
            var cost = confinedThousand.Cold.Median / unconfined.Median - 1;
            Target(text, "the sandbox costs ≤ 5% of 1000 cold (issue 14)",
                $"{cost:+0.0%;-0.0%} ({Seconds(confinedThousand.Cold.Median)} sandboxed vs {Seconds(unconfined.Median)} with --no-sandbox; " +
                $"CPU {Seconds(confinedThousand.Cold.CpuMedian)} vs {Seconds(unconfined.CpuMedian)})",
                cost <= 0.05);
        }
        var toolSeries = result.Sizes.SelectMany(s => new[] { s.Cold, s.ColdUnconfined, s.ColdUntrusted, s.FillCache, s.Cached, s.RenderCached, s.MatrixCold, s.MatrixCached, s.Edit }).OfType<Series>().ToList();
        var treePeak = toolSeries.Max(s => s.TreePeakRssKiB) / 1024.0;
        var treePeakPss = toolSeries.Max(s => s.TreePeakPssKiB) / 1024.0;
        Target(text, $"peak memory, tool + runners, summed RSS ≤ {PeakTargetMiB:F0} MiB", $"{treePeak:F0} MiB (PSS, shared pages once: {treePeakPss:F0} MiB)", treePeak <= PeakTargetMiB);
        Line(text);

        Line(text, "## Ratios");
        Line(text);
        foreach (var size in result.Sizes)
        {
            var line = $"- {size.Shape.ToString().ToLowerInvariant()}, {size.Snippets} snippets: cold {Millis(size.Cold.PerSnippet)} per snippet, " +
                       $"{baseline.WarmMean / size.Cold.PerSnippet:F0}× faster than warm `dotnet run file.cs`";
            if (size.Cached is { } cached) line += $"; cached/cold = {cached.Median / size.Cold.Median:P1}";
            if (size.FillCache is { } fill) line += $"; filling the cache costs {fill.Median / size.Cold.Median:P0} of cold";
            if (size.Edit is { } sizeEdit) line += $"; one edit/cold = {sizeEdit.Median / size.Cold.Median:P1}";
            if (size.Floor is { } floor) line += $"; the floor took {Seconds(floor.Median)} for its {size.FloorSnippets} runnable snippets ({Millis(floor.Median / Math.Max(1, size.FloorSnippets))} each)";
            Line(text, line + ".");
        }
        if (result.Sizes.Count(s => s.Shape == largest.Shape) >= 2)
        {
            var small = result.Sizes.Where(s => s.Shape == largest.Shape).MinBy(s => s.Snippets)!;
            var marginal = (largest.Cold.Median - small.Cold.Median) / (largest.Snippets - small.Snippets);
            Line(text, $"- Marginal cold cost between {small.Snippets} and {largest.Snippets}: {Millis(marginal)} per snippet " +
                       $"(fixed cost ≈ {Seconds(small.Cold.Median - (marginal * small.Snippets))}).");
        }
        Line(text, $"- CPU time of {largest.Snippets} cold: {Seconds(largest.Cold.CpuMedian)} (tool and runners); with {machine.Processors} " +
                   $"processors to itself the wall time could not be below {Seconds(largest.Cold.CpuMedian / machine.Processors)}.");
        Line(text, $"- `dotnet run file.cs`: first {Seconds(baseline.First.Wall)}, then {Seconds(baseline.WarmMean)} per snippet " +
                   $"(mean of {baseline.Runs.Count - 1}, build servers warm). The first is a cold start only when the SDK's build " +
                   "servers were not already running (the harness's own publish may have started them; it never stops them, as " +
                   "other work on the machine may share them).");
        return text.ToString();
    }

    private static void Target(StringBuilder text, string target, string measured, bool met) =>
        Line(text, $"| {target} | {measured} | {(met ? "met" : "**missed**")} |");

    private static void Line(StringBuilder text, string line = "") => text.Append(line).Append('\n');

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture) + " s";

    private static string Millis(TimeSpan time) => time.TotalMilliseconds.ToString("F1", CultureInfo.InvariantCulture) + " ms";

    private static string MiB(long kib) => kib <= 0 ? "" : (kib / 1024.0).ToString("F0", CultureInfo.InvariantCulture) + " MiB";
}
