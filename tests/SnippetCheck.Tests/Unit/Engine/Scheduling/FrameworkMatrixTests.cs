using SnippetCheck.Compilation;
using SnippetCheck.Configuration;
using SnippetCheck.Engine.Scheduling;
using SnippetCheck.Extraction.Snippets;
using SnippetCheck.Model;
using SnippetCheck.Programs;
using SnippetCheck.Results;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Unit.Engine.Scheduling;

/// <summary>
/// A matrix's passes joined into one result a block (<see cref="FrameworkMatrix.Join"/>), from results made by hand: the
/// failing framework's verdict decides, every framework's is kept, and a block no pass verified says why.
/// </summary>
public sealed class FrameworkMatrixTests
{
    private static readonly TargetFramework Net8 = TargetFramework.TryParse("net8.0")!;

    private static string Fence(string code) => $"```csharp compile\n{code}\n```\n\n";

    private static PreparedDocument Page(int blocks) =>
        new(Pipeline.Read(string.Concat(Enumerable.Range(1, blocks).Select(i => Fence($"Console.WriteLine({i});"))), "docs/post.md"),
            new FileSettings(new SnippetCheckConfig(), ReferenceAssemblies.Default), false, []);

    private static SnippetResult Passed(Snippet snippet, int milliseconds = 1, bool cached = false) =>
        SnippetResult.Of(snippet, new Verdict.Passed()) with { Duration = TimeSpan.FromMilliseconds(milliseconds), Cached = cached };

    private static SnippetResult Failed(Snippet snippet) =>
        SnippetResult.Of(snippet, new Verdict.Failed(new CrashFailure(snippet.Location, "boom", null))) with { Duration = TimeSpan.FromMilliseconds(4) };

    [Fact]
    public void A_block_failing_on_one_framework_fails_with_that_verdict_and_keeps_every_frameworks()
    {
        var page = Page(3);
        var (a, b, c) = (page.Snippets.Snippets[0], page.Snippets.Snippets[1], page.Snippets.Snippets[2]);
        IReadOnlyList<TargetFramework> frameworks = [Net8, TargetFramework.Tool];
        var onNet8 = new[] { Passed(a, cached: true), Passed(b) };
        var onTool = new[] { Passed(a, 2, cached: false), Failed(b) };

        var joined = FrameworkMatrix.Join([page], frameworks, [onNet8, onTool], _ => true);

        Assert.Equal(
            [$"1 passed 3ms cached=False net8.0:passed,{TargetFramework.Tool}:passed",
             $"5 failed 5ms cached=False net8.0:passed,{TargetFramework.Tool}:failed",
             $"9 skipped 0ms cached=False net8.0:not-applicable,{TargetFramework.Tool}:not-applicable"],
            joined.Select(r => $"{r.Location.Line} {r.Status.ToWord()} {r.Duration.TotalMilliseconds}ms cached={r.Cached} "
                + string.Join(",", r.Frameworks!.Select(f => $"{f.Framework}:{f.StatusWord}"))));
        Assert.Same(onTool[1].Verdict, joined[1].Verdict);
        Assert.StartsWith("not applicable", joined[2].Verdict.Message);
    }

    [Fact]
    public void On_the_tools_framework_alone_each_result_stays_as_it_is()
    {
        var page = Page(2);
        var only = Passed(page.Snippets.Snippets[0]);

        var joined = FrameworkMatrix.Join([page], [TargetFramework.Tool], [[only]], _ => true);

        Assert.Same(only, joined[0]);
        Assert.Null(joined[1].Frameworks);
        Assert.Equal(SnippetStatus.Skipped, joined[1].Status);
    }

    [Fact]
    public void A_block_the_filter_leaves_out_gets_no_result()
    {
        var page = Page(2);

        var joined = FrameworkMatrix.Join([page], [TargetFramework.Tool], [[]], s => s.Location.Line == 5);

        Assert.Equal([5], joined.Select(r => r.Location.Line));
    }

    [Fact]
    public void The_main_pass_is_the_tools_framework_when_the_matrix_has_it_else_the_newest()
    {
        var net9 = TargetFramework.TryParse("net9.0")!;

        Assert.Equal(TargetFramework.Tool, FrameworkMatrix.Main([Net8, TargetFramework.Tool, net9]));
        Assert.Equal(net9, FrameworkMatrix.Main([Net8, net9]));
    }
}
