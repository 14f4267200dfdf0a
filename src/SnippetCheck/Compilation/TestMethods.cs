using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SnippetCheck.Model;

namespace SnippetCheck.Compilation;

/// <summary>
/// Finds the test methods of a program, so that a block of tests is run as tests and never reported as run when it
/// was not: by syntax first (any attribute named as a test attribute), then by the attribute's class, which must be
/// the framework's own (or derive from it).
/// </summary>
internal static class TestMethods
{
    /// <summary>The frameworks' attributes that make a method a test, by namespace.</summary>
    private static readonly (string Namespace, string[] Attributes)[] Frameworks =
    [
        ("NUnit.Framework", ["TestAttribute", "TestCaseAttribute"]),
        ("Xunit", ["FactAttribute"]),
        ("Microsoft.VisualStudio.TestTools.UnitTesting", ["TestMethodAttribute"]),
    ];

    /// <summary>Names a test attribute is written with (the framework's and the common derived ones); a cheap filter before binding.</summary>
    private static readonly HashSet<string> Names =
        ["Test", "TestCase", "Fact", "Theory", "TestMethod", "DataTestMethod", "TestCaseSource", "SkippableFact", "SkippableTheory"];

    /// <summary>True when the part's text may declare a test (an attribute named like one on a method): a program with one is run alone.</summary>
    public static bool MayDeclare(ParsedPart part) =>
        part.Root.DescendantNodes(n => n is not (BlockSyntax or ArrowExpressionClauseSyntax)).OfType<MethodDeclarationSyntax>().Any(IsCandidate);

    private static bool IsCandidate(MethodDeclarationSyntax method) =>
        method.AttributeLists.SelectMany(l => l.Attributes).Any(
            a => Names.Contains(Simple(a.Name)) || Names.Contains(Simple(a.Name).Replace("Attribute", "", StringComparison.Ordinal)));

    private static string Simple(NameSyntax name) => name switch
    {
        QualifiedNameSyntax q => q.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax a => a.Name.Identifier.ValueText,
        SimpleNameSyntax s => s.Identifier.ValueText,
        _ => name.ToString(),
    };

    /// <summary>The program's test methods, in document order; <paramref name="locate"/> maps a syntax node to the author's line.</summary>
    internal static IReadOnlyList<DeclaredTest> Find(
        Microsoft.CodeAnalysis.Compilation compilation, IEnumerable<SyntaxTree> trees, Func<Location, (SourceLocation? Location, int? PartId)> locate,
        CancellationToken cancellationToken)
    {
        var found = new List<DeclaredTest>();
        foreach (var tree in trees)
        {
            var candidates = tree.GetRoot(cancellationToken).DescendantNodes(n => n is not (BlockSyntax or ArrowExpressionClauseSyntax))
                .OfType<MethodDeclarationSyntax>().Where(IsCandidate).ToList();
            if (candidates.Count == 0) continue;
            var model = compilation.GetSemanticModel(tree);
            foreach (var syntax in candidates)
            {
                if (model.GetDeclaredSymbol(syntax, cancellationToken) is not { ContainingType: { IsAbstract: false } type } method) continue;
                if (!method.GetAttributes().Any(a => IsTestAttribute(a.AttributeClass))) continue;
                var (location, part) = locate(syntax.Identifier.GetLocation());
                found.Add(new DeclaredTest(RuntimeName(type), method.Name, location, part));
            }
        }
        return found;
    }

    private static bool IsTestAttribute(INamedTypeSymbol? attribute)
    {
        for (var type = attribute; type is not null; type = type.BaseType)
        {
            var ns = type.ContainingNamespace?.ToDisplayString();
            if (Frameworks.Any(f => f.Namespace == ns && f.Attributes.Contains(type.MetadataName))) return true;
        }
        return false;
    }

    /// <summary>The name reflection knows the type by: its namespace, then its containing types joined by '+'.</summary>
    private static string RuntimeName(INamedTypeSymbol type)
    {
        var name = type.MetadataName;
        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType) name = outer.MetadataName + "+" + name;
        return type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() + "." + name : name;
    }
}
