using SnippetCheck.Caching;
using SnippetCheck.Compilation;
using SnippetCheck.Results;

namespace SnippetCheck.Engine.Scheduling;

/// <summary>
/// What a host watches of a run (the façade's <c>RunObserver</c>, handed down as the three things the engine calls, since
/// <c>Driver/</c> ranks above it): one wiring for a matrix's passes (<see cref="MatrixRun"/>) and adopt's trials (<see cref="TrialRun"/>).
/// </summary>
/// <param name="Capture">The observer of the noted pass's compilations (<c>render</c>'s notes); null for none.</param>
/// <param name="Planned">Called once a run (or trial), before anything compiles, with how many snippets it will verify.</param>
/// <param name="ResultsReady">Called as each program finishes, with its blocks' results; on any thread.</param>
internal sealed record RunWatch(SemanticCapture? Capture, Action<int> Planned, Action<IReadOnlyList<SnippetResult>> ResultsReady)
{
    /// <summary>No one watches.</summary>
    public static RunWatch None { get; } = new(null, _ => { }, _ => { });

    /// <summary>
    /// A pass wired to the watch: each of its programs' results reported as it finishes, and its compilations noted when it is
    /// the pass that takes notes (<paramref name="noted"/>: a matrix's main framework's, or a trial's one pass).
    /// </summary>
    public VerificationRun Pass(RunSettings settings, ResultCache? cache, RunShape shape, bool noted)
    {
        var run = new VerificationRun(settings, cache, shape) { Capture = noted ? Capture : null };
        run.ResultsReady += results => ResultsReady(results);
        return run;
    }
}
