using System.Runtime.InteropServices;
using SnippetCheck.Compilation;
using SnippetCheck.References;
using SnippetCheck.Programs;

namespace SnippetCheck.Engine.Merging;

/// <summary>A lone snippet's program that can be compiled together with others of the same <see cref="GroupKey"/>.</summary>
/// <param name="Shared">The run's shared references the program compiles and runs with (config references, a library under test).</param>
internal sealed record MergeCandidate(SnippetProgram Program, MergeableProgram Mergeable, ProgramDependencies Shared)
{
    /// <summary>Programs merge only with programs that compile under the same settings and the same reference set.</summary>
    public (CompileKey, object?, ProgramDependencies) GroupKey { get; } =
        (Program.Settings.Key, ImmutableCollectionsMarshal.AsArray(Program.Settings.References), Shared);
}
