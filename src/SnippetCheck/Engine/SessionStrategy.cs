using System.Diagnostics;
using SnippetCheck.Compilation;
using SnippetCheck.Execution;
using SnippetCheck.Results;
using SnippetCheck.References;
using SnippetCheck.Programs;
using SnippetCheck.Extraction.Snippets;

namespace SnippetCheck.Engine;

/// <summary>
/// A session (or a fixture page): its blocks compile as one program and run once; each block is judged on what it
/// printed itself, and a failure is reported on the block that caused it. A block whose kind does not join the session
/// (<see cref="KindRule.JoinsSession"/>: <c>compile-fail</c>, <c>check</c>) is compiled with the session so far, then left out of it.
/// </summary>
internal sealed class SessionStrategy : CompileStrategy
{
    public static readonly SessionStrategy Instance = new();

    private SessionStrategy() { }

    public override async Task<CompiledWork> CompileAsync(WorkUnit unit, ProgramContext context, CancellationToken cancellationToken)
    {
        var program = unit.Programs.Single();
        var clock = Stopwatch.StartNew();
        var session = program.Session!;
        var blocks = program.Blocks;
        if (blocks.FirstOrDefault(b => b.HasAnnotationErrors) is { } broken)
        {
            return CompiledWork.Decided([.. blocks.Select(b => b.HasAnnotationErrors
                ? ResultAssembler.Of(b, Judge.BeforeCompiling(b, isEmpty: false)!, null, null, clock)
                : SnippetResult.Of(b,
                    new Verdict.Skipped($"not run: block at line {broken.Location.Line} of session '{session}' has annotation errors")))]);
        }

        var dependencies = await context.ResolveAsync(program, cancellationToken).ConfigureAwait(false);
        if (dependencies.Problem is { } failure) return CompiledWork.Decided(ResultAssembler.DependencyFailed(failure, blocks, session, clock));
        return new CompiledWork(Compile(program, context, dependencies, clock, cancellationToken), dependencies.Warnings);
    }

    private static List<WorkStep> Compile(
        SnippetProgram program, ProgramContext context, ProgramDependencies dependencies, Stopwatch clock, CancellationToken cancellationToken)
    {
        var blocks = program.Blocks;
        var settings = dependencies.Apply(program.Settings);
        var preludes = program.PreludeParts(settings);
        var parts = program.BlockParts(settings);
        var included = program.Compiled(settings);
        var decided = new List<SnippetResult>();
        var steps = new List<WorkStep> { new WorkStep.Decided(decided) };

        JudgeBeforeTheSession(program, context, settings, preludes, parts, included, decided, clock, cancellationToken);
        if (included.Count == 0) return steps;

        var compiled = context.Compile(preludes, [.. included.Select(id => parts[id])], settings, markBlocks: included.Count > 1, cancellationToken);
        if (!compiled.Success)
        {
            decided.AddRange(CompileErrors(program, included, compiled, clock));
            return steps;
        }

        // A session runs as a lone block does: when a block of it asks to run (a session of 'compile' blocks only compiles).
        var runsStatements = included.Any(id => blocks[id].Kind.Rule().Runs) && program.HasEntryPoint(settings, included);
        if (!runsStatements && !(program.RunsTests(included) && compiled.Tests.Count > 0))
        {
            decided.AddRange(included.Select(id => NothingRuns(program, blocks[id], compiled, clock)));
            return steps;
        }

        // Each block has its own budget; the program gets them all.
        var timeout = included.Aggregate(TimeSpan.Zero, (sum, id) => sum + program.Timeouts[id]);
        steps.Add(new WorkStep.Run([.. included.Select(id => blocks[id])], compiled, clock,
            token => context.RunAsync(program, compiled, included, dependencies, timeout, token),
            run => JudgeRun(program, settings, included, compiled, run, clock)));
        return steps;
    }

    /// <summary>
    /// What is decided before the session compiles: the blocks <see cref="Judge.BeforeCompiling"/> judges, and each block
    /// whose kind does not join the session (<c>compile-fail</c>, <c>check</c>) compiled with the session so far, then left out of it.
    /// </summary>
    private static void JudgeBeforeTheSession(
        SnippetProgram program, ProgramContext context, CompileSettings settings, IReadOnlyList<ParsedPart> preludes,
        IReadOnlyList<ParsedPart> parts, IReadOnlyList<int> included, List<SnippetResult> decided, Stopwatch clock,
        CancellationToken cancellationToken)
    {
        var blocks = program.Blocks;
        for (var i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i];
            if (Judge.BeforeCompiling(block, parts[i].IsEmpty) is { } early)
            {
                decided.Add(ResultAssembler.Of(block, early, null, null, clock));
            }
            else if (!block.Kind.Rule().JoinsSession)
            {
                // Checked against the session so far, then left out of it, so that its errors stop no other block.
                var soFar = included.Where(id => id < i).Select(id => parts[id]).Append(parts[i]).ToList();
                var compiledSoFar = context.Compile(preludes, soFar, settings, markBlocks: false, cancellationToken,
                    block.Kind.Rule().Holes ? program.CheckScopeFor(i, settings) : null, Judge.BindsPastSyntax(block));
                decided.Add(ResultAssembler.Of(block, Judge.Apart(block, compiledSoFar), compiledSoFar, null, clock));
            }
        }
    }

    /// <summary>A session that did not compile: each block reports its own errors, or is skipped naming the first error.</summary>
    private static IEnumerable<SnippetResult> CompileErrors(
        SnippetProgram program, IReadOnlyList<int> included, CompilationResult compiled, Stopwatch clock)
    {
        var blocks = program.Blocks;
        var session = program.Session!;
        var decided = new List<SnippetResult>();
        var errors = compiled.Errors.ToList();
        var first = errors[0];
        foreach (var id in included)
        {
            // Errors in preludes or generated code are the first block's to report.
            var own = errors.Where(e => e.PartId == id || (id == included[0] && e.PartId is null or < 0)).ToList();
            decided.Add(own.Count > 0
                ? ResultAssembler.Of(blocks[id], Judge.CompileError(blocks[id], own), compiled, null, clock)
                : SnippetResult.Of(blocks[id], new Verdict.Skipped(
                    $"not run: session '{session}' did not compile " +
                    $"(error {first.Id} at line {first.Location?.Line ?? blocks[id].Location.Line})")));
        }
        return decided;
    }

    /// <summary>A session with nothing to run passes, unless a block expects output or input of a run.</summary>
    private static SnippetResult NothingRuns(SnippetProgram program, Snippet block, CompilationResult compiled, Stopwatch clock)
    {
        var verdict = Judge.NeedsRun(block) && (block.Output is not null || block.Stdin is not null) ? Judge.NothingToRun(block, program.Session!)
            : Verdict.Pass;
        return ResultAssembler.Of(block, verdict, compiled, null, clock);
    }

    private static List<SnippetResult> JudgeRun(
        SnippetProgram program, CompileSettings settings, IReadOnlyList<int> included, CompilationResult compiled,
        RunResult run, Stopwatch clock)
    {
        var blocks = program.Blocks;
        var results = new List<SnippetResult>();
        var endingId = run.Status is not RunStatus.Completed && run.CurrentBlock >= 0 ? run.CurrentBlock : included[^1];
        // Without block marks (one block, or a program that runs from a Main), all output is the entry block's.
        var entry = program.EntryBlock(settings, included);
        // Tests in a prelude or in code of the tool's own are the first block's.
        bool Owns(int id, DeclaredTest test) => test.PartId == id || (id == included[0] && test.PartId is null or < 0);
        foreach (var id in included)
        {
            var block = blocks[id];
            var output = run.BlockOutputs.Count == 0 ? (id == entry ? run.Stdout : "") : run.BlockOutputs.GetValueOrDefault(id, "");
            if (id < endingId)
            {
                var passedThrough = run with { Status = RunStatus.Completed, ExitCode = block.Tags.ExitCode ?? 0 };
                var (verdict, tests) =
                    Judge.WithTests(block, Judge.Run(block, passedThrough, output, isLast: false, BlockScrubbing.For(program, id)), compiled, run,
                        t => Owns(id, t));
                results.Add(ResultAssembler.Of(block, verdict, compiled, output, clock) with { Tests = tests });
            }
            else if (id == endingId)
            {
                var (verdict, tests) =
                    Judge.WithTests(block, Judge.Run(block, run, output, isLast: true, BlockScrubbing.For(program, id)), compiled, run, t =>
                        Owns(id, t));
                results.Add(ResultAssembler.Of(block, verdict, compiled, output, clock) with { Tests = tests });
            }
            else
            {
                results.Add(SnippetResult.Of(block, new Verdict.Skipped(
                    $"not run: session '{program.Session}' ended in the block at line {blocks[endingId].Location.Line} ({Describe(run)})")));
            }
        }
        return results;
    }

    private static string Describe(RunResult run) => run.Status switch
    {
        RunStatus.Exception => $"unhandled {run.ExceptionType}",
        RunStatus.Exited => $"Environment.Exit({run.ExitCode})",
        RunStatus.Timeout => "timeout",
        RunStatus.OutputLimit => "output limit",
        _ => "crash",
    };
}
