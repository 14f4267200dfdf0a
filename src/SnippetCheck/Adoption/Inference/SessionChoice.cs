using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SnippetCheck.Extraction.Snippets;
using SnippetCheck.Model;
using SnippetCheck.Programs;
using SnippetCheck.Results;

namespace SnippetCheck.Adoption.Inference;

/// <summary>
/// Which blocks a session joins (the rules of <c>Trials/SessionTrials</c>, which tries them): a block that fails
/// alone only on unknown names gets the shortest run of untagged blocks just before it (up to <see cref="LongestChain"/>),
/// a block already in a chain bringing its whole chain along; failing that, the blocks of its page that declare what it
/// uses (<c>SessionChoice.Declarations.cs</c>). What a chain is named, and a page's class named by its later use, are
/// decided here too. Nothing here compiles or runs a block.
/// </summary>
internal static partial class SessionChoice
{
    /// <summary>The most earlier blocks a chain joins to the block that needs them.</summary>
    public const int LongestChain = 5;

    /// <summary>What <c>adopt</c> knows of one untagged block before chains are tried.</summary>
    /// <param name="Tags">The tags it compiles with alone, or those of its last failed try.</param>
    /// <param name="Passes">It passed alone.</param>
    /// <param name="AloneOutput">What it printed alone (two runs alike); null when it did not run so.</param>
    /// <param name="NeedsEarlier">It fails alone on unknown names only (<see cref="UnknownNames.OrMember"/>).</param>
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
        failed.Diagnostics.Where(d => d.IsError).All(d => UnknownNames.OrMember.Contains(d.Id));

    /// <summary>
    /// The chain of <paramref name="length"/> earlier blocks tried for <paramref name="target"/>, then the target, or null
    /// when fewer stand before it. Only blocks that pass alone, fail on unknown names or are in an accepted chain count: a
    /// block that fails alone for any other reason (a fragment) would fail every chain, so chains pass over it. A block
    /// already in a chain brings the whole chain along.
    /// </summary>
    public static IReadOnlyList<Block>? Earlier(IReadOnlyList<Block> blocks, Block target, int length, IReadOnlyList<Chain> accepted)
    {
        var before = blocks.Where(b => b.Document == target.Document && b.Snippet.Location.Line < target.Snippet.Location.Line &&
            (b.Passes || b.NeedsEarlier || accepted.Any(c => c.Holds(b.Snippet)))).ToList();
        if (before.Count < length) return null;
        var start = before.Count - length;
        while (accepted.FirstOrDefault(c => c.Document == target.Document && c.Holds(before[start].Snippet)) is { } chain &&
               before.FindIndex(b => b.Snippet.Location == chain.Blocks[0].Location) is var chainStart && chainStart < start)
        {
            start = chainStart;
        }
        return WithPageClassNamed([.. before.Skip(start), target], PageTypes(blocks, target.Document));
    }

    /// <summary>
    /// A page's class, then its use: a block of bare base-class statements
    /// (<c>base=AbstractValidator&lt;Person&gt;</c>) before blocks that construct a class by a name the page declares
    /// nowhere (<c>new PersonValidator()</c>, no argument, as the statements are a constructor without parameters) is that
    /// class, named so (<c>base=PersonValidator:…</c>). The name must share a word with the base class's (<c>Validator</c>),
    /// and be the only such name; the last such block takes it.
    /// Whether it is that class is for the session to say: the later blocks' calls on it must bind to the base class.
    /// </summary>
    public static IReadOnlyList<Block> WithPageClassNamed(IReadOnlyList<Block> members, IReadOnlySet<string> pageTypes)
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

    /// <summary>
    /// The chains with the session names they are written with: <c>adopt-1</c>, <c>adopt-2</c>, ... in each file, past the names it uses.
    /// </summary>
    public static IReadOnlyList<Chain> Named(IReadOnlyList<Chain> chains)
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
