using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SnippetCheck.Adoption.Inference.Packages;
using SnippetCheck.Extraction.Snippets;
using SnippetCheck.Model;
using SnippetCheck.Programs;
using SnippetCheck.Results;

namespace SnippetCheck.Adoption.Inference.Classes;

/// <summary>
/// The base classes a failed <c>members</c> block is tried inside (the rules of <c>Trials/MemberBaseTrials</c>, which
/// tries them): what the block needs of one (the members it overrides, the names it uses bare), the classes of its doc
/// set's packages that have them, most general first, and the ways each is written (<see cref="BaseTypeArguments"/>).
/// </summary>
internal static class MemberBases
{
    /// <summary>The most base classes tried for one block, and the most ways (a base class with its type arguments) in all.</summary>
    private const int MaxBases = 4, MaxTries = 6;

    /// <summary>
    /// Each way a failed <c>members</c> block of <paramref name="failing"/> is tried inside a base class, with its rank
    /// among its block's ways (of those that pass, the first ranked is taken). A page's packages are asked of
    /// <paramref name="pages"/> when its first block that needs a base class is met; its blocks wait until they are answered.
    /// </summary>
    public static List<(PreparedDocument Document, Snippet Snippet, int Rank)> Tries(PackageInference packages,
        DocModels models, IReadOnlyList<(PreparedDocument Document, SnippetResult Failed)> failing, PagePackages pages)
    {
        var tries = new List<(PreparedDocument Document, Snippet Snippet, int Rank)>();
        foreach (var post in failing.Where(f => f.Failed.Snippet.Tags is { Members: true, Base: null }).GroupBy(f => f.Document))
        {
            IReadOnlyList<PackageInference.Found>? found = null;
            IReadOnlySet<string>? pageBases = null;
            // The page's own models (its request and response DTOs) before its doc set's: another page's MyRequest is not this one's.
            var docSet = packages.DocSets.Of(post.Key.Snippets);
            var docSetModels = models.Types.Where(t => packages.DocSets.Of(t.Page) == docSet).ToList();
            var pageModels = docSetModels.Where(t => t.Page == post.Key.Snippets.DisplayPath).ToList();
            var document = models.Around(post.Key);
            foreach (var (_, failed) in post)
            {
                var snippet = failed.Snippet;
                var settings = post.Key.SettingsFor(snippet);
                var members = ParsedMembers(snippet, settings.ParseOptions);
                if (members is null || BaseNeeds(failed, snippet, members) is not { } needs) continue;
                found ??= pages.OfPage(post.Key, settings.References);
                if (found is null) break;
                var unknownTypes = failed.Diagnostics.Where(d => d.Id == UnknownNames.Type)
                    .Select(d => UsingInference.IdentifierAt(snippet, d.Location))
                    .OfType<string>().Distinct(StringComparer.Ordinal).ToList();
                var ways = Candidates(needs, found, settings.References, pageBases ??= BaseClasses.PageBases(post.Key)).Take(MaxBases)
                    .SelectMany(
                        c => BaseTypeArguments.For(c.Type, members, unknownTypes, pageModels, docSetModels), (c, way) => (Candidate: c, Way: way))
                    .Take(MaxTries);
                foreach (var ((type, package), way, rank) in ways.Select((w, i) => (w.Candidate, w.Way, i)))
                {
                    var ns = type.ContainingNamespace.IsGlobalNamespace ? null : type.ContainingNamespace.ToDisplayString();
                    tries.Add((way.Usings.Count > 0 ? document : post.Key, snippet with
                    {
                        Tags = snippet.Tags with
                        {
                            Kind = SnippetKind.Compile,
                            Base = way.Base,
                            Usings = [.. snippet.Tags.Usings.Concat(ns is null ? [] : [ns]).Concat(way.Usings).Distinct(StringComparer.Ordinal)],
                            Packages = PackageRequest.OneVersionEach(
                                snippet.Tags.Packages.Append(package.Package with { Location = snippet.Location })),
                            // A class over ASP.NET Core's types compiles only against them, as the reader's web project does.
                            WebSdk = snippet.Tags.WebSdk || BaseClasses.NeedsAspNetCore(type),
                        },
                    }, rank));
                }
            }
        }
        return tries;
    }

    /// <summary>The members the block overrides and the names it uses bare; null when its errors are not all such, or it has neither.</summary>
    public static (IReadOnlyList<string> Overrides, IReadOnlyList<string> Bare)? BaseNeeds(SnippetResult failed, Snippet snippet,
        IReadOnlyList<MemberDeclarationSyntax> members)
    {
        var errors = failed.Diagnostics.Where(d => d.IsError).ToList();
        // CS0246: a type of the docs' own (the request DTO) may still be unknown; the compile decides.
        if (errors.Count == 0 || errors.Any(e => !UnknownNames.MemberBase.Contains(e.Id))) return null;
        var overrides = members.Where(m => m.Modifiers.Any(SyntaxKind.OverrideKeyword)).Select(NameOf).OfType<string>()
            .Distinct(StringComparer.Ordinal).ToList();
        var bare = new List<string>();
        foreach (var error in errors.Where(e => e.Id == UnknownNames.Name))
        {
            // A camelCase name is a local of code the docs never showed, which no base class gives.
            if (UsingInference.IdentifierAt(snippet, error.Location) is not { } name || !char.IsUpper(name[0])) return null;
            if (!bare.Contains(name)) bare.Add(name);
        }
        return overrides.Count == 0 && bare.Count == 0 ? null : (overrides, bare);
    }

    /// <summary>The block's members as a class's; null when it holds anything else (statements, a namespace).</summary>
    public static IReadOnlyList<MemberDeclarationSyntax>? ParsedMembers(Snippet snippet, CSharpParseOptions options)
    {
        var body = string.Join('\n', snippet.Code.Select(l => l.Text));
        var type = CSharpSyntaxTree.ParseText($"class C {{\n{body}\n}}", options).GetCompilationUnitRoot()
            .Members.OfType<ClassDeclarationSyntax>().FirstOrDefault();
        return type is null || type.Members.Count == 0 || type.Members.Any(m => m is GlobalStatementSyntax or BaseNamespaceDeclarationSyntax)
            ? null : type.Members;
    }

    private static string? NameOf(MemberDeclarationSyntax member) => member switch
    {
        MethodDeclarationSyntax method => method.Identifier.ValueText,
        PropertyDeclarationSyntax property => property.Identifier.ValueText,
        EventDeclarationSyntax @event => @event.Identifier.ValueText,
        _ => null,
    };

    /// <summary>
    /// The classes of <paramref name="found"/> with a virtual member for each override and an instance member (or a static
    /// property or field: an actor's <c>Context</c>) for each bare name, most general first: fewer type parameters (no
    /// argument to guess), then those the page's own classes derive from (<paramref name="pageBases"/>: an actor page's
    /// ReceiveActor before ActorBase, which leaves Receive abstract), then those that derive from no other candidate, then by name.
    /// </summary>
    public static IEnumerable<(INamedTypeSymbol Type, PackageInference.Found Package)> Candidates(
        (IReadOnlyList<string> Overrides, IReadOnlyList<string> Bare) needs,
        IReadOnlyList<PackageInference.Found> found, System.Collections.Immutable.ImmutableArray<MetadataReference> framework,
        IReadOnlySet<string>? pageBases = null)
    {
        var candidates = found.SelectMany(p => BaseClasses.ClassesOf(p, framework)
                .Where(t => needs.Overrides.All(o => Overridable(t, o)) && needs.Bare.All(b => Usable(t, b))).Select(t => (Type: t, Package: p)))
            // A dependency's class is seen through each package that depends on it: once, with the package that is its assembly.
            .GroupBy(c => (c.Type.ContainingAssembly.Identity.Name, c.Type.ToDisplayString()))
            .Select(g => g.OrderBy(c => OwnAssembly(c) ? 0 : 1).First())
            .ToList();
        return candidates
            .OrderBy(c => c.Type.Arity)
            .ThenBy(c => pageBases?.Contains(c.Type.Name) == true ? 0 : 1)
            .ThenBy(c => candidates.Any(o => !ReferenceEquals(o.Type, c.Type) && BaseClasses.DerivesFrom(c.Type, o.Type)) ? 1 : 0)
            .ThenBy(c => c.Type.ToDisplayString(), StringComparer.Ordinal);
    }

    private static bool OwnAssembly((INamedTypeSymbol Type, PackageInference.Found Package) candidate) =>
        string.Equals(candidate.Package.Package.Id, candidate.Type.ContainingAssembly.Identity.Name, StringComparison.OrdinalIgnoreCase);

    /// <summary>A member named <paramref name="name"/> a derived class may override (virtual, abstract or an unsealed override).</summary>
    private static bool Overridable(INamedTypeSymbol type, string name) =>
        MembersUpTo(type, name).Any(m => (m.IsVirtual || m.IsAbstract || m.IsOverride) && !m.IsSealed);

    /// <summary>An instance member named <paramref name="name"/> a derived class may use.</summary>
    private static bool Usable(INamedTypeSymbol type, string name) =>
        MembersUpTo(type, name).Any(m => !m.IsStatic || m is IPropertySymbol or IFieldSymbol);

    private static IEnumerable<ISymbol> MembersUpTo(INamedTypeSymbol type, string name)
    {
        for (var t = type; t is not null; t = t.BaseType)
        {
            foreach (var member in t.GetMembers(name)
                .Where(m => m.DeclaredAccessibility is Accessibility.Public or Accessibility.Protected or Accessibility.ProtectedOrInternal))
                yield return member;
        }
    }
}
