using SnippetCheck.Bench.Corpus;
using SnippetCheck.Bench.Measuring;

namespace SnippetCheck.Bench.Scenarios;

/// <summary>The measurements of one corpus size; the cache rows are null when the tool has no cache.</summary>
public sealed record SizeResult(int Snippets, Series Cold, Series? FillCache, Series? Cached, Series? Edit)
{
    /// <summary>Cold with <c>--no-sandbox</c>, measured in the same repetitions: what the sandbox costs (issue 14).</summary>
    public Series? ColdUnconfined { get; init; }

    /// <summary>Cold with <c>--untrusted</c>, each right after a default cold run: what runners per document cost (issue 53).</summary>
    public Series? ColdUntrusted { get; init; }

    public CorpusShape Shape { get; init; }

    /// <summary>
    /// <c>render</c> over the cache the cached verify used, once its symbol notes are kept (the render before it keeps
    /// them): issue 27's target is at most 1.2× the cached verify. Null when the tool has no render.
    /// </summary>
    public Series? RenderCached { get; init; }

    /// <summary>
    /// Cold and cached with <c>--frameworks net8.0,net10.0</c> (issue 28): a second framework may add at most 0.9× the
    /// first one's cold time, and a cached two-framework run stays under 2× a one-framework cached run. Null when not measured.
    /// </summary>
    public Series? MatrixCold { get; init; }

    /// <inheritdoc cref="MatrixCold"/>
    public Series? MatrixCached { get; init; }

    /// <summary>The Roslyn floor on the same corpus's runnable snippets, in the same repetitions (issue 15).</summary>
    public Series? Floor { get; init; }

    /// <summary>How many snippets the floor ran: the corpus's run snippets (it neither compiles alone nor checks output).</summary>
    public int FloorSnippets { get; init; }
}

/// <summary>Everything one benchmark run measured, side by side.</summary>
public sealed record BenchmarkResult(
    MachineInfo Machine, string LoadBefore, string LoadAfter, bool CacheSupported, string ToolDescription,
    IReadOnlyList<SizeResult> Sizes, BaselineResult Baseline, string Command);

/// <summary>
/// The verify scenarios of issue 5, one corpus size at a time. Each repetition runs cold, then a fresh cache
/// filled and reused, then (on the largest corpus) one edit, so a change in the machine's load hits every
/// scenario alike instead of one of them.
/// </summary>
public static class VerifyBenchmark
{
    public static async Task<SizeResult> MeasureAsync(
        PublishedTool tool, GeneratedCorpus corpus, bool cacheSupported, bool measureEdit, int repeat, string workFolder, Action<string> log,
        RoslynFloor? floor = null, bool measureUnconfined = true, bool measureCache = true, bool measureUntrusted = false)
    {
        var n = corpus.SnippetCount;
        List<Measurement> untrusted = [];
        List<Measurement> cold = [], unconfined = [], fill = [], cached = [], edit = [], floorRuns = [], renderCached = [], matrixCold = [], matrixCached = [];
        var renderSupported = measureCache && await tool.SupportsRenderAsync();
        var floorInput = floor is null ? null : RoslynFloor.InputFor(corpus);
        var sandboxSupported = measureUnconfined && await tool.SupportsOptionAsync("--no-sandbox");
        // The matrix is measured where the edit is: on the largest corpus of the first shape.
        var matrixSupported = measureEdit && measureCache && await tool.SupportsOptionAsync("--frameworks");
        string[] matrix = ["--frameworks", "net8.0,net10.0"];
        List<int> cachedCounts = [], editCachedCounts = [];
        for (var rep = 1; rep <= repeat; rep++)
        {
            log($"  {corpus.Shape}, {n} snippets, repetition {rep}/{repeat}: cold");
            cold.Add((await tool.VerifyAsync(corpus.Directory, n, cacheSupported ? ["--no-cache"] : [])).Measurement);
            if (measureUntrusted)
            {
                // Right after the default cold run, so that the machine's load hits both alike. The cache is off, as in
                // the cold run: --untrusted would read it.
                log($"  {corpus.Shape}, {n} snippets, repetition {rep}/{repeat}: cold, --untrusted");
                untrusted.Add((await tool.VerifyAsync(corpus.Directory, n, "--no-cache", "--untrusted")).Measurement);
            }
            if (floor is not null)
            {
                log($"  {corpus.Shape}, {n} snippets, repetition {rep}/{repeat}: the Roslyn floor");
                floorRuns.Add(await floor.RunAsync(floorInput!));
            }
            if (sandboxSupported)
            {
                log($"  {n} snippets, repetition {rep}/{repeat}: cold, --no-sandbox");
                unconfined.Add((await tool.VerifyAsync(corpus.Directory, n, "--no-cache", "--no-sandbox")).Measurement);
            }
            if (!cacheSupported || !measureCache) continue;

            var cacheDir = Path.Combine(workFolder, $"cache-{n}-{rep}");
            log($"  {n} snippets, repetition {rep}/{repeat}: filling a new cache, then cached");
            fill.Add((await tool.VerifyAsync(corpus.Directory, n, "--cache-dir", cacheDir)).Measurement);
            var (measurement, summary) = await tool.VerifyAsync(corpus.Directory, n, "--cache-dir", cacheDir);
            cached.Add(measurement);
            cachedCounts.Add(summary.Cached);
            if (renderSupported)
            {
                log($"  {n} snippets, repetition {rep}/{repeat}: render (keeping symbol notes), then render cached");
                var site = Path.Combine(workFolder, $"render-{n}-{rep}");
                await tool.RenderAsync(corpus.Directory, n, site, "--cache-dir", cacheDir);
                renderCached.Add(await tool.RenderAsync(corpus.Directory, n, site, "--cache-dir", cacheDir));
            }

            if (matrixSupported)
            {
                log($"  {n} snippets, repetition {rep}/{repeat}: cold on net8.0 and net10.0, then filling a new cache, then cached");
                matrixCold.Add((await tool.VerifyAsync(corpus.Directory, n, ["--no-cache", .. matrix])).Measurement);
                var matrixCache = Path.Combine(workFolder, $"cache-matrix-{n}-{rep}");
                await tool.VerifyAsync(corpus.Directory, n, ["--cache-dir", matrixCache, .. matrix]);
                matrixCached.Add((await tool.VerifyAsync(corpus.Directory, n, ["--cache-dir", matrixCache, .. matrix])).Measurement);
            }

            if (measureEdit)
            {
                var edited = corpus.EditOneSnippet();
                log($"  {n} snippets, repetition {rep}/{repeat}: one snippet edited ({edited.File}, snippet {edited.Index})");
                var (editMeasurement, editSummary) = await tool.VerifyAsync(corpus.Directory, n, "--cache-dir", cacheDir);
                edit.Add(editMeasurement);
                editCachedCounts.Add(editSummary.Cached);
            }
        }
        return new SizeResult(n,
            new Series("cold", n, cold),
            cacheSupported && measureCache ? new Series("filling the cache", n, fill) : null,
            cacheSupported && measureCache ? new Series("cached", n, cached, cachedCounts.Min()) : null,
            cacheSupported && measureCache && measureEdit ? new Series("one snippet edited", n, edit, editCachedCounts.Min()) : null)
        {
            ColdUnconfined = sandboxSupported ? new Series("cold, --no-sandbox", n, unconfined) : null,
            ColdUntrusted = measureUntrusted ? new Series("cold, --untrusted", n, untrusted) : null,
            Shape = corpus.Shape,
            RenderCached = renderSupported ? new Series("render, cached", n, renderCached) : null,
            MatrixCold = matrixSupported ? new Series("cold, net8.0 + net10.0", n, matrixCold) : null,
            MatrixCached = matrixSupported ? new Series("cached, net8.0 + net10.0", n, matrixCached) : null,
            Floor = floor is null ? null : new Series("Roslyn floor", n, floorRuns),
            FloorSnippets = floorInput is null ? 0 : Directory.GetFiles(floorInput, "s*.cs").Length,
        };
    }
}
