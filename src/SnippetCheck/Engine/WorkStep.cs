using System.Diagnostics;
using SnippetCheck.Compilation;
using SnippetCheck.Execution;
using SnippetCheck.Programs;
using SnippetCheck.Results;
using SnippetCheck.Extraction.Snippets;

namespace SnippetCheck.Engine;

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
