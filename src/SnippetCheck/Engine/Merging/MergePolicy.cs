using SnippetCheck.Compilation;
using SnippetCheck.References;
using SnippetCheck.Programs;
using SnippetCheck.Extraction.Snippets;

namespace SnippetCheck.Engine.Merging;

/// <summary>
/// Decides, before anything runs, which lone snippets are compiled together: a merged snippet is executed once, and
/// its verdict stands. Whatever could make the wrapped program mean something else is verified alone instead.
/// </summary>
internal static class MergePolicy
{
    /// <summary>
    /// Past a few dozen snippets a bigger chunk saves no compile time per snippet (bench/README.md), and delays its first run.
    /// </summary>
    public const int MaxChunkSize = 40;

    /// <summary>Below this a chunk saves too little to be worth one more compilation to keep a slot busy.</summary>
    public const int MinChunkSize = 4;

    /// <summary>
    /// The program as a member of a merged assembly, or null when it must be compiled alone: sessions, packages and
    /// other directives, <c>compile-fail</c>, annotation errors, empty blocks, and code that would not mean the same
    /// wrapped (see <see cref="MergeableProgram"/>).
    /// </summary>
    public static MergeCandidate? TryMerge(SnippetProgram program, DependencyResolver dependencies)
    {
        var snippet = program.Blocks[0];
        // A network snippet needs a runner of its own kind, and a merged assembly runs in one runner.
        if (program.IsSession || program.Network || snippet.HasAnnotationErrors ||
            !snippet.Kind.Rule().Merges ||
            dependencies.SharedFor(program.Document, snippet) is not { } shared)
        {
            return null;
        }
        var parts = program.BlockParts(program.Settings);
        var preludes = program.PreludeParts(program.Settings);
        // Alone, a prelude's statements are left out of a program without statements of its own; wrapped, they would not be.
        if (parts[0].IsEmpty || (!parts[0].HasStatements && preludes.Any(p => p.HasStatements))) return null;
        // Tests run by type name after the entry point: a merged member has neither of its own.
        if (snippet.Kind.Rule().RunsTests && preludes.Concat(parts).Any(TestMethods.MayDeclare)) return null;
        // A source generator may fill its partials (SourceGenerators): they run where it compiles alone.
        if (preludes.Concat(parts).Any(p => SourceGenerators.MayFill(p.Tree))) return null;
        var mergeable = MergeableProgram.TryCreate([.. preludes, .. parts]);
        // Runnable merged only where it is runnable alone: a prelude's helper statements are no entry point of the snippet's.
        if (mergeable is null) return null;
        if (snippet.Kind.Rule().Runs && !(mergeable.HasEntryPoint && program.HasEntryPoint(program.Settings, [0]))) return null;
        return new MergeCandidate(program, mergeable, shared);
    }

    /// <summary>
    /// The stale-tag check's chunks (ignored blocks, merged with each other only): each group in chunks of at most
    /// <see cref="MaxChunkSize"/>, a group of one included (a hint is worth one compilation).
    /// </summary>
    /// <param name="perDocument">Under <c>--untrusted</c>: no chunk holds snippets of two documents (<see cref="GroupOf"/>).</param>
    public static IEnumerable<IReadOnlyList<MergeCandidate>> StaleChunks(IReadOnlyList<MergeCandidate> candidates, bool perDocument) =>
        candidates.GroupBy(c => GroupOf(c, perDocument)).SelectMany(group => group.Chunk(MaxChunkSize));

    /// <summary>
    /// What members of a chunk share: the <see cref="MergeCandidate.GroupKey"/>, and under <c>--untrusted</c> the document
    /// too, since a chunk's members run in one runner and one assembly, where one could reach another's statics.
    /// </summary>
    private static ((CompileKey, object?, ProgramDependencies), string?) GroupOf(MergeCandidate candidate, bool perDocument) =>
        (candidate.GroupKey, perDocument ? candidate.Program.Document.DisplayPath : null);

    /// <summary>
    /// Splits the candidates into chunks: one assembly each, compiled in parallel with the others. Enough chunks to
    /// keep every slot busy, none so big that its runs wait long for it to compile. A group of one is no chunk.
    /// </summary>
    /// <param name="perDocument">See <see cref="StaleChunks"/>.</param>
    public static IReadOnlyList<IReadOnlyList<MergeCandidate>> Chunks(
        IReadOnlyList<MergeCandidate> candidates, int parallelism, bool perDocument = false)
    {
        var chunks = new List<IReadOnlyList<MergeCandidate>>();
        foreach (var group in candidates.GroupBy(c => GroupOf(c, perDocument)))
        {
            var members = group.ToList();
            if (members.Count < 2) continue;
            var count = Math.Max((members.Count + MaxChunkSize - 1) / MaxChunkSize, Math.Min(Math.Max(1, parallelism), members.Count / MinChunkSize));
            count = Math.Max(1, count);
            for (var i = 0; i < count; i++)
            {
                // Balanced sizes: chunk i takes [i*n/count, (i+1)*n/count).
                var start = i * members.Count / count;
                var end = (i + 1) * members.Count / count;
                chunks.Add(members.GetRange(start, end - start));
            }
        }
        return chunks;
    }
}
