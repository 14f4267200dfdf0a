using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SnippetCheck.Extraction.Snippets;

namespace SnippetCheck.Programs;

/// <summary>
/// The names a post's C# blocks declare, read from their syntax alone: types, members (methods, properties, fields,
/// events, local functions, enum values) and namespaces, what "declares" means to every rule. A <c>check</c> block never
/// tolerates one of them as unknown: a type or member the post declares elsewhere is one the block should see (a
/// session), not one the post leaves to the reader. A local or a parameter of another block is not among them: it
/// belongs to that block's own code (<c>var c = ...</c> in one block says nothing of a <c>c</c> in the next).
/// </summary>
internal static class PostDeclarations
{
    private static readonly ConditionalWeakTable<Snippet, IReadOnlySet<string>> ByBlock = new();

    private static readonly ConditionalWeakTable<Snippet, IReadOnlySet<string>> TypesByBlock = new();

    /// <summary>The names every C# block of <paramref name="document"/> but <paramref name="block"/> declares.</summary>
    public static IReadOnlySet<string> Besides(SnippetDocument document, Snippet block, CSharpParseOptions options)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var other in document.Snippets.Where(s => !ReferenceEquals(s, block)))
            names.UnionWith(ByBlock.GetValue(other, s => DeclaredIn(s, options)));
        return names;
    }

    /// <summary>
    /// The types (classes, structs, records, interfaces, enums, delegates) every C# block of <paramref name="document"/> but
    /// <paramref name="block"/> declares: what an attribute's name can be (<c>[Get(…)]</c> names a class, never the post's
    /// method <c>Get</c>).
    /// </summary>
    public static IReadOnlySet<string> TypesBesides(SnippetDocument document, Snippet block, CSharpParseOptions options)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var other in document.Snippets.Where(s => !ReferenceEquals(s, block)))
            names.UnionWith(TypesByBlock.GetValue(other, s => CSharpSyntaxTree.ParseText(string.Join('\n', s.Code.Select(l => l.Text)), options)
                .GetRoot().DescendantNodes().Select(n => n switch
                {
                    BaseTypeDeclarationSyntax type => type.Identifier.ValueText,
                    DelegateDeclarationSyntax @delegate => @delegate.Identifier.ValueText,
                    _ => "",
                }).Where(n => n.Length > 0).ToHashSet(StringComparer.Ordinal)));
        return names;
    }

    private static HashSet<string> DeclaredIn(Snippet block, CSharpParseOptions options)
    {
        var tree = CSharpSyntaxTree.ParseText(string.Join('\n', block.Code.Select(l => l.Text)), options);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in tree.GetRoot().DescendantNodes())
        {
            var declared = node switch
            {
                BaseTypeDeclarationSyntax type => type.Identifier,
                DelegateDeclarationSyntax @delegate => @delegate.Identifier,
                // A signature with no body ('public static string Humanize(this DateTime input, …)') lists a package's
                // method, which the post calls but never declares.
                MethodDeclarationSyntax method when !IsSignatureOnly(method) => method.Identifier,
                PropertyDeclarationSyntax property => property.Identifier,
                EventDeclarationSyntax @event => @event.Identifier,
                EnumMemberDeclarationSyntax member => member.Identifier,
                VariableDeclaratorSyntax { Parent.Parent: BaseFieldDeclarationSyntax } field => field.Identifier,
                LocalFunctionStatementSyntax function when function.Body is not null || function.ExpressionBody is not null => function.Identifier,
                _ => default,
            };
            if (declared.ValueText.Length > 0) names.Add(declared.ValueText);
            if (node is BaseNamespaceDeclarationSyntax space)
                names.UnionWith(space.Name.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Select(n => n.Identifier.ValueText));
        }
        return names;
    }

    private static bool IsSignatureOnly(MethodDeclarationSyntax method) =>
        method.Body is null && method.ExpressionBody is null && method.Parent is not InterfaceDeclarationSyntax
        && !method.Modifiers.Any(
            m => m.IsKind(SyntaxKind.AbstractKeyword) || m.IsKind(SyntaxKind.ExternKeyword) || m.IsKind(SyntaxKind.PartialKeyword));
}
