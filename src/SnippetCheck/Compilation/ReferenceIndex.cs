using Microsoft.CodeAnalysis;
using SnippetCheck.Model;

namespace SnippetCheck.Compilation;

/// <summary>
/// Every name a reference declares where a simple name could reach it: namespaces, public types (nested ones too), and
/// the public static members of public static classes, which <c>using static</c> brings in (<c>WriteLine</c>,
/// <c>PI</c>). Extension methods and enum values are left out: no simple name reaches them, and they are the plain words
/// posts name their own things with (<c>Order</c>, <c>Message</c>).
/// </summary>
/// <param name="packages">The assemblies of packages and projects, whose methods <see cref="PackageMethod"/> names.</param>
internal sealed class ReferenceIndex(IReadOnlySet<IAssemblySymbol>? packages = null)
{
    /// <summary>The shortest type name a misspelling is measured against (<see cref="EditDistance.IsNear"/>).</summary>
    private const int ShortestType = EditDistance.ShortestWord;

    public HashSet<string> Names { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// A name the references declare; an attribute's also with its <c>Attribute</c> suffix (<c>[Fact]</c> is <c>FactAttribute</c>).
    /// </summary>
    public bool IsKnown(string name, bool isAttribute = false) => Names.Contains(name) || isAttribute && Names.Contains(name + "Attribute");

    /// <summary>Every public or protected method name of a package's public types, with the first type that declares it.</summary>
    private readonly Dictionary<string, string> _packageMethods = new(StringComparer.Ordinal);

    /// <summary>
    /// The package type that declares a method <paramref name="name"/> (<c>AbstractValidator&lt;T&gt;</c> for <c>RuleFor</c>); null when none does.
    /// </summary>
    public string? PackageMethod(string name) => _packageMethods.GetValueOrDefault(name);

    /// <summary>The PascalCase type names a misspelling is measured against, by length.</summary>
    private readonly Dictionary<int, HashSet<string>> _typesByLength = [];

    /// <summary>
    /// The type <paramref name="name"/> misspells: a PascalCase name near a type of the references
    /// (<see cref="EditDistance.NearMiss"/>: <c>Lqst</c> is <c>List</c> renamed, whatever the post's own words may be close
    /// to); null for any other name. Lower-case names are the post's locals, never a type. Refusing one of the post's
    /// names costs a <c>check</c>; tolerating a renamed framework type would be a false check (eng/check-mutants.sh).
    /// An attribute is also measured with its <c>Attribute</c> suffix (<c>[Fakt]</c> misspells <c>FactAttribute</c>).
    /// </summary>
    public string? NearMiss(string name, bool isAttribute = false)
    {
        if (isAttribute && NearMiss(name + "Attribute") is { } attribute) return attribute[..^"Attribute".Length];
        if (name.Length == 0 || !char.IsUpper(name[0])) return null;
        var lengths = Enumerable.Range(name.Length - EditDistance.MostEdits, 2 * EditDistance.MostEdits + 1);
        var candidates = lengths.SelectMany(length => _typesByLength.TryGetValue(length, out var types) ? types : []);
        return EditDistance.NearMiss(name, candidates);
    }

    internal void Walk(INamespaceSymbol space)
    {
        foreach (var member in space.GetMembers())
        {
            if (member is INamespaceSymbol inner)
            {
                Names.Add(inner.Name);
                Walk(inner);
            }
            else if (member is INamedTypeSymbol { DeclaredAccessibility: Accessibility.Public } type)
            {
                AddType(type);
            }
        }
    }

    private void AddType(INamedTypeSymbol type)
    {
        Names.Add(type.Name);
        if (type.Name.Length >= ShortestType && char.IsUpper(type.Name[0]))
        {
            if (!_typesByLength.TryGetValue(type.Name.Length, out var types)) _typesByLength[type.Name.Length] = types = new(StringComparer.Ordinal);
            types.Add(type.Name);
        }
        var ofAPackage = packages is not null && packages.Contains(type.ContainingAssembly);
        foreach (var member in type.GetMembers())
        {
            if (ofAPackage && member is IMethodSymbol { MethodKind: MethodKind.Ordinary,
                DeclaredAccessibility: Accessibility.Public or Accessibility.Protected or Accessibility.ProtectedOrInternal })
                _packageMethods.TryAdd(member.Name, type.ToDisplayString());
            if (member.DeclaredAccessibility != Accessibility.Public) continue;
            if (member is INamedTypeSymbol nested) AddType(nested);
            else if (type.IsStatic && member.IsStatic && member.CanBeReferencedByName
                && member is not IMethodSymbol { IsExtensionMethod: true }) Names.Add(member.Name);
        }
    }
}
