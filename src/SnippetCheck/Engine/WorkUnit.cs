using System.Diagnostics;
using SnippetCheck.Compilation;
using SnippetCheck.Execution;
using SnippetCheck.Model;
using SnippetCheck.Programs;
using SnippetCheck.Results;
using SnippetCheck.Extraction.Snippets;

namespace SnippetCheck.Engine;

/// <summary>
/// What <see cref="VerificationEngine"/> verifies in one go: one or more programs, how they become compilations
/// (<see cref="CompileStrategy"/>), and what their outcomes become (<see cref="JudgingPolicy"/>).
/// </summary>
internal sealed record WorkUnit(IReadOnlyList<SnippetProgram> Programs, CompileStrategy Strategy, JudgingPolicy Policy)
{
    /// <summary>A lone snippet's program, compiled on its own and judged for its verdict.</summary>
    public static WorkUnit Alone(SnippetProgram program, JudgingPolicy? policy = null) =>
        new([program], AloneStrategy.Instance, policy ?? JudgingPolicy.Verdicts);

    /// <summary>A session, or a fixture page: its blocks compiled as one program and run once.</summary>
    public static WorkUnit Session(SnippetProgram program) => new([program], SessionStrategy.Instance, JudgingPolicy.Verdicts);
}

/// <summary>What a strategy made of a unit's programs: the steps left once they are compiled, and the warnings their results carry.</summary>
/// <param name="Steps">Enumerated once, in order, as the engine takes them (a merged chunk's members each start their clock there).</param>
/// <param name="Warnings">The programs' dependency warnings (<see cref="References.ProgramDependencies.Warnings"/>): never a verdict's cause.</param>
internal sealed record CompiledWork(IEnumerable<WorkStep> Steps, IReadOnlyList<Diagnostic> Warnings)
{
    /// <summary>Everything decided before anything ran.</summary>
    public static CompiledWork Decided(IReadOnlyList<SnippetResult> results) => new([new WorkStep.Decided(results)], []);
}

/// <summary>One thing left to do for a compiled unit.</summary>
internal abstract record WorkStep
{
    private WorkStep() { }

    /// <summary>Results known without a run: an annotation error, a compile error, a <c>compile</c> block, nothing to run.</summary>
    internal sealed record Decided(IReadOnlyList<SnippetResult> Results) : WorkStep;

    /// <summary>
    /// A merged program the chunk dropped for a diagnostic: verified again alone, where its diagnostics read as they would unwrapped.
    /// </summary>
    internal sealed record AloneAgain(SnippetProgram Program) : WorkStep;

    /// <summary>A run to make, and how its outcome maps to the <paramref name="Blocks"/>' results.</summary>
    /// <param name="Compiled">What a compile-only run reports beside each block's pending verdict (null: nothing to add).</param>
    public sealed record Run(IReadOnlyList<Snippet> Blocks, CompilationResult? Compiled, Stopwatch Clock,
        Func<CancellationToken, Task<RunResult>> Start, Func<RunResult, IReadOnlyList<SnippetResult>> Judge) : WorkStep;
}
