using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SnippetCheck.Extraction.Snippets;

namespace SnippetCheck.Adoption.Inference;

/// <summary>
/// A block that only lists values (<c>public const long BytesInGibibyte = 1073741824;</c>, a generated API page's
/// fields): constants, fields and auto-properties of built-in types with literal values or none. It compiles inside
/// the tool's class whatever the library holds, since it binds nothing outside itself: <c>compile members</c> would call
/// it verified and prove nothing, so <c>adopt</c> never proposes it.
/// </summary>
internal static class ApiListing
{
    private static readonly CSharpParseOptions Syntax = new(LanguageVersion.Preview);

    /// <summary>True when every member of the block is such a declaration, and it has one at least.</summary>
    public static bool DeclaresOnly(Snippet snippet)
    {
        var text = "class __Listing {\n" + string.Join('\n', snippet.Code.Select(l => l.Text)) + "\n}";
        var tree = CSharpSyntaxTree.ParseText(text, Syntax);
        if (tree.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error)) return false;
        if (tree.GetRoot() is not CompilationUnitSyntax { Members: [ClassDeclarationSyntax { Members: { Count: > 0 } members }] }) return false;
        return members.All(member => member switch
        {
            FieldDeclarationSyntax field => IsBuiltIn(field.Declaration.Type)
                && field.Declaration.Variables.All(v => v.Initializer is null || IsLiteral(v.Initializer.Value)),
            PropertyDeclarationSyntax property => IsBuiltIn(property.Type) && property.ExpressionBody is null
                && property.AccessorList?.Accessors.All(a => a.Body is null && a.ExpressionBody is null) == true
                && (property.Initializer is null || IsLiteral(property.Initializer.Value)),
            _ => false,
        });
    }

    private static bool IsBuiltIn(TypeSyntax type) => type is PredefinedTypeSyntax
        || type is NullableTypeSyntax { ElementType: PredefinedTypeSyntax };

    private static bool IsLiteral(ExpressionSyntax value) => value is LiteralExpressionSyntax
        || value is PrefixUnaryExpressionSyntax { Operand: LiteralExpressionSyntax } minus && minus.IsKind(SyntaxKind.UnaryMinusExpression);
}
