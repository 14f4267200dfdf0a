using SnippetCheck.Caching;
using SnippetCheck.Configuration;
using SnippetCheck.Model;
using SnippetCheck.Programs;
using SnippetCheck.References;
using SnippetCheck.Results;

namespace SnippetCheck.Engine.Scheduling;

/// <summary>
/// One run over the frameworks of a matrix (<see cref="FrameworkMatrix"/>): each framework's pack restored and its pass
/// planned before any pass runs, so that progress counts the whole run from the start; then each pass carried out by a
/// <see cref="VerificationRun"/> on its framework's runner, and the passes joined into one result a block.
/// </summary>
/// <param name="packs">The packs of the matrix's frameworks, which the verifier keeps across its runs.</param>
/// <param name="watch">What the host watches: the snippets planned, each program's results, the main pass's compilations.</param>
internal sealed class MatrixRun(RunSettings settings, ResultCache? cache, FrameworkPacks packs, RunWatch watch)
{
    /// <summary>Starts Roslyn's first compilation now when the run is cold (<see cref="VerificationRun.WarmUpIfCold"/>).</summary>
    public void WarmUpIfCold(SnippetCheckConfig config) => VerificationRun.WarmUpIfCold(cache, config);

    /// <summary>Verifies <paramref name="documents"/> on each of <paramref name="frameworks"/>, executed as <paramref name="shape"/> says.</summary>
    /// <returns>
    /// One result a block that <paramref name="filter"/> covers (<see cref="FrameworkMatrix.Join"/>), and what the passes
    /// started, built and merged.
    /// </returns>
    public async Task<(IReadOnlyList<SnippetResult> Results, RunTally Tally)> ExecuteAsync(
        IReadOnlyList<PreparedDocument> documents, IReadOnlyList<TargetFramework> frameworks, string? filter, RunShape shape,
        SnippetCheckConfig config, CancellationToken cancellationToken)
    {
        var planned = await PlanPassesAsync(documents, frameworks, filter, cancellationToken).ConfigureAwait(false);
        var tally = await RunPassesAsync(planned, shape, config, cancellationToken).ConfigureAwait(false);
        return (FrameworkMatrix.Join(documents, frameworks, tally.Passes, s => RunPlanner.Matches(s, filter)), tally);
    }

    /// <summary>
    /// One pass per framework of the matrix, each planned before any runs. Stale tags and render's notes are about the
    /// text: one pass finds them (<c>Main</c>), the tool's own framework's if it is in the matrix.
    /// </summary>
    private async Task<List<(FrameworkPack Pack, RunPlan Plan, bool Main)>> PlanPassesAsync(
        IReadOnlyList<PreparedDocument> documents, IReadOnlyList<TargetFramework> frameworks, string? filter, CancellationToken cancellationToken)
    {
        var planned = new List<(FrameworkPack Pack, RunPlan Plan, bool Main)>();
        foreach (var framework in frameworks)
        {
            var pack = await packs.GetAsync(framework, settings.Runners.RunnerPath, cancellationToken).ConfigureAwait(false);
            PhaseTrace.Mark($"{framework}: {pack.Runtime}");
            var main = framework == FrameworkMatrix.Main(frameworks);
            planned.Add((pack, RunPlanner.Plan(FrameworkMatrix.DocumentsFor(documents, pack), filter, main && settings.CheckStale), main));
        }
        PhaseTrace.Mark($"planned {planned.Sum(p => p.Plan.Snippets)} snippets");
        watch.Planned(planned.Sum(p => p.Plan.Snippets));
        return planned;
    }

    /// <summary>Runs each planned pass on its framework's runner, and tallies what the passes started, built and merged.</summary>
    private async Task<RunTally> RunPassesAsync(
        List<(FrameworkPack Pack, RunPlan Plan, bool Main)> planned, RunShape shape, SnippetCheckConfig config, CancellationToken cancellationToken)
    {
        var tally = new RunTally();
        foreach (var (pack, plan, main) in planned)
        {
            var framework = pack.Framework;
            var passSettings = framework.IsTool ? settings
                : settings with { Framework = framework, Runners = settings.Runners with { RunnerPath = pack.RunnerPath, Runtime = pack.Runtime } };
            var run = watch.Pass(passSettings, cache, framework.IsTool ? shape : shape.OnOwnRunners, noted: main);
            tally.Add(run, await run.ExecuteAsync(plan, config, cancellationToken).ConfigureAwait(false));
            PhaseTrace.Mark($"{framework}: every unit finished");
        }
        return tally;
    }
}
