using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using SnippetCheck.Extraction.Snippets;

namespace SnippetCheck.Adoption.Inference.Classes;

/// <summary>
/// Where a stub's member is read (<see cref="StubModels"/>): the Markdown lines an error of its type lands on, so that a
/// failing try retypes the members whose lines fail and no other. A statement that reads one member is its lines, cut before
/// a block it holds (<c>When(x =&gt; x.IsPreferred, () =&gt; { ... })</c>: the first line only). A chain that reads several
/// (<c>new Faker&lt;Order&gt;().RuleFor(o =&gt; o.OrderId, …).RuleFor(o =&gt; o.Item, …)</c>) is cut where each read's call starts,
/// so each member holds its own call and the calls chained after it, up to the next member's.
/// </summary>
internal static class StubMemberLines
{
    /// <summary>Each of <paramref name="members"/> (<c>Type.Member</c>) with the Markdown lines of its reads in the block.</summary>
    public static Dictionary<string, IReadOnlySet<int>> Of(CompilationUnitSyntax root, Snippet snippet, IReadOnlyList<string> members)
    {
        var names = members.Select(StubModels.MemberOf).ToHashSet(StringComparer.Ordinal);
        var reads = Reads(root, names).ToList();
        var text = root.SyntaxTree.GetText();
        var byName = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        foreach (var read in reads)
        {
            var inStatement = reads.Where(r => r.Statement == read.Statement).ToList();
            var at = inStatement.IndexOf(read);
            var start = at == 0 ? read.Statement.SpanStart : CallStart(read.Node);
            var next = inStatement.Skip(at + 1).FirstOrDefault(r => r.Name != read.Name);
            // Up to the token before the next member's call: a chain's '.RuleFor' line is that member's, not this one's too.
            var beforeNext = next.Node is null ? read.Statement.Span.End : root.FindToken(CallStart(next.Node)).GetPreviousToken().Span.End;
            var end = Math.Max(beforeNext, read.Node.Span.End);
            if (read.Statement.DescendantNodes().OfType<BlockSyntax>().FirstOrDefault(b => b.SpanStart > read.Node.Span.End) is { } block)
                end = Math.Min(end, block.SpanStart);
            var span = text.Lines.GetLinePositionSpan(TextSpan.FromBounds(Math.Min(start, end), end));
            var lines = byName.TryGetValue(read.Name, out var known) ? known : byName[read.Name] = [];
            lines.UnionWith(Enumerable.Range(span.Start.Line, span.End.Line - span.Start.Line + 1).Where(i => i < snippet.Code.Count)
                .Select(i => snippet.Code[i].Line));
        }
        IReadOnlySet<int> LinesOf(string member) => byName.GetValueOrDefault(StubModels.MemberOf(member)) ?? [];
        return members.ToDictionary(m => m, LinesOf, StringComparer.Ordinal);
    }

    /// <summary>
    /// The reads of <paramref name="names"/> in the block, in order: off a name (<c>x.Surname</c>, <c>order.Item</c>) or set in
    /// an object initializer (<c>new Order { Item = … }</c>), each with its statement (or member, when in none).
    /// </summary>
    private static IEnumerable<(SyntaxNode Node, string Name, SyntaxNode Statement)> Reads(CompilationUnitSyntax root, IReadOnlySet<string> names)
    {
        foreach (var node in root.DescendantNodes())
        {
            var name = node switch
            {
                MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax } access => access.Name.Identifier.ValueText,
                AssignmentExpressionSyntax { Parent: InitializerExpressionSyntax, Left: IdentifierNameSyntax left } => left.Identifier.ValueText,
                _ => null,
            };
            if (name is null || !names.Contains(name)) continue;
            var statement = node.Ancestors().FirstOrDefault(a => a is StatementSyntax and not BlockSyntax or MemberDeclarationSyntax) ?? root;
            yield return (node, name, statement);
        }
    }

    /// <summary>Where the call whose arguments hold <paramref name="read"/> starts: its <c>.Name</c> in a chain, else the call itself.</summary>
    private static int CallStart(SyntaxNode read)
    {
        var call = read.Ancestors().OfType<ArgumentListSyntax>().FirstOrDefault()?.Parent as InvocationExpressionSyntax;
        return call?.Expression is MemberAccessExpressionSyntax access ? access.OperatorToken.SpanStart : call?.SpanStart ?? read.SpanStart;
    }
}
