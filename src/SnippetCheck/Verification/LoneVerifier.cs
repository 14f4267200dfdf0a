using System.Diagnostics;
using SnippetCheck.Compilation;
using SnippetCheck.Execution;
using SnippetCheck.Model;
using SnippetCheck.Programs;

namespace SnippetCheck.Verification;

/// <summary>Compiles a lone snippet's program on its own, runs it when it asks to run, and judges it.</summary>
internal static class LoneVerifier
{
    public static async Task<IReadOnlyList<SnippetResult>> VerifyAsync(SnippetProgram program, ProgramContext context, CancellationToken cancellationToken)
    {
        var snippet = program.Blocks[0];
        var clock = Stopwatch.StartNew();
        if (Judge.BeforeCompiling(snippet, program.BlockParts(program.Settings)[0].IsEmpty) is { } early) return [Results.Of(snippet, early, null, null, clock)];

        // Packages, projects, #:sdk and #:property: the program's references, runtime assemblies and settings.
        var dependencies = await context.Dependencies.ResolveAsync(program.Document, [snippet], null, cancellationToken).ConfigureAwait(false);
        if (dependencies.Problem is { } failure) return Results.DependencyFailed(failure, [snippet], null, clock);
        var settings = dependencies.Apply(program.Settings);
        var preludes = program.PreludeParts(settings);
        var parts = program.BlockParts(settings);
        var compiled = SnippetCompiler.Compile(ProgramAssembler.Assemble(preludes, parts, settings, markBlocks: false),
            [.. preludes, .. parts], settings, cancellationToken);

        var hasEntryPoint = program.HasEntryPoint(settings, [0]);
        RunResult? run = null;
        if (Judge.ShouldRun(snippet, compiled, hasEntryPoint))
        {
            if (context.CompileOnly) return [Results.Of(snippet, PendingRun.Verdict, compiled, null, clock)];
            run = await context.Pool.RunAsync(new ProgramImage(compiled.Image!), program.Stdin([0]), program.Args,
                dependencies.RuntimePaths, program.Network, program.Timeouts[0], cancellationToken).ConfigureAwait(false);
        }
        return [Results.Of(snippet, Judge.Lone(snippet, compiled, hasEntryPoint, run), compiled, run?.Stdout, clock)];
    }
}
