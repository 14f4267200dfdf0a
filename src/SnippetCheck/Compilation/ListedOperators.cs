using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SnippetCheck.Compilation;

/// <summary>
/// The operators an API listing shows (<c>public static bool operator ==(ByteSize b1, ByteSize b2);</c>, a generated API
/// page's), looked up by the name the compiler gives them in metadata (<c>op_Equality</c>): the token alone does not
/// say which, since <c>-</c> with one parameter is <c>op_UnaryNegation</c> and with two <c>op_Subtraction</c>.
/// </summary>
internal static class ListedOperators
{
    private static readonly Dictionary<SyntaxKind, string> Binary = new()
    {
        [SyntaxKind.PlusToken] = WellKnownMemberNames.AdditionOperatorName,
        [SyntaxKind.MinusToken] = WellKnownMemberNames.SubtractionOperatorName,
        [SyntaxKind.AsteriskToken] = WellKnownMemberNames.MultiplyOperatorName,
        [SyntaxKind.SlashToken] = WellKnownMemberNames.DivisionOperatorName,
        [SyntaxKind.PercentToken] = WellKnownMemberNames.ModulusOperatorName,
        [SyntaxKind.AmpersandToken] = WellKnownMemberNames.BitwiseAndOperatorName,
        [SyntaxKind.BarToken] = WellKnownMemberNames.BitwiseOrOperatorName,
        [SyntaxKind.CaretToken] = WellKnownMemberNames.ExclusiveOrOperatorName,
        [SyntaxKind.LessThanLessThanToken] = WellKnownMemberNames.LeftShiftOperatorName,
        [SyntaxKind.GreaterThanGreaterThanToken] = WellKnownMemberNames.RightShiftOperatorName,
        [SyntaxKind.GreaterThanGreaterThanGreaterThanToken] = WellKnownMemberNames.UnsignedRightShiftOperatorName,
        [SyntaxKind.EqualsEqualsToken] = WellKnownMemberNames.EqualityOperatorName,
        [SyntaxKind.ExclamationEqualsToken] = WellKnownMemberNames.InequalityOperatorName,
        [SyntaxKind.LessThanToken] = WellKnownMemberNames.LessThanOperatorName,
        [SyntaxKind.GreaterThanToken] = WellKnownMemberNames.GreaterThanOperatorName,
        [SyntaxKind.LessThanEqualsToken] = WellKnownMemberNames.LessThanOrEqualOperatorName,
        [SyntaxKind.GreaterThanEqualsToken] = WellKnownMemberNames.GreaterThanOrEqualOperatorName,
    };

    private static readonly Dictionary<SyntaxKind, string> Unary = new()
    {
        [SyntaxKind.PlusToken] = WellKnownMemberNames.UnaryPlusOperatorName,
        [SyntaxKind.MinusToken] = WellKnownMemberNames.UnaryNegationOperatorName,
        [SyntaxKind.ExclamationToken] = WellKnownMemberNames.LogicalNotOperatorName,
        [SyntaxKind.TildeToken] = WellKnownMemberNames.OnesComplementOperatorName,
        [SyntaxKind.PlusPlusToken] = WellKnownMemberNames.IncrementOperatorName,
        [SyntaxKind.MinusMinusToken] = WellKnownMemberNames.DecrementOperatorName,
        [SyntaxKind.TrueKeyword] = WellKnownMemberNames.TrueOperatorName,
        [SyntaxKind.FalseKeyword] = WellKnownMemberNames.FalseOperatorName,
    };

    /// <summary>
    /// The metadata name of a listed static operator; null for a <c>checked</c> one or an instance compound assignment
    /// (C# 14's <c>operator +=</c>), which a listing is not read for.
    /// </summary>
    public static string? MetadataName(OperatorDeclarationSyntax op) =>
        op.CheckedKeyword.IsKind(SyntaxKind.None) && op.Modifiers.Any(SyntaxKind.StaticKeyword)
            && (op.ParameterList.Parameters.Count switch { 1 => Unary, 2 => Binary, _ => null })
                ?.GetValueOrDefault(op.OperatorToken.Kind()) is { } name
            ? name : null;

    /// <summary><c>op_Implicit</c> or <c>op_Explicit</c>.</summary>
    public static string MetadataName(ConversionOperatorDeclarationSyntax conversion) =>
        conversion.ImplicitOrExplicitKeyword.IsKind(SyntaxKind.ImplicitKeyword)
            ? WellKnownMemberNames.ImplicitConversionName : WellKnownMemberNames.ExplicitConversionName;

    /// <summary>The public user-defined operators and conversions of that metadata name in the listing's index.</summary>
    public static IReadOnlyList<IMethodSymbol> Candidates(ILookup<string, ISymbol> index, string metadataName) =>
        [.. index[metadataName].OfType<IMethodSymbol>().Where(m => m.MethodKind is MethodKind.UserDefinedOperator or MethodKind.Conversion)];
}
