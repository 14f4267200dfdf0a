namespace SnippetCheck.Engine;

/// <summary>
/// How a unit's programs become compilations: resolved, compiled, and turned into steps (<see cref="WorkStep"/>)
/// that say what is decided already and which runs are left, with how each run's outcome maps to per-block results.
/// </summary>
/// <remarks>Alone (<see cref="AloneStrategy"/>, the <c>check</c> level too), as a session or fixture page (<see cref="SessionStrategy"/>), merged
/// (<c>Engine/Merging/MergedStrategy</c>).</remarks>
internal abstract class CompileStrategy
{
    public abstract Task<CompiledWork> CompileAsync(WorkUnit unit, ProgramContext context, CancellationToken cancellationToken);
}
