using System.Diagnostics;
using SnippetCheck.Compilation;
using SnippetCheck.Execution;
using SnippetCheck.Results;
using SnippetCheck.Extraction.Snippets;

namespace SnippetCheck.Engine;

/// <summary>A lone snippet's program compiled on its own (a <c>check</c> block with what the post declares), to run when it asks to run.</summary>
internal sealed class AloneStrategy : CompileStrategy
{
    public static readonly AloneStrategy Instance = new();

    private AloneStrategy() { }

    public override async Task<CompiledWork> CompileAsync(WorkUnit unit, ProgramContext context, CancellationToken cancellationToken)
    {
        var program = unit.Programs.Single();
        var snippet = program.Blocks[0];
        var clock = Stopwatch.StartNew();
        if (Judge.BeforeCompiling(snippet, program.BlockParts(program.Settings)[0].IsEmpty) is { } early) return CompiledWork.Decided(
            [ResultAssembler.Of(snippet, early, null, null, clock)]);

        // Packages, projects, #:sdk and #:property: the program's references, runtime assemblies and settings.
        var dependencies = await context.ResolveAsync(program, cancellationToken).ConfigureAwait(false);
        if (dependencies.Problem is { } failure) return CompiledWork.Decided(ResultAssembler.DependencyFailed(failure, [snippet], null, clock));

        var settings = dependencies.Apply(program.Settings);
        var check = snippet.Kind.Rule().Holes ? program.CheckScopeFor(0, settings) : null;
        var compiled = snippet.Tags.Listing
            ? ListingCheck.Compare(snippet.Location.File, snippet.Code, settings.References, settings.ParseOptions, 0)
            : context.Compile(program.PreludeParts(settings), program.BlockParts(settings), settings, markBlocks: false, cancellationToken, check,
                Judge.BindsPastSyntax(snippet));
        var hasEntryPoint = program.HasEntryPoint(settings, [0]);

        // A lone program's tests are its block's, wherever they stand (a prelude's too).
        IReadOnlyList<SnippetResult> JudgeRun(RunResult? run)
        {
            var (verdict, tests) =
                Judge.WithTests(snippet, Judge.Lone(snippet, compiled, hasEntryPoint, run, BlockScrubbing.For(program, 0)), compiled, run, _ => true);
            return [ResultAssembler.Of(snippet, verdict, compiled, run?.Stdout, clock) with { Tests = tests }];
        }
        WorkStep step = Judge.ShouldRun(snippet, compiled, hasEntryPoint)
            ? new WorkStep.Run([snippet], compiled, clock, token =>
                context.RunAsync(program, compiled, [0], dependencies, program.Timeouts[0], token), run => JudgeRun(run))
            : new WorkStep.Decided(JudgeRun(null));
        return new CompiledWork([step], dependencies.Warnings);
    }
}
