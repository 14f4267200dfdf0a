using SnippetCheck.Compilation;
using SnippetCheck.Configuration;
using SnippetCheck.Engine;
using SnippetCheck.Engine.Scheduling;
using SnippetCheck.Execution;
using SnippetCheck.Programs;
using SnippetCheck.References;
using SnippetCheck.Results;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Unit.Engine;

/// <summary>
/// A session through the engine, compile-only (the language server's shape: nothing runs), with the real compiler: the
/// path that judges a <c>compile-fail</c> or <c>check</c> block apart, against the session so far, and leaves it out.
/// </summary>
public sealed class SessionStrategyTests
{
    private static string Fence(string info, string code) => $"```csharp {info}\n{code}\n```\n\n";

    /// <summary>Each block's verdict, in block order, as "line status (message)".</summary>
    private static async Task<List<string>> VerifyCompileOnly(string markdown)
    {
        using var folder = new TempFolder();
        var config = new SnippetCheckConfig();
        var page = new PreparedDocument(Pipeline.Read(markdown, "docs/post.md"), new FileSettings(config, ReferenceAssemblies.Default), false, []);
        var session = Assert.Single(RunPlanner.Plan([page], filter: null).Sessions);
        var dependencies = await DependencyResolver.CreateAsync(config, folder.Path, Path.Combine(folder.Path, "cache"), CancellationToken.None);
        await using var pool = new RunnerPool(new RunnerOptions(), 1);
        var results = await VerificationEngine.VerifyAsync(WorkUnit.Session(session), new ProgramContext(pool, dependencies, CompileOnly: true),
            CancellationToken.None);
        return [.. results.Select(r => $"{r.Snippet.Location.Line} {r.Status.ToWord()} ({r.Verdict.Message})")];
    }

    [Fact]
    public async Task A_compile_fail_block_is_judged_against_the_session_so_far_and_its_error_stops_no_other_block()
    {
        var results = await VerifyCompileOnly(Fence("session=s", "var count = 1;") + Fence("session=s compile-fail=CS0029", "string text = count;")
            + Fence("session=s", "Console.WriteLine(count);"));

        // CS0029 only with 'count' declared by the block before; alone it would be CS0103. The session still compiles without it.
        Assert.Equal(["1 skipped (compiled; not run yet (it runs on save))", "5 passed ()", "9 skipped (compiled; not run yet (it runs on save))"],
            results);
    }

    [Fact]
    public async Task A_compile_fail_block_that_compiles_with_the_session_so_far_fails()
    {
        var results = await VerifyCompileOnly(Fence("session=s", "var count = 1;") + Fence("session=s compile-fail=CS0103", "var twice = count * 2;"));

        Assert.StartsWith("5 failed", results[1]);
    }

    [Fact]
    public async Task A_check_block_binds_the_sessions_earlier_names_and_is_left_out_of_it()
    {
        var results = await VerifyCompileOnly(Fence("session=s", "var count = 1;")
            + Fence("session=s check", "Console.WriteLine(count + basket.Total);") + Fence("session=s", "Console.WriteLine(count);"));

        // 'count' binds, from the block before; 'basket' is the one unknown name, and it stops no other block.
        Assert.Equal("5 passed (checked (basket not declared in the post))", results[1]);
        Assert.StartsWith("9 skipped (compiled; not run yet", results[2]);
    }
}

/// <summary>
/// A session runs when a block of it asks to run, as a lone block does: a session of <c>compile</c> blocks only compiles
/// (a <c>given=</c> local holds no value, an <c>app.Run()</c> would serve until its timeout). Before, any session with
/// statements ran: <c>compile session=s given=…</c> failed on the given local's null.
/// </summary>
public sealed class SessionRunTests
{
    private const string Throwing = "```csharp {0} session=s\nthrow new InvalidOperationException(\"ran\");\n```\n\n```csharp compile session=s\nint x = 1;\n```\n";

    [Theory]
    [InlineData("compile", "passed passed")]
    [InlineData("run", "failed skipped")]
    public async Task A_session_runs_only_when_one_of_its_blocks_asks_to_run(string kind, string statuses)
    {
        var report = await Pipeline.VerifyAsync(string.Format(Throwing, kind));

        Assert.Equal(statuses, string.Join(' ', report.Snippets.Select(s => s.Status.ToWord())));
    }
}
