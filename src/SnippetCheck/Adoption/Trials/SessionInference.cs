using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SnippetCheck.Driver;
using SnippetCheck.Programs;
using SnippetCheck.Results;
using SnippetCheck.Extraction.Snippets;

namespace SnippetCheck.Adoption.Trials;

/// <summary>
/// Earlier blocks of the same post. A block that fails alone only on unknown names may use what an
/// earlier block declares: it gets the shortest run of untagged blocks just before it (up to <see cref="LongestChain"/>)
/// as a session, when that session passes every block in it, twice with the same output, and each earlier block
/// prints in it exactly what it printed alone, so joining never changes an earlier block's verdict. A block already
/// in a chain brings its whole chain along: chains never overlap.
/// </summary>
internal static partial class SessionInference
{
    /// <summary>The most earlier blocks a chain joins to the block that needs them.</summary>
    public const int LongestChain = 5;

    /// <summary>What <c>adopt</c> knows of one untagged block before chains are tried.</summary>
    /// <param name="Tags">The tags it compiles with alone, or those of its last failed try.</param>
    /// <param name="Passes">It passed alone.</param>
    /// <param name="AloneOutput">What it printed alone (two runs alike); null when it did not run so.</param>
    /// <param name="NeedsEarlier">It fails alone on unknown names only (CS0103, CS0246, CS1061).</param>
    /// <param name="Runs">It has statements or a <c>Main</c>: <c>run</c> in a chain, else <c>compile</c>.</param>
    public sealed record Block(
        PreparedDocument Document, Snippet Snippet, SnippetTags Tags, bool Passes, string? AloneOutput, bool NeedsEarlier, bool Runs)
    {
        /// <summary>
        /// Its page with the doc set's models as a prelude, when its tags use them (a base class's model): what a session
        /// of it is tried on.
        /// </summary>
        public PreparedDocument? WithModels { get; init; }

        /// <summary>It fails alone on names only, a namespace's too (CS0234): what a session of the whole page may give it.</summary>
        public bool NeedsNames { get; init; }
    }

    /// <summary>A chain that passes: its blocks in document order, tagged for it, and what each printed in both runs.</summary>
    public sealed record Chain(PreparedDocument Document, IReadOnlyList<Snippet> Blocks, IReadOnlyList<string?> Outputs)
    {
        public bool Holds(Snippet snippet) => Blocks.Any(b => b.Location == snippet.Location);
    }

    /// <summary>Whether a failure is only names the block does not declare: what an earlier block might.</summary>
    public static bool IsUnknownNamesOnly(SnippetResult failed) =>
        failed.Status == SnippetStatus.Failed && failed.Diagnostics.Any(d => d.IsError) &&
        failed.Diagnostics.Where(d => d.IsError).All(d => d.Id is "CS0103" or "CS0246" or "CS1061");

    /// <param name="blocks">Every untagged block of the documents, in document order.</param>
    public static async Task<IReadOnlyList<Chain>> FindAsync(IBlockTrials verifier, IReadOnlyList<Block> blocks, CancellationToken cancellationToken)
    {
        var accepted = new List<Chain>();
        var pending = blocks.Where(b => b.NeedsEarlier).ToList();
        for (var length = 1; length <= LongestChain && pending.Count > 0; length++)
        {
            var candidates = new List<(Block Target, IReadOnlyList<Block> Members)>();
            foreach (var target in pending)
            {
                // A block that fails alone for any other reason (a fragment) would fail every chain: chains pass over it.
                var before = blocks.Where(b => b.Document == target.Document && b.Snippet.Location.Line < target.Snippet.Location.Line &&
                    (b.Passes || b.NeedsEarlier || accepted.Any(c => c.Holds(b.Snippet)))).ToList();
                if (before.Count < length) continue;
                var start = before.Count - length;
                // A block already in a chain brings the whole chain along.
                while (accepted.FirstOrDefault(c => c.Document == target.Document && c.Holds(before[start].Snippet)) is { } chain &&
                       before.FindIndex(b => b.Snippet.Location == chain.Blocks[0].Location) is var chainStart && chainStart < start)
                {
                    start = chainStart;
                }
                candidates.Add((target, WithPageClassNamed([.. before.Skip(start), target], PageTypes(blocks, target.Document))));
            }
            await AcceptAsync(verifier, candidates, accepted, cancellationToken).ConfigureAwait(false);
            pending.RemoveAll(p => accepted.Any(c => c.Holds(p.Snippet)));
        }
        await WithDeclarationsAnywhereAsync(verifier, blocks, pending, accepted, cancellationToken).ConfigureAwait(false);
        await PageSessionTrial.AddAsync(verifier, blocks, accepted, cancellationToken).ConfigureAwait(false);
        return Named(accepted);
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

    /// <summary>
    /// A page's class, then its use: a block of bare base-class statements
    /// (<c>base=AbstractValidator&lt;Person&gt;</c>) before blocks that construct a class by a name the page declares
    /// nowhere (<c>new PersonValidator()</c>, no argument, as the statements are a constructor without parameters) is that
    /// class, named so (<c>base=PersonValidator:…</c>). The name must share a word with the base class's (<c>Validator</c>),
    /// and be the only such name; the last such block takes it.
    /// Whether it is that class is for the session to say: the later blocks' calls on it must bind to the base class.
    /// </summary>
    private static IReadOnlyList<Block> WithPageClassNamed(IReadOnlyList<Block> members, IReadOnlySet<string> pageTypes)
    {
        var index = members.ToList().FindLastIndex(
            m => !m.Tags.Members && m.Tags.Base is { } b && TagParser.SplitBase(b).Name is null);
        if (index < 0) return members;
        var baseType = members[index].Tags.Base!;
        var words = Words(SyntaxFactory.ParseTypeName(baseType) switch
        {
            QualifiedNameSyntax q => q.Right.Identifier.ValueText,
            SimpleNameSyntax n => n.Identifier.ValueText,
            _ => "",
        }).Except(["Abstract", "Base"], StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal);
        var names = members.Skip(index + 1)
            .SelectMany(m => CSharpSyntaxTree.ParseText(string.Join('\n', m.Snippet.Code.Select(l => l.Text)), Syntax).GetRoot()
                .DescendantNodes().OfType<ObjectCreationExpressionSyntax>())
            .Where(c => c.Type is IdentifierNameSyntax && c.ArgumentList is null or { Arguments.Count: 0 })
            .Select(c => ((IdentifierNameSyntax)c.Type).Identifier.ValueText)
            .Where(n => !pageTypes.Contains(n) && Words(n).Any(words.Contains)).Distinct(StringComparer.Ordinal).ToList();
        if (names is not [var name]) return members;
        var named = members[index] with { Tags = members[index].Tags with { Base = $"{name}:{baseType}" } };
        return [.. members.Take(index), named, .. members.Skip(index + 1)];
    }

    /// <summary>The words of a PascalCase name of four letters or more: <c>PersonValidator</c> is Person and Validator.</summary>
    private static IEnumerable<string> Words(string name) =>
        System.Text.RegularExpressions.Regex.Matches(name, "[A-Z][a-z0-9]+").Select(m => m.Value).Where(w => w.Length >= 4);

    /// <summary>The types the blocks of <paramref name="document"/> declare.</summary>
    private static IReadOnlySet<string> PageTypes(IReadOnlyList<Block> blocks, PreparedDocument document) =>
        blocks.Where(b => b.Document == document).SelectMany(b => Read(b.Snippet).Types).ToHashSet(StringComparer.Ordinal);

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

    /// <summary>
    /// The chains with the session names they are written with: <c>adopt-1</c>, <c>adopt-2</c>, ... in each file, past the names it uses.
    /// </summary>
    private static IReadOnlyList<Chain> Named(IReadOnlyList<Chain> chains)
    {
        var named = new List<Chain>();
        foreach (var document in chains.GroupBy(c => c.Document))
        {
            var taken = document.Key.Snippets.Snippets.Select(s => s.Tags.Session).OfType<string>().ToHashSet(StringComparer.Ordinal);
            var number = 0;
            foreach (var chain in document.OrderBy(c => c.Blocks[0].Location.Line))
            {
                string name;
                do name = $"adopt-{++number}"; while (taken.Contains(name));
                named.Add(chain with { Blocks = [.. chain.Blocks.Select(b => b with { Tags = b.Tags with { Session = name } })] });
            }
        }
        return named;
    }
}
