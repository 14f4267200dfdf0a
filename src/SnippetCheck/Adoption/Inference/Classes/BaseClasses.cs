using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SnippetCheck.Adoption.Inference.Packages;
using SnippetCheck.Programs;

namespace SnippetCheck.Adoption.Inference.Classes;

/// <summary>
/// The classes of a block's packages it may be written inside (the enclosing class's and a <c>members</c> block's base
/// class): read off the packages' compile assemblies as symbols, never compiled with the block. The base class a block's
/// bare names point to is the one class of its packages that declares them all.
/// </summary>
internal static class BaseClasses
{
    private static readonly ConcurrentDictionary<string, IReadOnlyList<INamedTypeSymbol>> Classes = new(StringComparer.Ordinal);

    /// <summary>
    /// The one class of <paramref name="found"/>'s assemblies a class may derive from (public, not sealed, a
    /// parameterless constructor it can call, at most one type parameter) that has every one of
    /// <paramref name="bare"/> as an instance member a derived class can use (a method for a call, a settable property or
    /// field for an assignment, any property or field for a name it only <paramref name="reads"/>), that leaves no abstract
    /// member unimplemented; of those the page's classes derive from (<paramref name="pageBases"/>), if any, else of all:
    /// of several along one line of inheritance, the base-most; of several such, the only one with the fewest type
    /// parameters. Null when none, or no one such.
    /// </summary>
    public static (INamedTypeSymbol Type, PackageInference.Found Package)? BaseClassFor(
        IReadOnlyList<string> bare, IReadOnlyList<PackageInference.Found> found,
        ImmutableArray<MetadataReference> framework, IReadOnlyCollection<string>? reads = null, IReadOnlySet<string>? pageBases = null)
    {
        var candidates = new List<(INamedTypeSymbol Type, PackageInference.Found Package)>();
        foreach (var package in found)
        {
            // One type argument at most: it is read from the block's lambdas (MemberBases closes wider ones). A class that
            // leaves an abstract member to implement is none: a block of statements cannot implement it (CS0534).
            foreach (var type in ClassesOf(package, framework).Where(
                t => t.Arity <= 1 && !LeavesAbstract(t) && bare.All(n => HasUsableMember(t, n, reads?.Contains(n) == true))))
                candidates.Add((type, package));
        }
        // A package's dependencies are among its compile assemblies: one class seen through several packages is one
        // candidate, taken with the package that is its assembly (FluentValidation's AbstractValidator, not the DI package's).
        candidates = [.. candidates.GroupBy(c => (c.Type.ContainingAssembly.Identity.Name, c.Type.ToDisplayString()))
            .Select(g => g.OrderBy(
                c => string.Equals(c.Package.Package.Id, c.Type.ContainingAssembly.Identity.Name, StringComparison.OrdinalIgnoreCase) ? 0 : 1)
                .ThenBy(c => c.Package.Compile.Count).First())];
        // The page's own classes derive from the class a reader writes its bare statements in (an actor page's ReceiveActor),
        // where the library has several that fit alike.
        if (pageBases is not null && candidates.Where(c => pageBases.Contains(c.Type.Name)).ToList() is { Count: > 0 } pages)
            candidates = pages;
        var baseMost = candidates.Where(c => !candidates.Any(o => !ReferenceEquals(o.Type, c.Type) && DerivesFrom(c.Type, o.Type))).ToList();
        // Several, none below another (FastEndpoints' EndpointWithoutRequest, Endpoint<TRequest>, each over Endpoint<,>):
        // the one that needs no type argument, when it is alone in that.
        var general = baseMost.Where(c => c.Type.Arity == baseMost.Min(o => o.Type.Arity)).ToList();
        return general.Count == 1 ? general[0] : null;
    }

    public static bool DerivesFrom(INamedTypeSymbol type, INamedTypeSymbol other)
    {
        // By name: the two may come from two packages' compilations.
        for (var b = type.BaseType; b is not null; b = b.BaseType)
        {
            if (b.OriginalDefinition.ToDisplayString() == other.OriginalDefinition.ToDisplayString() &&
                b.ContainingAssembly.Identity.Name == other.ContainingAssembly.Identity.Name) return true;
        }
        return false;
    }

    /// <summary>
    /// A member named <paramref name="name"/> a derived class can use as the block does: a method it calls, a property or
    /// field it assigns, or, for a name it only <paramref name="read"/>s (<c>Context.Stop(Self)</c>), any property or
    /// field, static ones too (an actor's <c>Context</c> is a protected static property).
    /// </summary>
    private static bool HasUsableMember(INamedTypeSymbol type, string name, bool read = false)
    {
        for (var t = type; t is not null; t = t.BaseType)
        {
            foreach (var member in t.GetMembers(name).Where(
                m => m.DeclaredAccessibility is Accessibility.Public or Accessibility.Protected or Accessibility.ProtectedOrInternal))
            {
                if (read ? member is IPropertySymbol { GetMethod: not null } or IFieldSymbol
                    : !member.IsStatic && member is IMethodSymbol { MethodKind: MethodKind.Ordinary } or IPropertySymbol { SetMethod: not null }
                    or IFieldSymbol { IsReadOnly: false, IsConst: false })
                    return true;
            }
        }
        return false;
    }

    /// <summary>True when <paramref name="type"/> leaves an abstract member of its own or of a base unimplemented.</summary>
    private static bool LeavesAbstract(INamedTypeSymbol type)
    {
        if (!type.IsAbstract) return false;
        // From the type up: each override is met before the abstract member it implements.
        var implemented = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        for (var t = type; t is not null; t = t.BaseType)
        {
            foreach (var member in t.GetMembers())
            {
                if (member.IsAbstract && !implemented.Contains(member.OriginalDefinition)) return true;
                for (var o = Overridden(member); o is not null; o = Overridden(o)) implemented.Add(o.OriginalDefinition);
            }
        }
        return false;
    }

    private static ISymbol? Overridden(ISymbol member) => member switch
    {
        IMethodSymbol method => method.OverriddenMethod,
        IPropertySymbol property => property.OverriddenProperty,
        IEventSymbol @event => @event.OverriddenEvent,
        _ => null,
    };

    /// <summary>The simple names of the classes the page's blocks declare classes over (<c>class MyActor : ReceiveActor</c>).</summary>
    public static IReadOnlySet<string> PageBases(PreparedDocument page) =>
        page.Blocks.SelectMany(b => CSharpSyntaxTree.ParseText(string.Join('\n', b.Code.Select(l => l.Text))).GetCompilationUnitRoot()
                .DescendantNodes().OfType<ClassDeclarationSyntax>())
            .Select(c => c.BaseList?.Types.FirstOrDefault()?.Type switch
            {
                GenericNameSyntax generic => generic.Identifier.ValueText,
                SimpleNameSyntax simple => simple.Identifier.ValueText,
                QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
                _ => null,
            })
            .OfType<string>().ToHashSet(StringComparer.Ordinal);

    /// <summary>The classes of a package's own assemblies a block's class may derive from.</summary>
    public static IReadOnlyList<INamedTypeSymbol> ClassesOf(PackageInference.Found package, ImmutableArray<MetadataReference> framework) =>
        Classes.GetOrAdd(package.Package.Key, _ =>
        {
            var own = package.References;
            var compilation = CSharpCompilation.Create("base-index", references: [.. framework, .. own]);
            var classes = new List<INamedTypeSymbol>();
            foreach (var assembly in own.Select(compilation.GetAssemblyOrModuleSymbol).OfType<IAssemblySymbol>())
            {
                var pending = new Stack<INamespaceSymbol>([assembly.GlobalNamespace]);
                while (pending.TryPop(out var ns))
                {
                    foreach (var child in ns.GetNamespaceMembers()) pending.Push(child);
                    classes.AddRange(ns.GetTypeMembers().Where(IsDerivable));
                }
            }
            return classes;
        });

    private static bool IsDerivable(INamedTypeSymbol type)
    {
        if (type.TypeKind != TypeKind.Class || type.DeclaredAccessibility != Accessibility.Public || type.IsSealed || type.IsStatic
            || type.Arity > 2) return false;
        // An abstract member left to implement fails the compile (CS0534): no proposal then, which is right.
        return type.InstanceConstructors.Any(
            c => c.DeclaredAccessibility is Accessibility.Public or Accessibility.Protected or Accessibility.ProtectedOrInternal &&
            c.Parameters.All(p => p.IsOptional));
    }

    /// <summary>True when the class's assembly is built against ASP.NET Core, whose types its members use.</summary>
    public static bool NeedsAspNetCore(INamedTypeSymbol type) =>
        type.ContainingAssembly.Modules
            .Any(m => m.ReferencedAssemblies.Any(a => a.Name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal)));
}
