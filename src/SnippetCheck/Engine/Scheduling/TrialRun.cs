using SnippetCheck.Caching;
using SnippetCheck.Configuration;
using SnippetCheck.Programs;
using SnippetCheck.Results;

namespace SnippetCheck.Engine.Scheduling;

/// <summary>
/// Adopt's trials carried out (<c>Driver/IBlockTrials</c>): given programs (lone blocks, sessions, page fixtures), each
/// block as its tags now say, verified in one pass on the tool's framework through the same merging, runners and judge as
/// a run (<see cref="MatrixRun"/>). No stale tag is looked for: a trial asks of its own blocks, not of a page's ignored ones.
/// </summary>
/// <param name="cache">The run's result cache; null when it is off.</param>
internal sealed class TrialRun(RunSettings settings, ResultCache? cache, RunWatch watch)
{
    /// <summary>Verifies <paramref name="lone"/> and <paramref name="sessions"/> as one pass; one result a block.</summary>
    /// <param name="useCache">
    /// False: the cache is neither read nor written (a trial that needs what each block prints, or runs it twice).
    /// </param>
    public async Task<IReadOnlyList<SnippetResult>> ExecuteAsync(
        IReadOnlyList<SnippetProgram> lone, IReadOnlyList<SnippetProgram> sessions, bool useCache, SnippetCheckConfig config,
        CancellationToken cancellationToken)
    {
        if (lone.Count == 0 && sessions.Count == 0) return [];
        var trialCache = useCache ? cache : null;
        VerificationRun.WarmUpIfCold(trialCache, config);
        var run = watch.Pass(settings with { Stale = StaleMode.Off, RunIgnored = false }, trialCache, RunShape.Plain, noted: true);
        var plan = new RunPlan(lone, sessions, []);
        watch.Planned(plan.Snippets);
        return await run.ExecuteAsync(plan, config, cancellationToken).ConfigureAwait(false);
    }
}
