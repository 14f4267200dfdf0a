using SnippetCheck.Compilation;
using SnippetCheck.Configuration;
using SnippetCheck.Engine.Scheduling;
using SnippetCheck.Extraction.Snippets;
using SnippetCheck.Programs;
using SnippetCheck.Results;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Unit.Engine.Scheduling;

/// <summary>
/// What a run will do, decided before anything compiles: Markdown in, plan out. Which blocks become programs (lone ones,
/// the candidates for merging, and whole sessions), and which verdicts are known without compiling.
/// </summary>
public sealed class RunPlannerTests
{
    private const string File = "docs/post.md";

    private static PreparedDocument Page(string markdown, SnippetCheckConfig? config = null, bool skip = false) =>
        new(Pipeline.Read(markdown, File), new FileSettings(config ?? new SnippetCheckConfig(), ReferenceAssemblies.Default), skip, []);

    private static string Fence(string info, string code) => $"```csharp {info}\n{code}\n```\n\n";

    /// <summary>Each known verdict as "line status".</summary>
    private static List<string> Known(RunPlan plan) => [.. plan.Known.Select(r => $"{r.Snippet.Location.Line} {r.Status.ToWord()}")];

    [Theory]
    [InlineData(null, true)]
    [InlineData("", true)]
    [InlineData("greet", true)]          // its name
    [InlineData("docs/", true)]          // part of its path
    [InlineData("post.md:3", true)]      // its opening fence
    [InlineData("post.md:5", true)]      // its last code line
    [InlineData("post.md:6", true)]      // its closing fence
    [InlineData("post.md:7", false)]     // the line past it
    [InlineData("post.md:2", false)]     // the line before it
    [InlineData("other.md:4", false)]    // a line of another file
    [InlineData("gree", false)]          // a name is matched whole
    [InlineData("Docs/", false)]         // a path is matched as written
    public void A_filter_picks_a_block_by_name_path_or_a_line_within_it(string? filter, bool picked)
    {
        var snippet = Pipeline.Read("# Title\n\n```csharp run name=greet\nConsole.WriteLine(1);\nConsole.WriteLine(2);\n```\n", File).Snippets[0];
        Assert.Equal(picked, RunPlanner.Matches(snippet, filter));
    }

    [Fact]
    public void Verified_lone_blocks_are_programs_of_their_own_and_the_rest_have_known_verdicts()
    {
        var page = Page(Fence("run", "Console.WriteLine(1);") + Fence("", "Console.WriteLine(2);") + Fence("ignore", "Console.WriteLine(3);")
            + Fence("compile", "class A { }"));
        var plan = RunPlanner.Plan([page], filter: null);

        // Each lone program holds one block (merged later by the engine, never joined here).
        Assert.Equal([1, 13], plan.Lone.Select(p => Assert.Single(p.Blocks).Location.Line));
        Assert.Empty(plan.Sessions);
        Assert.Equal(["5 untagged", "9 ignored"], Known(plan));
        Assert.Empty(plan.Stale);
        Assert.Equal(2, plan.Snippets);
    }

    [Fact]
    public void An_untagged_block_is_verified_under_all_and_an_ignored_one_is_planned_for_stale_only_when_asked()
    {
        var page = Page(Fence("", "Console.WriteLine(1);") + Fence("ignore", "Console.WriteLine(2);"),
            new SnippetCheckConfig { Mode = VerifyMode.All });
        var plan = RunPlanner.Plan([page], filter: null, checkStale: true);

        Assert.Equal([1], plan.Lone.Select(p => p.Blocks[0].Location.Line));
        Assert.Equal(["5 ignored"], Known(plan));
        var (ignored, program) = Assert.Single(plan.Stale);
        Assert.Equal(5, ignored.Location.Line);
        // Checked as 'compile', apart from every verified block.
        Assert.Equal(SnippetKind.Compile, Assert.Single(program.Blocks).Kind);
    }

    [Fact]
    public void A_session_is_planned_whole_once_even_when_the_filter_picked_one_of_its_blocks()
    {
        var page = Page(Fence("session=s name=first", "var n = 1;") + Fence("run", "Console.WriteLine(0);")
            + Fence("session=s", "n++;") + Fence("session=t", "var m = 2;") + Fence("session=s name=last", "Console.WriteLine(n);"));
        var plan = RunPlanner.Plan([page], filter: "last");

        var session = Assert.Single(plan.Sessions);
        Assert.Equal("s", session.Session);
        Assert.Equal([1, 9, 17], session.Blocks.Select(b => b.Location.Line));
        Assert.Empty(plan.Lone);
        Assert.Empty(plan.Known);
    }

    [Fact]
    public void Each_session_of_a_page_is_one_program_in_the_order_its_first_block_comes()
    {
        var page = Page(Fence("session=b", "var x = 1;") + Fence("session=a", "var y = 2;") + Fence("session=b", "x++;"));
        var plan = RunPlanner.Plan([page], filter: null);

        Assert.Equal(["b 1,9", "a 5"], plan.Sessions.Select(s => $"{s.Session} {string.Join(',', s.Blocks.Select(b => b.Location.Line))}"));
        Assert.Equal(3, plan.Snippets);
    }

    [Fact]
    public void A_skipped_page_plans_nothing_and_says_skipped_for_the_blocks_the_filter_picked()
    {
        var page = Page(Fence("run name=a", "Console.WriteLine(1);") + Fence("session=s name=b", "var n = 1;") + Fence("run name=c", "x();"),
            skip: true);
        var plan = RunPlanner.Plan([page], filter: "b");

        Assert.Empty(plan.Lone);
        Assert.Empty(plan.Sessions);
        Assert.Equal(["5 skipped"], Known(plan));
    }

    [Fact]
    public void A_fixture_page_is_one_program_of_its_blocks_outside_sessions_its_untagged_ones_run()
    {
        var page = Page(Fence("", "var a = 1;") + Fence("compile", "class C { }") + Fence("session=s", "var b = 2;") + Fence("ignore", "x();"),
            new SnippetCheckConfig { Fixture = true });
        var plan = RunPlanner.Plan([page], filter: null);

        Assert.Empty(plan.Lone);
        Assert.Empty(plan.Known);
        Assert.Equal(2, plan.Sessions.Count);
        var fixture = plan.Sessions.Single(s => s.Session != "s");
        Assert.Equal(["1 Run", "5 Compile", "13 Ignore"], fixture.Blocks.Select(b => $"{b.Location.Line} {b.Kind}"));
        Assert.Equal([9], plan.Sessions.Single(s => s.Session == "s").Blocks.Select(b => b.Location.Line));
    }

    [Fact]
    public void A_fixture_page_is_not_planned_when_the_filter_picked_only_its_session_blocks()
    {
        var page = Page(Fence("name=a", "var a = 1;") + Fence("session=s name=b", "var b = 2;"), new SnippetCheckConfig { Fixture = true });

        Assert.Equal(["s"], RunPlanner.Plan([page], filter: "b").Sessions.Select(s => s.Session));
        Assert.Single(RunPlanner.Plan([page], filter: "a").Sessions);
    }
}
