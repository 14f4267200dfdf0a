using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SnippetCheck.Compilation;

/// <summary>How a listed signature is compared with the member found: parameter and return types, and a constant's value.</summary>
internal static partial class ListingCheck
{
    private static bool SameParameters(ParameterListSyntax listed, IMethodSymbol method)
    {
        if (listed.Parameters.Count != method.Parameters.Length) return false;
        for (var i = 0; i < method.Parameters.Length; i++)
        {
            var (syntax, symbol) = (listed.Parameters[i], method.Parameters[i]);
            if (syntax.Type is null || !SameType(syntax.Type, symbol.Type)) return false;
            if (syntax.Modifiers.Any(SyntaxKind.ThisKeyword) != (i == 0 && method.IsExtensionMethod)) return false;
            if (syntax.Modifiers.Any(SyntaxKind.ParamsKeyword) != symbol.IsParams) return false;
            var refKind = syntax.Modifiers.Any(SyntaxKind.RefKeyword) ? RefKind.Ref : syntax.Modifiers.Any(SyntaxKind.OutKeyword) ? RefKind.Out
                : syntax.Modifiers.Any(SyntaxKind.InKeyword) ? RefKind.In : RefKind.None;
            if (refKind != symbol.RefKind) return false;
        }
        return true;
    }

    /// <summary>
    /// The listed type names the symbol's type: by name (a namespace prefix is the listing's choice), with its type
    /// arguments and array ranks, part by part; a <c>?</c> on a reference type, at any depth (<c>string?[]</c>), is an
    /// annotation the listing may write or leave out, while on a value type it must match (<c>int?</c> is not <c>int</c>).
    /// </summary>
    private static bool SameType(TypeSyntax listed, ITypeSymbol type) => listed switch
    {
        NullableTypeSyntax nullable when type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } value
            => SameType(nullable.ElementType, value.TypeArguments[0]),
        NullableTypeSyntax nullable => (type.IsReferenceType || type is ITypeParameterSymbol) && SameType(nullable.ElementType, type),
        ArrayTypeSyntax array => type is IArrayTypeSymbol symbol && symbol.Rank == array.RankSpecifiers[0].Rank && SameType(
            array.RankSpecifiers.Count == 1 ? array.ElementType : array.WithRankSpecifiers(SyntaxFactory.List(array.RankSpecifiers.Skip(1))),
            symbol.ElementType),
        QualifiedNameSyntax qualified => SameType(qualified.Right, type),
        AliasQualifiedNameSyntax alias => SameType(alias.Name, type),
        GenericNameSyntax generic => type is INamedTypeSymbol named && named.Name == generic.Identifier.ValueText
            && named.TypeArguments.Length == generic.TypeArgumentList.Arguments.Count
            && generic.TypeArgumentList.Arguments.Zip(named.TypeArguments).All(pair => SameType(pair.First, pair.Second)),
        _ => Normalized(listed) == Shown(type),
    };

    private static string Shown(ITypeSymbol type) =>
        type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(TypeFormat).Replace(" ", "", StringComparison.Ordinal);

    private static string Normalized(TypeSyntax type) => type switch
    {
        PredefinedTypeSyntax predefined => predefined.Keyword.ValueText,
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        _ => type.ToString().Replace(" ", "", StringComparison.Ordinal),
    };

    private static bool IsLiteral(ExpressionSyntax value) => value is LiteralExpressionSyntax
        || value is PrefixUnaryExpressionSyntax { Operand: LiteralExpressionSyntax } minus && minus.IsKind(SyntaxKind.UnaryMinusExpression);

    /// <summary>
    /// The listed literal is the constant's value: numbers by value, whatever their suffix; strings, chars and booleans as they are.
    /// </summary>
    private static bool SameValue(ExpressionSyntax listed, object? actual)
    {
        var negative = listed is PrefixUnaryExpressionSyntax;
        var literal = (LiteralExpressionSyntax)(listed is PrefixUnaryExpressionSyntax minus ? minus.Operand : listed);
        var value = literal.Token.Value;
        if (value is null || actual is null) return value is null && actual is null;
        if (value is string or char or bool || actual is string or char or bool) return !negative && Equals(value, actual);
        try
        {
            if (value is double or float || actual is double or float)
                return Convert.ToDouble(value, CultureInfo.InvariantCulture) * (negative ? -1 : 1) == Convert.ToDouble(
                    actual, CultureInfo.InvariantCulture);
            var number = Convert.ToDecimal(value, CultureInfo.InvariantCulture);
            return (negative ? -number : number) == Convert.ToDecimal(actual, CultureInfo.InvariantCulture);
        }
        catch (OverflowException)
        {
            return false;
        }
    }
}
