using SnippetCheck.Model;
using SnippetCheck.Results;

namespace SnippetCheck.Engine;

/// <summary>What a strategy made of a unit's programs: the steps left once they are compiled, and the warnings their results carry.</summary>
/// <param name="Steps">Enumerated once, in order, as the engine takes them (a merged chunk's members each start their clock there).</param>
/// <param name="Warnings">The programs' dependency warnings (<see cref="References.ProgramDependencies.Warnings"/>): never a verdict's cause.</param>
internal sealed record CompiledWork(IEnumerable<WorkStep> Steps, IReadOnlyList<Diagnostic> Warnings)
{
    /// <summary>Everything decided before anything ran.</summary>
    public static CompiledWork Decided(IReadOnlyList<SnippetResult> results) => new([new WorkStep.Decided(results)], []);
}
