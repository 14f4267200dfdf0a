using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SnippetCheck.Adoption.Inference.Classes;

/// <summary>
/// The type arguments an inferred generic base class of a <c>members</c> block is tried with (as the enclosing
/// class). FastEndpoints' docs show <c>public override async Task HandleAsync(MyRequest req, CancellationToken ct)</c>
/// of a class over <c>Endpoint&lt;TRequest, TResponse&gt;</c> they never show: an argument the block's overrides name
/// (the base's <c>HandleAsync(TRequest req, …)</c>, <c>Task&lt;TResponse&gt; ExecuteAsync</c>) is taken as written; one
/// they do not name is a model of the block's own page whose name ends as the parameter's does (<c>TResponse</c>:
/// <c>MyResponse</c>), then <c>object</c>. The compile decides between them: the page's model then binds what the block
/// reads of it, so a misspelt member fails, and no model is invented.
/// </summary>
internal static class BaseTypeArguments
{
    /// <summary>The most ways one base class is tried with.</summary>
    private const int MaxWays = 3;

    /// <summary>One way to close the base: its name with arguments, and the models' namespaces it needs.</summary>
    public sealed record Way(string Base, IReadOnlyList<string> Usings);

    /// <summary>
    /// The ways <paramref name="type"/> is tried as the base of a block of <paramref name="members"/>, most likely first;
    /// <paramref name="unknownTypes"/> are the block's unknown type names, each found in <paramref name="pageModels"/>
    /// (its own page's) before <paramref name="docSetModels"/>.
    /// </summary>
    public static IReadOnlyList<Way> For(INamedTypeSymbol type, IReadOnlyList<MemberDeclarationSyntax> members, IReadOnlyList<string> unknownTypes,
        IReadOnlyList<DocModels.Model> pageModels, IReadOnlyList<DocModels.Model> docSetModels)
    {
        var bound = Bound(type, members);
        var choices = type.TypeParameters.Select(p => bound.TryGetValue(p, out var written)
            ? new List<string> { Flat(written) }
            : pageModels.Where(m => p.Name.Length > 1 && m.Name.EndsWith(p.Name[1..], StringComparison.Ordinal))
                .Select(m => m.Name).Distinct(StringComparer.Ordinal).Append("object").ToList()).ToList();
        var ways = new List<(string Base, int Rank, IReadOnlyList<string> Names)>();
        foreach (var arguments in Combinations(choices))
        {
            var text = arguments.Count == 0 ? type.Name : $"{type.Name}<{string.Join(',', arguments.Select(a => a.Text))}>";
            ways.Add((text, arguments.Sum(a => a.Rank), [.. arguments.Select(a => a.Text)]));
        }
        return [.. ways.OrderBy(w => w.Rank).Take(MaxWays).Select(w => new Way(w.Base, [.. unknownTypes.Concat(w.Names)
            .Select(n => NamespaceOf(n, pageModels, docSetModels)).OfType<string>().Distinct(StringComparer.Ordinal)]))];
    }

    /// <summary>The namespace of the model named <paramref name="name"/>: its own page's, else the doc set's first; null when none.</summary>
    private static string? NamespaceOf(string name, IReadOnlyList<DocModels.Model> pageModels, IReadOnlyList<DocModels.Model> docSetModels) =>
        (pageModels.FirstOrDefault(m => m.Name == name)
            ?? docSetModels.OrderBy(m => m.Page, StringComparer.Ordinal).FirstOrDefault(m => m.Name == name))?.Namespace;

    /// <summary>Each choice of one argument per parameter, with the sum of the choices' ranks.</summary>
    private static IEnumerable<IReadOnlyList<(string Text, int Rank)>> Combinations(IReadOnlyList<List<string>> choices)
    {
        IEnumerable<IReadOnlyList<(string Text, int Rank)>> ways = [[]];
        foreach (var choice in choices)
            ways = ways.SelectMany(w => choice.Select((text, rank) => (IReadOnlyList<(string, int)>)[.. w, (text, rank)])).ToList();
        return ways;
    }

    /// <summary>A written type as a <c>base=</c> value takes it: without white space (<c>Results&lt;Ok&lt;R&gt;,NotFound&gt;</c>).</summary>
    private static string Flat(TypeSyntax written) => string.Concat(written.ToString().Where(c => !char.IsWhiteSpace(c)));

    /// <summary>
    /// The base's type parameters the block's overrides name: where the base's method (found by name and parameter
    /// count) has a type parameter, the override's written type; within generic types alike on both sides too.
    /// </summary>
    private static Dictionary<ITypeParameterSymbol, TypeSyntax> Bound(INamedTypeSymbol type, IReadOnlyList<MemberDeclarationSyntax> members)
    {
        var bound = new Dictionary<ITypeParameterSymbol, TypeSyntax>(SymbolEqualityComparer.Default);
        foreach (var method in members.OfType<MethodDeclarationSyntax>().Where(m => m.Modifiers.Any(SyntaxKind.OverrideKeyword)))
        {
            var written = method.ParameterList.Parameters;
            for (var t = type; t is not null; t = t.BaseType)
            {
                var name = method.Identifier.ValueText;
                foreach (var baseMethod in t.GetMembers(name).OfType<IMethodSymbol>().Where(m => m.Parameters.Length == written.Count))
                {
                    for (var i = 0; i < written.Count; i++)
                    {
                        if (written[i].Type is { } parameterType) Match(type, baseMethod.Parameters[i].Type, parameterType, bound);
                    }
                    Match(type, baseMethod.ReturnType, method.ReturnType, bound);
                }
            }
        }
        return bound;
    }

    private static void Match(INamedTypeSymbol type, ITypeSymbol declared, TypeSyntax written, Dictionary<ITypeParameterSymbol, TypeSyntax> bound)
    {
        if (declared is ITypeParameterSymbol parameter && type.TypeParameters.Contains(parameter, SymbolEqualityComparer.Default))
        {
            bound.TryAdd(parameter, written);
            return;
        }
        var generic = written switch
        {
            GenericNameSyntax name => name,
            QualifiedNameSyntax { Right: GenericNameSyntax right } => right,
            _ => null,
        };
        if (declared is INamedTypeSymbol { IsGenericType: true } named && generic is not null && generic.Identifier.ValueText == named.Name
            && generic.TypeArgumentList.Arguments.Count == named.TypeArguments.Length)
        {
            var writtenArguments = generic.TypeArgumentList.Arguments;
            for (var i = 0; i < named.TypeArguments.Length; i++) Match(type, named.TypeArguments[i], writtenArguments[i], bound);
        }
    }
}
