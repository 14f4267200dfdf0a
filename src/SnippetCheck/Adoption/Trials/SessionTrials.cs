using SnippetCheck.Adoption.Inference;
using SnippetCheck.Driver;
using SnippetCheck.Extraction.Snippets;
using SnippetCheck.Model;
using SnippetCheck.Programs;
using SnippetCheck.Results;
using Block = SnippetCheck.Adoption.Inference.SessionChoice.Block;
using Chain = SnippetCheck.Adoption.Inference.SessionChoice.Chain;

namespace SnippetCheck.Adoption.Trials;

/// <summary>
/// Earlier blocks of the same post, tried as sessions. A block that fails alone only on unknown names may use what an
/// earlier block declares: it gets the shortest run of untagged blocks just before it (<see cref="SessionChoice.Earlier"/>)
/// as a session, when that session passes every block in it, twice with the same output, and each earlier block
/// prints in it exactly what it printed alone, so joining never changes an earlier block's verdict. A block already
/// in a chain brings its whole chain along: chains never overlap. Then the blocks of its page that declare what it uses,
/// wherever they stand (<see cref="SessionChoice.DeclaringWays"/>). Which blocks join is <see cref="SessionChoice"/>'s.
/// </summary>
internal static class SessionTrials
{
    /// <summary>Rounds: a block whose declarations a chain of this pass took brings that chain along in the next.</summary>
    private const int DeclarationRounds = 2;

    /// <param name="blocks">Every untagged block of the documents, in document order.</param>
    public static async Task<IReadOnlyList<Chain>> FindAsync(IBlockTrials verifier, IReadOnlyList<Block> blocks, CancellationToken cancellationToken)
    {
        var accepted = new List<Chain>();
        var pending = blocks.Where(b => b.NeedsEarlier).ToList();
        for (var length = 1; length <= SessionChoice.LongestChain && pending.Count > 0; length++)
        {
            var candidates = new List<(Block Target, IReadOnlyList<Block> Members)>();
            foreach (var target in pending)
            {
                if (SessionChoice.Earlier(blocks, target, length, accepted) is { } members) candidates.Add((target, members));
            }
            await AcceptAsync(verifier, candidates, accepted, cancellationToken).ConfigureAwait(false);
            pending.RemoveAll(p => accepted.Any(c => c.Holds(p.Snippet)));
        }
        await WithDeclarationsAnywhereAsync(verifier, blocks, pending, accepted, cancellationToken).ConfigureAwait(false);
        await PageSessionTrial.AddAsync(verifier, blocks, accepted, cancellationToken).ConfigureAwait(false);
        return SessionChoice.Named(accepted);
    }

    private static async Task WithDeclarationsAnywhereAsync(
        IBlockTrials verifier, IReadOnlyList<Block> blocks, List<Block> pending, List<Chain> accepted, CancellationToken cancellationToken)
    {
        var names = new Dictionary<SourceLocation, SessionChoice.Names>();
        SessionChoice.Names NamesOf(Block block) =>
            names.TryGetValue(block.Snippet.Location, out var known) ? known : names[block.Snippet.Location] = SessionChoice.Read(block.Snippet);
        for (var round = 0; round < DeclarationRounds && pending.Count > 0; round++)
        {
            var candidates = new List<(Block Target, IReadOnlyList<Block> Members)>();
            foreach (var target in pending)
            {
                foreach (var way in SessionChoice.DeclaringWays(blocks, target, NamesOf))
                {
                    // Two blocks needing the same declarations: one session holds both, tried once.
                    if (SessionChoice.Grown(target, way, blocks, accepted, NamesOf) is { } ordered
                        && !candidates.Any(c => c.Members.SequenceEqual(ordered)))
                        candidates.Add((target, ordered));
                }
            }
            if (candidates.Count == 0) return;
            await AcceptAsync(verifier, candidates, accepted, cancellationToken).ConfigureAwait(false);
            pending.RemoveAll(p => accepted.Any(c => c.Holds(p.Snippet)));
        }
    }

    /// <summary>
    /// Verifies each candidate chain as a session, twice, and adds to <paramref name="accepted"/> each that passes every
    /// block both times, printing in each earlier block what it printed alone; a chain it takes along is replaced.
    /// Returns each candidate's first results, by its index.
    /// </summary>
    internal static async Task<IReadOnlyDictionary<int, IReadOnlyList<SnippetResult>>> AcceptAsync(
        IBlockTrials verifier, IReadOnlyList<(Block Target, IReadOnlyList<Block> Members)> candidates, List<Chain> accepted,
        CancellationToken cancellationToken)
    {
        if (candidates.Count == 0) return new Dictionary<int, IReadOnlyList<SnippetResult>>();
        var sessions = candidates.Select((c, i) => (Document: c.Members.Select(m => m.WithModels).OfType<PreparedDocument>().FirstOrDefault()
            ?? c.Target.Document, Session: $"adopt-trial-{i}", Blocks: Tagged(c.Members, $"adopt-trial-{i}"))).ToList();
        var first = BySession(await verifier.VerifySessionsAsync(sessions, cancellationToken).ConfigureAwait(false));
        var passing = sessions.Where(s => first.TryGetValue(s.Session, out var r) && r.All(x => x.Status == SnippetStatus.Passed)).ToList();
        // Twice, as adopt runs a lone block: a chain whose output differs between runs is not proposed.
        var second = BySession(await verifier.VerifySessionsAsync(passing, cancellationToken).ConfigureAwait(false));

        foreach (var (candidate, session) in candidates.Zip(sessions))
        {
            if (!first.TryGetValue(session.Session, out var once) || !second.TryGetValue(session.Session, out var twice)) continue;
            if (twice.Any(r => r.Status != SnippetStatus.Passed)) continue;
            // A chain accepted earlier in this round that the candidate holds only part of: the blocks belong to it.
            if (accepted.Any(c => candidate.Members.Count(m => c.Holds(m.Snippet)) is var shared && shared > 0
                && shared < c.Blocks.Count)) continue;
            var outputs = once.Zip(twice, (a, b) => a.ActualOutput == b.ActualOutput ? a.ActualOutput : null).ToList();
            // Never change an earlier block's verdict: each prints in the chain what it printed alone.
            if (candidate.Members.Zip(once).Any(p => p.First.AloneOutput is { } alone && alone != p.Second.ActualOutput)) continue;
            // The chain replaces every chain it took along.
            accepted.RemoveAll(c => candidate.Members.Any(m => c.Holds(m.Snippet)));
            accepted.Add(new Chain(candidate.Target.Document, session.Blocks, outputs));
        }
        return sessions.Select((s, i) => (s, i)).Where(x => first.ContainsKey(x.s.Session)).ToDictionary(x => x.i, x => first[x.s.Session]);
    }

    /// <summary>Each block with its tags and the session's: <c>run</c> when it has something to execute, else <c>compile</c>.</summary>
    private static IReadOnlyList<Snippet> Tagged(IReadOnlyList<Block> members, string session)
    {
        Snippet InSession(Block member) =>
            member.Snippet with { Tags = member.Tags with { Kind = member.Runs ? SnippetKind.Run : SnippetKind.Compile, Session = session } };
        return [.. members.Select(InSession)];
    }

    private static Dictionary<string, IReadOnlyList<SnippetResult>> BySession(IReadOnlyList<SnippetResult> results) =>
        results.GroupBy(r => r.Snippet.Tags.Session!).ToDictionary(
            g => g.Key, g => (IReadOnlyList<SnippetResult>)[.. g.OrderBy(r => r.Snippet.Location.Line)]);
}
