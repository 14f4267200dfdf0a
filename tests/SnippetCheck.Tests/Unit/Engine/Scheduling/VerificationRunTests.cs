using SnippetCheck.Caching;
using SnippetCheck.Compilation;
using SnippetCheck.Configuration;
using SnippetCheck.Engine;
using SnippetCheck.Engine.Scheduling;
using SnippetCheck.Execution;
using SnippetCheck.Programs;
using SnippetCheck.Results;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Unit.Engine.Scheduling;

/// <summary>
/// A run's schedule carried out in process, with the real compiler: the cache answers what passed before, a merged
/// chunk drops the member that drew a diagnostic and verifies it again alone, and ignored blocks are checked in chunks
/// of their own for a stale tag. The blocks are <c>compile</c> and <c>ignore</c> ones, so nothing runs a snippet.
/// </summary>
public sealed class VerificationRunTests
{
    private static string Fence(string info, string code) => $"```csharp {info}\n{code}\n```\n\n";

    /// <summary>A run's settings for a test in <paramref name="folder"/>: one unit at a time, no cache, stale tags warned of.</summary>
    internal static RunSettings Settings(string folder, bool merge = true) => new()
    {
        Parallelism = 1,
        CacheDirectory = null,
        Stale = StaleMode.Warn,
        RunIgnored = false,
        RequireVerified = false,
        MinCoverage = null,
        Merge = merge,
        Runners = new RunnerOptions(),
        CurrentDirectory = folder,
    };

    /// <summary>The page planned and carried out as one pass; each result as "line status cached ids@lines", in line order.</summary>
    private static async Task<(List<string> Results, VerificationRun Run)> Execute(
        string markdown, string folder, ResultCache? cache = null, bool merge = true, bool checkStale = false)
    {
        var config = new SnippetCheckConfig();
        var page = new PreparedDocument(Pipeline.Read(markdown, "docs/post.md"), new FileSettings(config, ReferenceAssemblies.Default), false, []);
        var run = new VerificationRun(Settings(folder, merge), cache, RunShape.Plain);
        var results = await run.ExecuteAsync(RunPlanner.Plan([page], filter: null, checkStale), config, CancellationToken.None);
        return ([.. results.OrderBy(r => r.Location.Line).Select(r =>
            $"{r.Location.Line} {r.Status.ToWord()}{(r.Cached ? " cached" : "")} " +
            string.Join(",", r.Diagnostics.Select(d => $"{d.Id}@{d.Location.Line}")))], run);
    }

    [Fact]
    public async Task A_second_run_takes_every_passing_block_from_the_cache_and_compiles_and_starts_nothing()
    {
        using var folder = new TempFolder();
        var markdown = Fence("compile", "Console.WriteLine(1);") + Fence("compile", "Console.WriteLine(2);");
        var cache = Path.Combine(folder.Path, "cache");

        var first = await Execute(markdown, folder.Path, new ResultCache(cache));
        var second = await Execute(markdown, folder.Path, new ResultCache(cache));

        Assert.Equal(["1 passed ", "5 passed "], first.Results);
        Assert.Equal(1, first.Run.Merging.Chunks);
        Assert.Equal(["1 passed cached ", "5 passed cached "], second.Results);
        Assert.Equal((0, 0), (second.Run.Merging.Chunks, second.Run.RunnersStarted));
    }

    [Fact]
    public async Task A_failing_block_is_left_out_of_the_cache_and_verified_again_on_the_next_run()
    {
        using var folder = new TempFolder();
        var markdown = Fence("compile", "Console.WriteLine(1);") + Fence("compile", "int count = \"text\";");
        var cache = Path.Combine(folder.Path, "cache");

        await Execute(markdown, folder.Path, new ResultCache(cache));
        var second = await Execute(markdown, folder.Path, new ResultCache(cache));

        Assert.Equal(["1 passed cached ", "5 failed CS0029@6"], second.Results);
    }

    [Fact]
    public async Task A_merged_chunk_drops_the_member_that_drew_a_diagnostic_and_it_reads_as_it_would_alone()
    {
        using var folder = new TempFolder();
        var markdown = Fence("compile", "Console.WriteLine(1);") + Fence("compile", "int count = \"text\";")
            + Fence("compile", "Console.WriteLine(3);");

        var merged = await Execute(markdown, folder.Path);
        var alone = await Execute(markdown, folder.Path, merge: false);

        Assert.Equal(["1 passed ", "5 failed CS0029@6", "9 passed "], merged.Results);
        Assert.Equal((1, 3, 1), (merged.Run.Merging.Chunks, merged.Run.Merging.Snippets, merged.Run.Merging.DroppedAtCompile));
        Assert.Equal(alone.Results, merged.Results);
        Assert.Equal(0, alone.Run.Merging.Chunks);
    }

    [Fact]
    public async Task Ignored_blocks_that_compile_get_a_stale_finding_from_a_chunk_of_their_own_and_keep_their_verdict()
    {
        using var folder = new TempFolder();
        var markdown = Fence("ignore", "Console.WriteLine(1);") + Fence("ignore", "int count = \"text\";")
            + Fence("compile", "Console.WriteLine(3);");

        var stale = await Execute(markdown, folder.Path, checkStale: true);
        var plain = await Execute(markdown, folder.Path);

        // The ignored block that compiles gets SC1019; the one that does not gets nothing, and no verdict changes.
        Assert.Equal(["1 ignored SC1019@1", "5 ignored ", "9 passed "], stale.Results);
        // The stale chunk is not counted among the run's merged chunks (the verified block is alone in its own).
        Assert.Equal(stale.Run.Merging, plain.Run.Merging);
        Assert.Equal(["1 ignored ", "5 ignored ", "9 passed "], plain.Results);
    }
}
