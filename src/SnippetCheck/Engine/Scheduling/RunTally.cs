using SnippetCheck.Execution;
using SnippetCheck.References;
using SnippetCheck.Results;

namespace SnippetCheck.Engine.Scheduling;

/// <summary>
/// What the passes of one run (one per framework of the matrix) verified, started, built and merged. It belongs to the
/// run, not to the verifier: the language server lends one verifier to concurrent checks, and each report carries only
/// its own run's facts.
/// </summary>
internal sealed class RunTally
{
    public List<IReadOnlyList<SnippetResult>> Passes { get; } = [];

    public List<string> DependencyFiles { get; } = [];

    public List<LibraryBuild> Libraries { get; } = [];

    public List<BuildGrant> Builds { get; } = [];

    public MergeStatistics Merging { get; private set; } = new(0, 0, 0);

    public int RunnersStarted { get; private set; }

    /// <summary>The confinement of the last pass's runners.</summary>
    public SandboxReport? Sandbox { get; private set; }

    /// <summary>Adds a finished pass and what its run did.</summary>
    public void Add(VerificationRun run, IReadOnlyList<SnippetResult> results)
    {
        Passes.Add(results);
        RunnersStarted += run.RunnersStarted;
        DependencyFiles.AddRange(run.DependencyFiles);
        Merging = Merging.Add(run.Merging);
        Sandbox = run.Confinement;
        Builds.AddRange(run.Builds);
        Libraries.AddRange(run.Libraries);
    }
}
