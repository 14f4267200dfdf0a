using Microsoft.CodeAnalysis;

namespace SnippetCheck.Adoption.Inference.Receivers;

/// <summary>
/// Extension methods on a type parameter, <c>static T SetAlignment&lt;T&gt;(this T obj, Justify j) where T : class, IAlignable</c>
/// (Spectre.Console): such a method extends every type its constraints admit, so a receiver it is called on is
/// of one of them; the constraint types are what it extends, as <c>IServiceCollection</c> is for <c>AddLogging</c>.
/// </summary>
internal static class GenericExtensions
{
    /// <summary>
    /// The types <paramref name="extension"/> extends: its receiver's type, or the named types its type parameter is constrained to.
    /// </summary>
    public static IEnumerable<INamedTypeSymbol> Extended(IMethodSymbol extension) => extension.Parameters[0].Type switch
    {
        INamedTypeSymbol named => [named],
        ITypeParameterSymbol parameter => parameter.ConstraintTypes.OfType<INamedTypeSymbol>(),
        _ => [],
    };

    /// <summary>
    /// True when <paramref name="type"/> satisfies <paramref name="parameter"/>'s constraints: it is, or derives from, each
    /// constraint type (a generic one by its definition), and is a class, a struct or constructible where the constraint says so.
    /// </summary>
    public static bool Admits(ITypeParameterSymbol parameter, INamedTypeSymbol type)
    {
        if (parameter.HasReferenceTypeConstraint && !type.IsReferenceType) return false;
        if ((parameter.HasValueTypeConstraint || parameter.HasUnmanagedTypeConstraint) && !type.IsValueType) return false;
        if (parameter.HasConstructorConstraint && (type.IsAbstract || type.TypeKind == TypeKind.Interface
            || type.TypeKind == TypeKind.Class
            && !type.InstanceConstructors.Any(c => c.Parameters.Length == 0 && c.DeclaredAccessibility == Accessibility.Public)))
            return false;
        return parameter.ConstraintTypes.All(constraint => constraint is INamedTypeSymbol named && ReceiverIndex.SelfAndAncestors(type).Any(
            s => SymbolEqualityComparer.Default.Equals(s.OriginalDefinition, named.OriginalDefinition)));
    }
}
