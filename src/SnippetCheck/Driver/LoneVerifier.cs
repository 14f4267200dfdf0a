using System.Diagnostics;
using SnippetCheck.Execution;
using SnippetCheck.Judging;
using SnippetCheck.Packages;
using SnippetCheck.Programs;
using SnippetCheck.Results;

namespace SnippetCheck.Driver;

/// <summary>Compiles a lone snippet's program on its own, runs it when it asks to run, and judges it.</summary>
internal static class LoneVerifier
{
    public static async Task<IReadOnlyList<SnippetResult>> VerifyAsync(SnippetProgram program, ProgramContext context, CancellationToken cancellationToken)
    {
        var snippet = program.Blocks[0];
        var clock = Stopwatch.StartNew();
        if (Judge.BeforeCompiling(snippet, program.BlockParts(program.Settings)[0].IsEmpty) is { } early) return [BlockResults.Of(snippet, early, null, null, clock)];

        // Packages, projects, #:sdk and #:property: the program's references, runtime assemblies and settings.
        var dependencies = await context.ResolveAsync(program, cancellationToken).ConfigureAwait(false);
        if (dependencies.Problem is { } failure) return BlockResults.DependencyFailed(failure, [snippet], null, clock);
        return BlockResults.WithWarnings([await VerifyResolvedAsync(program, context, dependencies, clock, cancellationToken).ConfigureAwait(false)], dependencies.Warnings);
    }

    private static async Task<SnippetResult> VerifyResolvedAsync(SnippetProgram program, ProgramContext context, ProgramDependencies dependencies,
        Stopwatch clock, CancellationToken cancellationToken)
    {
        var snippet = program.Blocks[0];
        var settings = dependencies.Apply(program.Settings);
        var preludes = program.PreludeParts(settings);
        var parts = program.BlockParts(settings);
        var check = snippet.Kind == Snippets.SnippetKind.Check ? program.CheckScopeFor(0, settings) : null;
        var compiled = context.Compile(preludes, parts, settings, markBlocks: false, cancellationToken, check);

        var hasEntryPoint = program.HasEntryPoint(settings, [0]);
        RunResult? run = null;
        if (Judge.ShouldRun(snippet, compiled, hasEntryPoint))
        {
            if (context.CompileOnly) return BlockResults.Of(snippet, PendingRun.Verdict, compiled, null, clock);
            run = await context.RunAsync(program, compiled, [0], dependencies, program.Timeouts[0], cancellationToken).ConfigureAwait(false);
        }
        // A lone program's tests are its block's, wherever they stand (a prelude's too).
        var (verdict, tests) = Judge.WithTests(snippet, Judge.Lone(snippet, compiled, hasEntryPoint, run, program.Scrubbings[0]), compiled, run, _ => true);
        return BlockResults.Of(snippet, verdict, compiled, run?.Stdout, clock) with { Tests = tests };
    }
}
