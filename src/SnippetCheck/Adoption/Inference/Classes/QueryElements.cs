using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SnippetCheck.Extraction.Snippets;
using SnippetCheck.Programs;
using SnippetCheck.Results;

namespace SnippetCheck.Adoption.Inference.Classes;

/// <summary>
/// The element types of a block's queries and the members its range variables read (the rules of
/// <c>Trials/QueryStubs</c>, which tries the stubs): which blocks get stubs of them at the <c>check</c> level, and with
/// what members. Never a type a reference, a model or the page declares, never a stub member named like a name the block
/// calls.
/// </summary>
internal static class QueryElements
{
    /// <summary>The collections whose element type a stub may stand for (<c>List&lt;T&gt;</c>, <c>IEnumerable&lt;T&gt;</c>, …), arrays too.</summary>
    private static readonly HashSet<string> Collections =
        new(["List", "IList", "IEnumerable", "ICollection", "IReadOnlyList", "IReadOnlyCollection", "IQueryable"], StringComparer.Ordinal);

    /// <summary>
    /// The stub requests of the blocks of <paramref name="failing"/> that query values of a type nothing declares, each
    /// tried at the <c>check</c> level (as <c>members</c> when it declares members) with the stubs' namespace imported.
    /// </summary>
    public static List<StubModels.Request> Requests(DocModels models, IReadOnlyList<(PreparedDocument Document, Snippet Snippet)> failing)
    {
        var requests = new List<StubModels.Request>();
        foreach (var post in failing.GroupBy(f => f.Document))
        {
            var document = models.Around(post.Key);
            var pageDeclares = RotEvidence.DeclaredNames(string.Join('\n', post.Key.Blocks.SelectMany(s => s.Code).Select(l => l.Text)));
            foreach (var (_, snippet) in post)
            {
                var settings = document.SettingsFor(snippet);
                var root = CSharpSyntaxTree.ParseText(string.Join('\n', snippet.Code.Select(l => l.Text)), settings.ParseOptions)
                    .GetCompilationUnitRoot();
                var (read, lists) = ElementReads(root);
                if (read.Count == 0 || read.Keys.Any(t => UsingInference.NamespacesOf(t, settings.References, []).Count > 0
                    || models.Types.Any(m => m.Name == t) || pageDeclares.Contains(t))) continue;
                var members = read.SelectMany(r => r.Value.Select(m => $"{r.Key}.{m}")).ToList();
                if (!StubModels.NoneCalled(root, [.. members.Concat(lists.Keys).Select(StubModels.MemberOf)])) continue;
                var ns = StubModels.NamespaceFor(snippet.Location);
                var asMembers = snippet.Tags.Members || root.Members.Any(m => m is BaseMethodDeclarationSyntax or BasePropertyDeclarationSyntax
                    or BaseFieldDeclarationSyntax);
                requests.Add(new(document, snippet with { Tags = snippet.Tags with
                {
                    Kind = SnippetKind.Check, Members = asMembers, Usings = [.. snippet.Tags.Usings.Append(ns).Distinct(StringComparer.Ordinal)],
                } }, [.. read.Keys], ns, root, members) { Lists = lists });
            }
        }
        return requests;
    }

    /// <summary>
    /// The element types of the block's queries over its own locals and parameters of a collection of a PascalCase type
    /// (<c>List&lt;Product&gt; products</c>: <c>Product</c>), each with the members its range variables read
    /// (<c>p.UnitsInStock</c>); empty when the block has no such query. A range over a plural member of another range
    /// variable (<c>from o in c.Orders</c>) is over a list of its singular (<c>Order</c>): that member goes to
    /// <c>Lists</c> with its type (<c>Customer.Orders</c>: <c>List&lt;Order&gt;</c>), not to the members typed by trial.
    /// </summary>
    public static (Dictionary<string, HashSet<string>> Reads, Dictionary<string, string> Lists) ElementReads(CompilationUnitSyntax root)
    {
        var declared = root.DescendantNodes().Select(n => n switch
        {
            VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax declaration } variable =>
                (Name: variable.Identifier.ValueText, declaration.Type),
            ParameterSyntax { Type: { } type } parameter => (Name: parameter.Identifier.ValueText, Type: type),
            _ => default((string? Name, TypeSyntax? Type)),
        }).Where(d => d.Name is not null).GroupBy(d => d.Name!).Where(g => g.Count() == 1)
            .ToDictionary(g => g.Key, g => ElementOf(g.First().Type), StringComparer.Ordinal);
        var reads = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var lists = new Dictionary<string, string>(StringComparer.Ordinal);
        // Range variables with their element types, outer queries first (a nested query reads its outer one's).
        var ranged = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var query in root.DescendantNodes().OfType<QueryExpressionSyntax>())
        {
            var ranges = query.Body.Clauses.OfType<FromClauseSyntax>().Prepend(query.FromClause)
                .Select(f => (f.Identifier.ValueText, f.Expression))
                .Concat(query.Body.Clauses.OfType<JoinClauseSyntax>().Select(j => (j.Identifier.ValueText, j.InExpression)));
            foreach (var (range, source) in ranges)
            {
                if (ElementOfSource(source, declared, ranged) is not var (element, list)) continue;
                if (list is { } member) lists[member] = $"System.Collections.Generic.List<{element}>";
                ranged[range] = element;
                var members = reads.TryGetValue(element, out var known) ? known : reads[element] = new(StringComparer.Ordinal);
                members.UnionWith(query.DescendantNodes().OfType<MemberAccessExpressionSyntax>()
                    .Where(a => a.Expression is IdentifierNameSyntax id && id.Identifier.ValueText == range
                        && a.Parent is not InvocationExpressionSyntax)
                    .Select(a => a.Name.Identifier.ValueText));
            }
        }
        foreach (var member in lists.Keys) reads[StubModels.TypeOf(member)].Remove(StubModels.MemberOf(member));
        return (reads, lists);
    }

    /// <summary>
    /// The element type a query's range reads: a local's (<see cref="ElementOf"/>), or the singular of a plural member of a
    /// range variable (<c>c.Orders</c>: <c>Order</c>, with the member as <c>Customer.Orders</c>); null for any other source.
    /// </summary>
    private static (string Element, string? List)? ElementOfSource(
        ExpressionSyntax source, Dictionary<string, string?> declared, Dictionary<string, string> ranged)
    {
        if (source is IdentifierNameSyntax name)
            return declared.GetValueOrDefault(name.Identifier.ValueText) is { } element ? (element, null) : null;
        if (source is not MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax outer, Name: IdentifierNameSyntax plural }
            || ranged.GetValueOrDefault(outer.Identifier.ValueText) is not { } owner) return null;
        var member = plural.Identifier.ValueText;
        var singular = member.EndsWith("ies", StringComparison.Ordinal) ? member[..^3] + "y"
            : member.EndsWith('s') && !member.EndsWith("ss", StringComparison.Ordinal) ? member[..^1] : null;
        return singular is [>= 'A' and <= 'Z', _, ..] && singular != owner ? (singular, $"{owner}.{member}") : null;
    }

    /// <summary><c>T</c> of <c>List&lt;T&gt;</c>, the other <see cref="Collections"/> or <c>T[]</c>, when a PascalCase name; else null.</summary>
    private static string? ElementOf(TypeSyntax? type)
    {
        var element = type switch
        {
            GenericNameSyntax { TypeArgumentList.Arguments: [var argument] } generic
                when Collections.Contains(generic.Identifier.ValueText) => argument,
            ArrayTypeSyntax { RankSpecifiers.Count: 1 } array => array.ElementType,
            _ => null,
        };
        return element is IdentifierNameSyntax { Identifier.ValueText: [>= 'A' and <= 'Z', _, ..] name } ? name : null;
    }
}
