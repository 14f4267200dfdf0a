using SnippetCheck.Results;
using SnippetCheck.Extraction.Snippets;

namespace SnippetCheck.Engine;

/// <summary>
/// The one pipeline every unit of work goes through: resolve and compile (the unit's <see cref="CompileStrategy"/>),
/// then compile-only or run, then judge (the strategy's mapping of a run to its blocks, then the unit's
/// <see cref="JudgingPolicy"/>). Lone snippets, sessions, fixture pages, merged chunks and the stale-tag check all
/// take it; only here is it decided that a compile-only run (the language server's) runs nothing.
/// </summary>
internal static class VerificationEngine
{
    public static async Task<IReadOnlyList<SnippetResult>> VerifyAsync(WorkUnit unit, ProgramContext context, CancellationToken cancellationToken)
    {
        var compiled = await unit.Strategy.CompileAsync(unit, context, cancellationToken).ConfigureAwait(false);
        var results = new List<SnippetResult>();
        foreach (var step in compiled.Steps)
        {
            switch (step)
            {
                case WorkStep.Decided decided:
                    results.AddRange(decided.Results);
                    break;
                case WorkStep.AloneAgain again when unit.Policy.VerifiesDroppedAlone:
                    results.AddRange(await VerifyAsync(WorkUnit.Alone(again.Program, unit.Policy), context, cancellationToken).ConfigureAwait(false));
                    break;
                case WorkStep.Run run when context.CompileOnly:
                    results.AddRange(run.Blocks.Select(block => ResultAssembler.Of(block, Verdict.NotRunYet, run.Compiled, null, run.Clock)));
                    break;
                case WorkStep.Run run:
                    results.AddRange(run.Judge(await run.Start(cancellationToken).ConfigureAwait(false)));
                    break;
            }
        }
        return unit.Policy.Conclude(ResultAssembler.WithWarnings(InBlockOrder(unit, results), compiled.Warnings));
    }

    /// <summary>The results in the order of the unit's blocks (a session's compile-fail and check blocks are decided first).</summary>
    private static List<SnippetResult> InBlockOrder(WorkUnit unit, List<SnippetResult> results)
    {
        var order = new Dictionary<Snippet, int>(ReferenceEqualityComparer.Instance);
        foreach (var block in unit.Programs.SelectMany(p => p.Blocks)) order.TryAdd(block, order.Count);
        return [.. results.OrderBy(r => order.GetValueOrDefault(r.Snippet, int.MaxValue))];
    }
}
