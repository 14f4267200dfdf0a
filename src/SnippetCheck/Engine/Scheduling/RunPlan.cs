using SnippetCheck.Programs;
using SnippetCheck.Results;
using SnippetCheck.Extraction.Snippets;

namespace SnippetCheck.Engine.Scheduling;

/// <summary>What a run will do: the programs to verify, and the verdicts known without compiling anything.</summary>
internal sealed record RunPlan(IReadOnlyList<SnippetProgram> Lone, IReadOnlyList<SnippetProgram> Sessions, IReadOnlyList<SnippetResult> Known)
{
    /// <summary>How many snippets the programs judge.</summary>
    public int Snippets => Lone.Count + Sessions.Sum(s => s.Blocks.Count);

    /// <summary>Ignored lone blocks, each with the program it is checked as for a stale tag (<see cref="StalePolicy"/>).</summary>
    public IReadOnlyList<(Snippet Ignored, SnippetProgram Program)> Stale { get; init; } = [];
}
