using System.Collections.Concurrent;
using SnippetCheck.Caching;
using SnippetCheck.Compilation;
using SnippetCheck.Configuration;
using SnippetCheck.Engine.Scheduling;
using SnippetCheck.Programs;
using SnippetCheck.Results;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Unit.Engine.Scheduling;

/// <summary>
/// Adopt's trials carried out in process (<see cref="TrialRun"/>), with the real compiler: lone blocks and a session in
/// one pass, watched as a run is, and the result cache used only when the trial asks for it. The blocks are <c>compile</c>
/// ones, so nothing runs a snippet.
/// </summary>
public sealed class TrialRunTests
{
    private const string Page =
        "```csharp compile\nConsole.WriteLine(1);\n```\n\n```csharp compile session=a\nvar x = 2;\n```\n\n" +
        "```csharp compile session=a\nConsole.WriteLine(x);\n```\n";

    private static PreparedDocument Read() =>
        new(Pipeline.Read(Page, "docs/post.md"), new FileSettings(new SnippetCheckConfig(), ReferenceAssemblies.Default), false, []);

    /// <summary>The page's first block as a lone program and the other two as session <c>a</c>: one trial.</summary>
    private static (List<SnippetProgram> Lone, List<SnippetProgram> Sessions) Programs(PreparedDocument page) =>
        ([SnippetProgram.Lone(page.Snippets, page.Blocks[0], page.Settings)],
            [SnippetProgram.ForSession(page.Snippets, "a", [page.Blocks[1], page.Blocks[2]], page.Settings)]);

    /// <summary>Each result as "line status[ cached]", in line order.</summary>
    private static List<string> Lines(IEnumerable<SnippetResult> results) =>
        [.. results.OrderBy(r => r.Location.Line).Select(r => $"{r.Location.Line} {r.Status.ToWord()}{(r.Cached ? " cached" : "")}")];

    [Fact]
    public async Task A_trial_verifies_its_lone_blocks_and_sessions_in_one_pass_and_the_watch_sees_each_result()
    {
        using var folder = new TempFolder();
        var planned = new ConcurrentQueue<int>();
        var reported = new ConcurrentQueue<SnippetResult>();
        var watch = new RunWatch(null, planned.Enqueue, results => { foreach (var r in results) reported.Enqueue(r); });
        var (lone, sessions) = Programs(Read());

        var results = await new TrialRun(VerificationRunTests.Settings(folder.Path), null, watch)
            .ExecuteAsync(lone, sessions, useCache: false, new SnippetCheckConfig(), CancellationToken.None);

        Assert.Equal(["1 passed", "5 passed", "9 passed"], Lines(results));
        Assert.Equal([3], planned);
        Assert.Equal(Lines(results), Lines(reported));
    }

    [Fact]
    public async Task A_trial_that_does_not_use_the_cache_neither_reads_nor_writes_it()
    {
        using var folder = new TempFolder();
        var cache = Path.Combine(folder.Path, "cache");
        var page = Read();
        var (lone, _) = Programs(page);
        Task<IReadOnlyList<SnippetResult>> Trial(bool useCache) => new TrialRun(VerificationRunTests.Settings(folder.Path), new ResultCache(cache),
            RunWatch.None).ExecuteAsync(lone, [], useCache, new SnippetCheckConfig(), CancellationToken.None);

        var unwritten = await Trial(useCache: false);
        var written = await Trial(useCache: true);
        var read = await Trial(useCache: true);
        var unread = await Trial(useCache: false);

        // Nothing the first trial verified was kept; the second kept it, the third read it, the fourth did not read it.
        Assert.Equal(["1 passed"], Lines(unwritten));
        Assert.Equal(["1 passed"], Lines(written));
        Assert.Equal(["1 passed cached"], Lines(read));
        Assert.Equal(["1 passed"], Lines(unread));
    }

    [Fact]
    public async Task A_trial_of_no_program_plans_nothing_and_returns_nothing()
    {
        using var folder = new TempFolder();
        var planned = new ConcurrentQueue<int>();

        var results = await new TrialRun(VerificationRunTests.Settings(folder.Path), null, new RunWatch(null, planned.Enqueue, _ => { }))
            .ExecuteAsync([], [], useCache: true, new SnippetCheckConfig(), CancellationToken.None);

        Assert.Empty(results);
        Assert.Empty(planned);
    }
}
