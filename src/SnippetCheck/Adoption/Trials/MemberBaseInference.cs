using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SnippetCheck.Adoption.Inference.Packages;
using SnippetCheck.Driver;
using SnippetCheck.Programs;
using SnippetCheck.Results;
using SnippetCheck.Extraction.Snippets;
using SnippetCheck.Model;
using SnippetCheck.Adoption.Inference;
using SnippetCheck.Adoption.Inference.Classes;

namespace SnippetCheck.Adoption.Trials;

/// <summary>
/// Members written out of a class that derives from a library's base class: ASP.NET Core-style docs
/// show <c>public override void Configure() { Post("/login"); AllowAnonymous(); }</c> alone, the endpoint class around it
/// never shown. As <c>members</c> it fails on the override (CS0115) and the bare base-class calls (CS0103); such a block
/// is tried as <c>members base=TYPE</c>, TYPE a class of its doc set's packages that has each member it overrides as a
/// virtual one and each bare name as an instance member. Of several, the most general are tried first (those needing no
/// type argument, then the base-most); the first ranked that compiles is taken. Each override then must find its
/// virtual member and each call its base member, so a misspelt one fails.
/// </summary>
internal static class MemberBaseInference
{
    /// <summary>The most base classes tried for one block, and the most ways (a base class with its type arguments) in all.</summary>
    private const int MaxBases = 4, MaxTries = 6;

    /// <summary>Each failed <c>members</c> block that passes inside an inferred base class: its passing result. Others are left out.</summary>
    /// <param name="failing">Untagged blocks whose last failure was as <c>members</c>.</param>
    public static async Task<IReadOnlyList<SnippetResult>> TryAsync(IBlockTrials verifier, PackageInference packages, DocModels models,
        IReadOnlyList<(PreparedDocument Document, SnippetResult Failed)> failing, CancellationToken cancellationToken)
    {
        var tries = new List<(PreparedDocument Document, Snippet Snippet, int Rank)>();
        foreach (var post in failing.Where(f => f.Failed.Snippet.Tags is { Members: true, Base: null }).GroupBy(f => f.Document))
        {
            IReadOnlyList<PackageInference.Found>? found = null;
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
                found ??= await packages.AllForPageAsync(post.Key, settings.References, cancellationToken).ConfigureAwait(false);
                var unknownTypes = failed.Diagnostics.Where(d => d.Id == "CS0246").Select(d => UsingInference.IdentifierAt(snippet, d.Location))
                    .OfType<string>().Distinct(StringComparer.Ordinal).ToList();
                var ways = Candidates(needs, found, settings.References).Take(MaxBases)
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
                            WebSdk = snippet.Tags.WebSdk || NeedsAspNetCore(type),
                        },
                    }, rank));
                }
            }
        }
        var results = await verifier.VerifyLoneAsync([.. tries.Select(t => (t.Document, t.Snippet))], useCache: true, cancellationToken)
            .ConfigureAwait(false);
        // Each result is told by its block and base class: results need not come back in the order asked.
        var ranks = tries.GroupBy(t => (t.Snippet.Location, t.Snippet.Tags.Base)).ToDictionary(g => g.Key, g => g.Min(t => t.Rank));
        return [.. results.Where(r => r.Status == SnippetStatus.Passed).GroupBy(r => r.Snippet.Location)
            .Select(g => g.MinBy(r => ranks.GetValueOrDefault((r.Snippet.Location, r.Snippet.Tags.Base), int.MaxValue))!)];
    }

    /// <summary>The members the block overrides and the names it uses bare; null when its errors are not all such, or it has neither.</summary>
    private static (IReadOnlyList<string> Overrides, IReadOnlyList<string> Bare)? BaseNeeds(SnippetResult failed, Snippet snippet,
        IReadOnlyList<MemberDeclarationSyntax> members)
    {
        var errors = failed.Diagnostics.Where(d => d.IsError).ToList();
        // CS0246: a type of the docs' own (the request DTO) may still be unknown; the compile decides.
        if (errors.Count == 0 || errors.Any(e => e.Id is not ("CS0115" or "CS0103" or "CS0246"))) return null;
        var overrides = members.Where(m => m.Modifiers.Any(SyntaxKind.OverrideKeyword)).Select(NameOf).OfType<string>()
            .Distinct(StringComparer.Ordinal).ToList();
        var bare = new List<string>();
        foreach (var error in errors.Where(e => e.Id == "CS0103"))
        {
            // A camelCase name is a local of code the docs never showed, which no base class gives.
            if (UsingInference.IdentifierAt(snippet, error.Location) is not { } name || !char.IsUpper(name[0])) return null;
            if (!bare.Contains(name)) bare.Add(name);
        }
        return overrides.Count == 0 && bare.Count == 0 ? null : (overrides, bare);
    }

    /// <summary>The block's members as a class's; null when it holds anything else (statements, a namespace).</summary>
    private static IReadOnlyList<MemberDeclarationSyntax>? ParsedMembers(Snippet snippet, CSharpParseOptions options)
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
    /// The classes of <paramref name="found"/> with a virtual member for each override and an instance member for each bare
    /// name, most general first: fewer type parameters (no argument to guess), then those that derive from no other candidate, then by name.
    /// </summary>
    private static IEnumerable<(INamedTypeSymbol Type, PackageInference.Found Package)> Candidates(
        (IReadOnlyList<string> Overrides, IReadOnlyList<string> Bare) needs,
        IReadOnlyList<PackageInference.Found> found, System.Collections.Immutable.ImmutableArray<MetadataReference> framework)
    {
        var candidates = found.SelectMany(p => EnclosingClassInference.ClassesOf(p, framework)
                .Where(t => needs.Overrides.All(o => Overridable(t, o)) && needs.Bare.All(b => Usable(t, b))).Select(t => (Type: t, Package: p)))
            // A dependency's class is seen through each package that depends on it: once, with the package that is its assembly.
            .GroupBy(c => (c.Type.ContainingAssembly.Identity.Name, c.Type.ToDisplayString()))
            .Select(g => g.OrderBy(c => OwnAssembly(c) ? 0 : 1).First())
            .ToList();
        return candidates
            .OrderBy(c => c.Type.Arity)
            .ThenBy(c => candidates.Any(o => !ReferenceEquals(o.Type, c.Type) && EnclosingClassInference.DerivesFrom(c.Type, o.Type)) ? 1 : 0)
            .ThenBy(c => c.Type.ToDisplayString(), StringComparer.Ordinal);
    }

    private static bool OwnAssembly((INamedTypeSymbol Type, PackageInference.Found Package) candidate) =>
        string.Equals(candidate.Package.Package.Id, candidate.Type.ContainingAssembly.Identity.Name, StringComparison.OrdinalIgnoreCase);

    /// <summary>A member named <paramref name="name"/> a derived class may override (virtual, abstract or an unsealed override).</summary>
    private static bool Overridable(INamedTypeSymbol type, string name) =>
        MembersUpTo(type, name).Any(m => (m.IsVirtual || m.IsAbstract || m.IsOverride) && !m.IsSealed);

    /// <summary>An instance member named <paramref name="name"/> a derived class may use.</summary>
    private static bool Usable(INamedTypeSymbol type, string name) => MembersUpTo(type, name).Any(m => !m.IsStatic);

    private static IEnumerable<ISymbol> MembersUpTo(INamedTypeSymbol type, string name)
    {
        for (var t = type; t is not null; t = t.BaseType)
        {
            foreach (var member in t.GetMembers(name)
                .Where(m => m.DeclaredAccessibility is Accessibility.Public or Accessibility.Protected or Accessibility.ProtectedOrInternal))
                yield return member;
        }
    }

    /// <summary>True when the class's assembly is built against ASP.NET Core, whose types its members use.</summary>
    internal static bool NeedsAspNetCore(INamedTypeSymbol type) =>
        type.ContainingAssembly.Modules
            .Any(m => m.ReferencedAssemblies.Any(a => a.Name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal)));
}
