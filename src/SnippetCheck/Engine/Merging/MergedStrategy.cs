using System.Diagnostics;
using SnippetCheck.Programs;
using SnippetCheck.Execution;
using SnippetCheck.Results;
using SnippetCheck.Extraction.Snippets;

namespace SnippetCheck.Engine.Merging;

/// <summary>
/// Lone snippets compiled into one assembly (<see cref="MergedCompiler"/>). A snippet that drew any diagnostic is
/// dropped before anything runs and verified alone, so its diagnostics read as they would without the wrapping. The
/// others run once each, and their verdict stands: nothing is executed twice.
/// </summary>
/// <param name="tally">The run's merge figures, which also say when merging stops paying; null: a chunk that is not counted (the stale-tag
/// check's).</param>
internal sealed class MergedStrategy(IReadOnlyList<MergeCandidate> members, MergeTally? tally) : CompileStrategy
{
    /// <summary>A chunk of one group (<see cref="MergeCandidate.GroupKey"/>), as a unit of work judged by <paramref name="policy"/>.</summary>
    public static WorkUnit Unit(IReadOnlyList<MergeCandidate> chunk, MergeTally? tally, JudgingPolicy policy) =>
        new([.. chunk.Select(m => m.Program)], new MergedStrategy(chunk, tally), policy);

    public override Task<CompiledWork> CompileAsync(WorkUnit unit, ProgramContext context, CancellationToken cancellationToken)
    {
        if (tally?.MergingDoesNotPay == true)
        {
            // Most snippets so far drew diagnostics, so most of this chunk would be compiled twice: go alone.
            tally.NotMerged(members.Count);
            return Task.FromResult(new CompiledWork([.. members.Select(m => new WorkStep.AloneAgain(m.Program))], []));
        }
        // Under the group's settings and shared references (MergeCandidate.GroupKey).
        var compiled = MergedCompiler.Compile(
            [.. members.Select(m => m.Mergeable)], members[0].Shared.Apply(members[0].Program.Settings), cancellationToken, context.Capture);
        tally?.Compiled(members.Count, compiled.Broken.Count);
        return Task.FromResult(new CompiledWork(Steps(unit.Policy, context, compiled), []));
    }

    /// <summary>Each member's step, its clock started as the engine reaches it; the compile time is shared out among them.</summary>
    private IEnumerable<WorkStep> Steps(JudgingPolicy policy, ProgramContext context, MergedCompilationResult compiled)
    {
        var compileShare = compiled.Duration / members.Count;
        for (var i = 0; i < members.Count; i++)
        {
            var member = members[i];
            var index = i;
            var program = member.Program;
            if (compiled.Broken.Contains(index))
            {
                yield return new WorkStep.AloneAgain(program);
                continue;
            }
            var clock = Stopwatch.StartNew();
            var runnable = compiled.EntryTypes[index] is not null && member.Mergeable.HasEntryPoint && program.HasEntryPoint(program.Settings, [0]);
            var snippet = policy.JudgedAs(program.Blocks[0], runnable);
            // A block that does not run is decided by its compilation.
            if (!snippet.Kind.Rule().Runs)
            {
                yield return new WorkStep.Decided(
                    [ResultAssembler.Of(snippet, Verdict.Pass, null, null, clock) with { Duration = clock.Elapsed + compileShare }]);
                continue;
            }
            yield return new WorkStep.Run([snippet], null, clock, token => RunMemberAsync(context, member, compiled, index, token),
                run => [ResultAssembler.Of(
                    snippet, Judge.Run(snippet, run, run.Stdout, isLast: true, BlockScrubbing.For(program, 0)), null, run.Stdout,
                    clock) with { Duration = clock.Elapsed + compileShare }]);
        }
    }

    /// <summary>
    /// Runs member <paramref name="index"/> of a merged assembly, and reads its run as it would read alone
    /// (<see cref="StackTraces.Unwrapped"/>). A merged program never uses the network: such a program is not merged.
    /// </summary>
    private static async Task<RunResult> RunMemberAsync(
        ProgramContext context, MergeCandidate member, MergedCompilationResult compiled, int index, CancellationToken cancellationToken)
    {
        var program = member.Program;
        var image = compiled.Image! with { EntryType = compiled.EntryTypes[index]! };
        var wrapped = await context.Pool.RunAsync(image, program.Stdin([0]), program.Args, member.Shared.RuntimePaths, network: false,
            ProgramContext.OwnerOf(program, [0]), program.Timeouts[0], cancellationToken)
            .ConfigureAwait(false);
        return StackTraces.Unwrapped(wrapped, ProgramAssembler.MergedNamespacePrefix + index, member.Mergeable.TopLevelSignature is not null);
    }
}
