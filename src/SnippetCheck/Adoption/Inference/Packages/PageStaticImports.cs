using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SnippetCheck.Extraction.Snippets;

namespace SnippetCheck.Adoption.Inference.Packages;

/// <summary>
/// The names a package brings into a page through the <c>using static</c> classes the page imports itself
/// (<see cref="BlockUsings.StaticImportsOf"/>): Parlot's <c>Terms</c> and <c>Literals</c> are static properties of its
/// <c>Parsers</c> class, no type of their own, so a block lacking only them was "declared nowhere" although the page says
/// <c>using static Parlot.Fluent.Parsers;</c>. Only a class the page imports counts: any package's static members at large
/// would make every bare <c>Create(…)</c> a package's.
/// </summary>
internal static class PageStaticImports
{
    private static readonly ConditionalWeakTable<PackageInference.Found, Dictionary<string, IReadOnlySet<string>>> MembersByPackage = new();

    /// <summary>True when one of <paramref name="names"/> is a public static member of a class <paramref name="page"/> imports
    /// with <c>using static</c> that <paramref name="package"/> declares.</summary>
    public static bool Declares(PackageInference.Found package, SnippetDocument page, IEnumerable<string> names)
    {
        var classes = BlockUsings.StaticImportsOf(page);
        if (classes.Count == 0) return false;
        var wanted = names as IReadOnlySet<string> ?? names.ToHashSet(StringComparer.Ordinal);
        return classes.Any(c => MembersOf(package, c).Overlaps(wanted));
    }

    private static IReadOnlySet<string> MembersOf(PackageInference.Found package, string staticClass)
    {
        var byClass = MembersByPackage.GetValue(package, _ => new(StringComparer.Ordinal));
        lock (byClass)
        {
            if (byClass.TryGetValue(staticClass, out var known)) return known;
            var type = CSharpCompilation.Create("page-statics", references: package.References).GetTypeByMetadataName(staticClass);
            IReadOnlySet<string> members = type is { IsStatic: true, DeclaredAccessibility: Accessibility.Public }
                ? type.GetMembers().Where(m => m.IsStatic && m.DeclaredAccessibility == Accessibility.Public && m.CanBeReferencedByName)
                    .Select(m => m.Name).ToHashSet(StringComparer.Ordinal)
                : new HashSet<string>();
            return byClass[staticClass] = members;
        }
    }
}
