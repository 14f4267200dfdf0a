using SnippetCheck.Execution;

namespace SnippetCheck.Engine.Merging;

/// <summary>
/// The outcome of compiling programs together. <see cref="Broken"/> are the programs that drew an error or a
/// warning: they were dropped, and are to be compiled alone, where their diagnostics read as they would
/// without the wrapping (no namespace in type names).
/// </summary>
/// <param name="Image">The assembly of every program not broken; null when none was left.</param>
/// <param name="EntryTypes">For each program, the type whose <c>Main</c> runs it; null for a library or a broken one.</param>
/// <param name="Compilations">How many times the chunk was compiled: once, plus once per round of dropping.</param>
internal sealed record MergedCompilationResult(
    ProgramImage? Image,
    IReadOnlySet<int> Broken,
    IReadOnlyList<string?> EntryTypes,
    int Compilations,
    TimeSpan Duration);
