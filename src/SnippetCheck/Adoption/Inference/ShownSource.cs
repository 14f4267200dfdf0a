using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SnippetCheck.Compilation;
using SnippetCheck.Extraction.Snippets;

namespace SnippetCheck.Adoption.Inference;

/// <summary>
/// A type a post declares that is the framework's own source shown, not the post's own type: a post on <c>Stopwatch</c>
/// quotes its reference source (<c>public class Stopwatch { public static readonly long Frequency; … }</c>), then calls
/// <c>Stopwatch.GetTimestamp()</c> meaning the framework's. Read from syntax and the framework's symbols alone: every
/// declaration of the name on the page is a type of the framework type's kind and arity, each of its visible members is
/// one the framework type has (by name, kind, static-ness, and a method's or constructor's parameter count), and one
/// visible member at least is declared. A docs' own <c>ICommand { void Execute(); }</c> is not System.Windows.Input's.
/// </summary>
internal static class ShownSource
{
    /// <summary>
    /// True when every declaration of <paramref name="name"/> in <paramref name="document"/>'s blocks but
    /// <paramref name="block"/> mirrors the one framework type of that name in <paramref name="home"/>.
    /// </summary>
    public static bool OfFrameworkType(
        SnippetDocument document, Snippet block, string name, string home, ImmutableArray<MetadataReference> references, CSharpParseOptions options)
    {
        var declarations = new List<BaseTypeDeclarationSyntax>();
        foreach (var other in document.Snippets.Where(s => !ReferenceEquals(s, block)))
        {
            var root = CSharpSyntaxTree.ParseText(string.Join('\n', other.Code.Select(l => l.Text)), options).GetRoot();
            foreach (var node in root.DescendantNodes())
            {
                if (node is BaseTypeDeclarationSyntax type && type.Identifier.ValueText == name) declarations.Add(type);
                // A method, field or property of that name is the post's own, whatever its types are.
                else if (DeclaresOtherThanAType(node, name)) return false;
            }
        }
        if (declarations.Count == 0) return false;
        var compilation = SnippetCompiler.BaseFor(references);
        var mirrored = 0;
        foreach (var declaration in declarations)
        {
            var arity = (declaration as TypeDeclarationSyntax)?.TypeParameterList?.Parameters.Count ?? 0;
            var framework = compilation.GetTypeByMetadataName(home + "." + name + (arity > 0 ? $"`{arity}" : ""));
            if (framework is null || framework.DeclaredAccessibility != Accessibility.Public || KindOf(declaration) != framework.TypeKind
                || compilation.GetMetadataReference(framework.ContainingAssembly) is not { } reference || !CheckLevel.IsFramework(reference))
                return false;
            foreach (var member in Visible(declaration))
            {
                if (!Mirrors(member, framework)) return false;
                mirrored++;
            }
        }
        return mirrored > 0;
    }

    private static bool DeclaresOtherThanAType(SyntaxNode node, string name) => node switch
    {
        MethodDeclarationSyntax method => method.Identifier.ValueText == name,
        PropertyDeclarationSyntax property => property.Identifier.ValueText == name,
        EventDeclarationSyntax @event => @event.Identifier.ValueText == name,
        VariableDeclaratorSyntax variable => variable.Identifier.ValueText == name,
        LocalFunctionStatementSyntax function => function.Identifier.ValueText == name,
        DelegateDeclarationSyntax @delegate => @delegate.Identifier.ValueText == name,
        EnumMemberDeclarationSyntax value => value.Identifier.ValueText == name,
        _ => false,
    };

    /// <summary>The members a reader of the type sees: public or protected ones, every member of an interface or enum.</summary>
    private static IEnumerable<MemberDeclarationSyntax> Visible(BaseTypeDeclarationSyntax declaration) => declaration switch
    {
        EnumDeclarationSyntax @enum => @enum.Members,
        InterfaceDeclarationSyntax @interface => @interface.Members.Where(m => !m.Modifiers.Any(SyntaxKind.PrivateKeyword)),
        TypeDeclarationSyntax type => type.Members.Where(
            m => m.Modifiers.Any(SyntaxKind.PublicKeyword) || m.Modifiers.Any(SyntaxKind.ProtectedKeyword)),
        _ => [],
    };

    /// <summary>The framework type (or a base of it) has the member as declared; a kind of member not read here mirrors nothing.</summary>
    private static bool Mirrors(MemberDeclarationSyntax member, INamedTypeSymbol framework)
    {
        var isStatic = member.Modifiers.Any(SyntaxKind.StaticKeyword) || member.Modifiers.Any(SyntaxKind.ConstKeyword);
        IEnumerable<ISymbol> Named(string name) => WithBases(framework).SelectMany(t => t.GetMembers(name))
            .Where(s => s.DeclaredAccessibility is Accessibility.Public or Accessibility.Protected or Accessibility.ProtectedOrInternal);
        return member switch
        {
            MethodDeclarationSyntax method => Named(method.Identifier.ValueText).OfType<IMethodSymbol>()
                .Any(m => m.IsStatic == isStatic && m.Parameters.Length == method.ParameterList.Parameters.Count),
            ConstructorDeclarationSyntax constructor => !isStatic && framework.InstanceConstructors.Any(c =>
                c.DeclaredAccessibility is Accessibility.Public or Accessibility.Protected
                && c.Parameters.Length == constructor.ParameterList.Parameters.Count),
            PropertyDeclarationSyntax property => Named(property.Identifier.ValueText).Any(s => s is IPropertySymbol or IFieldSymbol
                && s.IsStatic == isStatic),
            FieldDeclarationSyntax field => field.Declaration.Variables.All(v => Named(v.Identifier.ValueText).Any(
                s => s is IFieldSymbol or IPropertySymbol && s.IsStatic == isStatic)),
            EventFieldDeclarationSyntax @event => @event.Declaration.Variables.All(v => Named(v.Identifier.ValueText).OfType<IEventSymbol>()
                .Any(e => e.IsStatic == isStatic)),
            EventDeclarationSyntax @event => Named(@event.Identifier.ValueText).OfType<IEventSymbol>().Any(e => e.IsStatic == isStatic),
            EnumMemberDeclarationSyntax value => framework.GetMembers(value.Identifier.ValueText).OfType<IFieldSymbol>().Any(),
            BaseTypeDeclarationSyntax nested => framework.GetTypeMembers(nested.Identifier.ValueText).Any(),
            _ => false,
        };
    }

    private static IEnumerable<INamedTypeSymbol> WithBases(INamedTypeSymbol type)
    {
        for (var t = type; t is not null; t = t.BaseType) yield return t;
        foreach (var @interface in type.AllInterfaces) yield return @interface;
    }

    private static TypeKind KindOf(BaseTypeDeclarationSyntax type) => type switch
    {
        EnumDeclarationSyntax => TypeKind.Enum,
        StructDeclarationSyntax => TypeKind.Struct,
        InterfaceDeclarationSyntax => TypeKind.Interface,
        RecordDeclarationSyntax record => record.ClassOrStructKeyword.IsKind(SyntaxKind.StructKeyword) ? TypeKind.Struct : TypeKind.Class,
        _ => TypeKind.Class,
    };
}
