using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SnippetCheck.Adoption.Inference.Packages;
using SnippetCheck.Compilation;
using SnippetCheck.Extraction.Snippets;
using SnippetCheck.Model;
using SnippetCheck.Programs;
using SnippetCheck.Results;

namespace SnippetCheck.Adoption.Inference.Classes;

/// <summary>
/// Which failed blocks get stub types, and of what (the rules of <c>Trials/StubTypes</c>, which tries them): a block
/// tagged with a package whose only unknown names are types used as types (or an enum's values), that no reference,
/// package or page declares; the members known before the first try; a hidden using that only shadows the docs' own enum.
/// </summary>
internal static class StubTypeNeeds
{
    /// <summary>
    /// The stub requests of the blocks of <paramref name="failing"/> that lack only types nothing declares. A page's packages are
    /// asked of <paramref name="pages"/> when its first block needs them; its blocks from there on wait until they are answered.
    /// </summary>
    public static List<StubModels.Request> Requests(PackageInference packages, DocModels models,
        IReadOnlyList<(PreparedDocument Document, SnippetResult Failed)> failing, PagePackages pages)
    {
        var requests = new List<StubModels.Request>();
        // A block given locals of the page's own types (PageTypes) may have no package yet: see WithPackagesCalledOn.
        foreach (var post in failing.Where(f => f.Failed.Snippet.Tags is { Packages.Count: > 0 } or { Given.Count: > 0 }).GroupBy(f => f.Document))
        {
            var document = models.Around(post.Key);
            IReadOnlyList<PackageInference.Found>? found = null;
            // A type a later block of the page declares (a strategy, then its options) is the session's to join, not a stub's.
            var pageDeclares = RotEvidence.DeclaredNames(string.Join('\n', post.Key.Blocks.SelectMany(s => s.Code).Select(l => l.Text)));
            var pageEnums = EnumReads.OnPage(post.Key.Blocks);
            var pageTypes = PageTypes.Of(post.Key.Snippets);
            foreach (var (_, failed) in post)
            {
                var settings = document.SettingsFor(failed.Snippet);
                var root = CSharpSyntaxTree.ParseText(string.Join('\n', failed.Snippet.Code.Select(l => l.Text)), settings.ParseOptions)
                    .GetCompilationUnitRoot();
                List<Model.Diagnostic> errors = [.. failed.Diagnostics.Where(d => d.IsError)];
                var (snippet, shadowed) = (failed.Snippet, (IReadOnlyList<string>)[]);
                if (snippet.Tags.Given.Any(g => PageTypes.Named(GivenLocals.TypeOf(g), pageTypes).Any()))
                {
                    found ??= pages.OfPage(post.Key, settings.References);
                    if (found is null) break;
                    snippet = WithPackagesCalledOn(snippet, root, pageTypes, settings, found) ?? snippet;
                }
                if (snippet.Tags.Packages.Count == 0) continue;
                if (errors.Any(e => e.Id == "CS0117"))
                {
                    found ??= pages.OfPage(post.Key, settings.References);
                    if (found is null) break;
                    (snippet, shadowed) = Unshadowed(snippet, root, errors, WithPackages(settings, found));
                }
                if (UnknownTypes(root, snippet, errors, shadowed, pageEnums, pageTypes) is not var (given, enums)) continue;
                // Over a given local of the page's own type, the page's types its members' plurals spell (o.Products) are stubbed too.
                var types = snippet.Tags.Given.Any(g => PageTypes.Named(GivenLocals.TypeOf(g), pageTypes).Any())
                    ? [.. given.Union(MembersOfPageTypes(root, pageTypes), StringComparer.Ordinal)] : given;
                found ??= pages.OfPage(post.Key, settings.References);
                if (found is null) break;
                // Never a name the framework, a package of the page or a page declares: a stub stands only for what nothing shows.
                // An enum's values are not read off a package's type the block does not import (Stateless.Graph's State class),
                // nor off one that lacks them (shadowed: a hidden using's namesake, left out).
                if (types.Any(t => UsingInference.NamespacesOf(t, settings.References, []).Count > 0
                    || found.Any(f => TypeNamesOf(f, settings.References).Contains(t))
                        && !(enums.ContainsKey(t) && (shadowed.Contains(t) || NotImported(t, root, snippet, settings, found)))
                    || models.Types.Any(m => m.Name == t) || pageDeclares.Contains(t))) continue;
                var ns = StubModels.NamespaceFor(snippet.Location);
                // A member that spells a stubbed page type is typed when the compiler asks for it (StubModels.StubTyped).
                var members = Selected(root, types).Where(m => !enums.ContainsKey(StubModels.TypeOf(m))
                    && StubModels.StubTyped(types, pageTypes, StubModels.MemberOf(m)) is null).ToList();
                if (!StubModels.NoneCalled(root, [.. members.Select(StubModels.MemberOf), .. enums.Values.SelectMany(v => v)])) continue;
                requests.Add(new(document, snippet with { Tags = snippet.Tags with
                {
                    Kind = SnippetKind.Compile, Usings = [.. snippet.Tags.Usings.Append(ns).Distinct(StringComparer.Ordinal)],
                } }, types, ns, root, members, enums) { PageTypes = pageTypes });
            }
        }
        return requests;
    }

    /// <summary>
    /// The block with the page's packages that declare the methods it calls on its given locals of the page's own types
    /// (<c>orderDto.Should()</c>, <c>orderDto</c> an <c>OrderDto</c>: <see cref="PageTypes"/>), and the one namespace of each
    /// such extension method; null when it calls none a package of the page declares. While the type was unknown the
    /// compiler reported nothing of these calls, so neither the package trial nor the receiver trial could see them.
    /// </summary>
    private static Snippet? WithPackagesCalledOn(
        Snippet snippet, CompilationUnitSyntax root, IReadOnlySet<string> pageTypes, CompileSettings settings,
        IReadOnlyList<PackageInference.Found> found)
    {
        var locals = snippet.Tags.Given.Where(g => PageTypes.Named(GivenLocals.TypeOf(g), pageTypes).Any())
            .Select(g => g[..g.IndexOf(':', StringComparison.Ordinal)]).ToHashSet(StringComparer.Ordinal);
        List<string> called = [.. root.DescendantNodes().OfType<MemberAccessExpressionSyntax>()
            .Where(a => a.Expression is IdentifierNameSyntax id && locals.Contains(id.Identifier.ValueText) && a.Parent is InvocationExpressionSyntax)
            .Select(a => a.Name.Identifier.ValueText).Distinct(StringComparer.Ordinal)];
        var declaring = found.Where(f => f.Names.Overlaps(called)).ToList();
        if (called.Count == 0 || declaring.Count == 0) return null;
        var references = WithPackages(settings, declaring);
        List<string> imported = [.. BlockUsings.Of(root), .. snippet.Tags.Usings, .. settings.Usings];
        var usings = called.Select(c => UsingInference.NamespacesOf(UsingInference.ExtensionKey + c, references, imported))
            .Where(n => n.Count == 1).Select(n => n[0]);
        return snippet with { Tags = snippet.Tags with
        {
            Packages = PackageRequest.OneVersionEach(
                snippet.Tags.Packages.Concat(declaring.Select(f => f.Package with { Location = snippet.Location }))),
            Usings = [.. snippet.Tags.Usings.Concat(usings).Distinct(StringComparer.Ordinal)],
        } };
    }

    /// <summary>The page's types the plural names of the members the block reads spell (<c>o.Products</c>: <c>Product</c>).</summary>
    private static IEnumerable<string> MembersOfPageTypes(CompilationUnitSyntax root, IReadOnlySet<string> pageTypes) =>
        root.DescendantNodes().OfType<MemberAccessExpressionSyntax>().Where(a => a.Parent is not InvocationExpressionSyntax)
            .Select(a => a.Name.Identifier.ValueText).Where(n => n.Length > 1)
            .Select(n => PageTypes.TypeFor(char.ToLowerInvariant(n[0]) + n[1..], pageTypes)).OfType<string>().Where(t => t.Contains('<'))
            .SelectMany(t => PageTypes.Named(t, pageTypes)).Distinct(StringComparer.Ordinal);

    /// <summary>
    /// True when no namespace the block imports (its usings, its tags', its settings') declares its packages' type <paramref name="name"/>.
    /// </summary>
    private static bool NotImported(
        string name, CompilationUnitSyntax root, Snippet snippet, CompileSettings settings, IReadOnlyList<PackageInference.Found> found)
    {
        var references = WithPackages(settings, found);
        List<string> imported = [.. BlockUsings.Of(root), .. snippet.Tags.Usings, .. settings.Usings];
        return UsingInference.NamespacesOf(name, references, []).Count == UsingInference.NamespacesOf(name, references, imported).Count;
    }

    /// <summary>The block's references with its page's packages'.</summary>
    private static ImmutableArray<MetadataReference> WithPackages(CompileSettings settings, IReadOnlyList<PackageInference.Found> found) =>
        settings.References.AddRange(PackageInference.Found.ReferencesOf(found));

    /// <summary>
    /// The block without the hidden usings that bring in only a package's namesake of a type the block reads as an enum's
    /// values (Stateless' <c>State.OnHold</c> once the using round imported <c>Stateless.Graph</c> for the given local's
    /// <c>State</c>: its class has no <c>OnHold</c>, CS0117), and those names: the docs' own enums, to stub. A namespace the
    /// block imports itself stays, and then so does the error.
    /// </summary>
    private static (Snippet Snippet, IReadOnlyList<string> Names) Unshadowed(
        Snippet snippet, CompilationUnitSyntax root, IReadOnlyList<Model.Diagnostic> errors, ImmutableArray<MetadataReference> references)
    {
        var names = EnumReads.ReadAsEnums(root, errors);
        var hiding = names.SelectMany(n => UsingInference.NamespacesOf(n, references, [])).ToHashSet(StringComparer.Ordinal);
        if (names.Count == 0 || hiding.Overlaps(BlockUsings.Of(root)) || !hiding.Overlaps(snippet.Tags.Usings)) return (snippet, []);
        return (snippet with { Tags = snippet.Tags with { Usings = [.. snippet.Tags.Usings.Where(u => !hiding.Contains(u))] } }, names);
    }

    private static readonly ConcurrentDictionary<string, IReadOnlySet<string>> TypeNames = new(StringComparer.Ordinal);

    /// <summary>
    /// The names of a package's public types, exactly: NUnit's <c>OrderAttribute</c> is no <c>Order</c> (though
    /// <see cref="PackageInference.Found.Names"/> holds it as <c>[Order]</c> names it), so a Bogus README's <c>Order</c> is still a stub.
    /// </summary>
    private static IReadOnlySet<string> TypeNamesOf(PackageInference.Found package, ImmutableArray<MetadataReference> framework) =>
        TypeNames.GetOrAdd(package.Package.Key, _ =>
        {
            var own = package.References;
            var compilation = CSharpCompilation.Create("stub-index", references: [.. framework, .. own]);
            return own.Select(compilation.GetAssemblyOrModuleSymbol).OfType<IAssemblySymbol>()
                .SelectMany(a => UsingInference.PublicNames(a.GlobalNamespace)).Select(n => n.Key)
                .Where(k => !k.StartsWith(UsingInference.ExtensionKey)).ToHashSet(StringComparer.Ordinal);
        });

    /// <summary>
    /// The names of the block's CS0246 errors, and of its CS0103 errors each read as an enum's values only (<c>State.OffHook</c>,
    /// never called), when those are its only unknown names and each is used as a type or such an enum only, one at least
    /// as a type argument, a parameter's type or a given receiver's type argument, or a value passed to a call; null
    /// otherwise. The enums go with the values the block reads (Stateless' README: <c>phoneCall.Configure(State.OffHook)
    /// .Permit(Trigger.CallDialled, State.Ringing)</c>, with <c>phoneCall</c> given as <c>StateMachine&lt;State,Trigger&gt;</c>).
    /// </summary>
    /// <param name="pageEnums">The names the page's blocks read as an enum's values (<see cref="EnumReads.OnPage"/>).</param>
    /// <param name="pageTypes">The docs' own types the page's prose names (<see cref="PageTypes"/>): a given local's own type too.</param>
    public static (IReadOnlyList<string> Types, IReadOnlyDictionary<string, IReadOnlyList<string>> Enums)? UnknownTypes(
        CompilationUnitSyntax root, Snippet snippet, IReadOnlyList<Model.Diagnostic> errors, IReadOnlyList<string> shadowed,
        IReadOnlySet<string>? pageEnums = null, IReadOnlySet<string>? pageTypes = null)
    {
        if (errors.Any(e => UnknownNames.Namespace.Contains(e.Id))) return null;
        // A given local's type arguments are reported on its hidden line, which names no word of the block: they are the
        // block's own types too ('phoneCall:StateMachine<State,Trigger>'), stubbed whether or not the block reads them.
        var names = errors.Where(e => UnknownNames.Core.Contains(e.Id))
            .Select(e => (e.Id, Name: UsingInference.IdentifierAt(snippet, e.Location) ?? GivenTypeArgument(snippet, e, pageTypes)))
            .Where(n => n.Name is not null || n.Id != UnknownNames.Type || snippet.Tags.Given.Count == 0).Select(n => n.Name)
            .Concat(shadowed).ToList();
        if (names.Count == 0 || names.Any(n => n is null || !char.IsUpper(n[0]))) return null;
        var types = names.OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var uses = root.DescendantNodes().OfType<IdentifierNameSyntax>().Where(i => types.Contains(i.Identifier.ValueText)).ToList();
        if (uses.Any(u => u.Ancestors().Any(a => a is AttributeSyntax or BaseListSyntax))) return null;
        var values = uses.Where(u => !SyntaxFacts.IsInTypeOnlyContext(u)).ToList();
        if (values.Any(u => EnumReads.EnumValue(u) is null)) return null;
        var enums = values.GroupBy(u => u.Identifier.ValueText, StringComparer.Ordinal).ToDictionary(
            g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(u => EnumReads.EnumValue(u)!).Distinct(StringComparer.Ordinal)],
            StringComparer.Ordinal);
        // A type the block creates is no enum.
        if (uses.Any(u => enums.ContainsKey(u.Identifier.ValueText) && u.Parent is ObjectCreationExpressionSyntax)) return null;
        // A given's type argument the block never names is an enum with no values when the page reads it as one elsewhere.
        foreach (var type in types.Where(t => pageEnums?.Contains(t) == true && !uses.Any(u => u.Identifier.ValueText == t))) enums[type] = [];
        var given = string.Join(',', snippet.Tags.Given);
        var asType = uses.Any(u => u.Parent is TypeArgumentListSyntax || u.Parent is ParameterSyntax)
            || values.Any(u => u.Parent?.Parent is ArgumentSyntax)
            || snippet.Tags.Given.Any(g => GivenLocals.TypeOf(g) is var own && pageTypes?.Contains(own) == true && types.Contains(own))
            || types.Any(t => given.Contains($"<{t},", StringComparison.Ordinal) || given.Contains($",{t}>", StringComparison.Ordinal)
                || given.Contains($"<{t}>", StringComparison.Ordinal));
        return asType ? (types, (IReadOnlyDictionary<string, IReadOnlyList<string>>)enums) : null;
    }

    /// <summary>
    /// The name of a CS0246 error off the block's own words (a given local's hidden line) when it is a type argument of a
    /// given local's type (<c>Trigger</c> of <c>stateMachine:StateMachine&lt;State,Trigger&gt;</c>), or that type itself when
    /// it is one of the docs' own types the page's prose names (<c>order:Order</c>, <see cref="PageTypes"/>); null otherwise:
    /// a given's own type, the library's, is never stubbed.
    /// </summary>
    private static string? GivenTypeArgument(Snippet snippet, Model.Diagnostic error, IReadOnlySet<string>? pageTypes)
    {
        const string Prefix = "The type or namespace name '";
        if (error.Id != UnknownNames.Type || !error.Message.StartsWith(Prefix, StringComparison.Ordinal)) return null;
        var name = error.Message[Prefix.Length..error.Message.IndexOf('\'', Prefix.Length)];
        return snippet.Tags.Given.Any(g => GivenLocals.TypeOf(g).Split('<', ',', '>').Skip(1).Select(a => a.Trim())
            .Contains(name) || GivenLocals.TypeOf(g) == name && pageTypes?.Contains(name) == true)
            ? name : null;
    }

    /// <summary>
    /// The members known before the first try, as <c>Type.Member</c>: those an object initializer of a stub sets
    /// (<c>new Order { Item = … }</c>), and, with one stub, those a selector reads (<c>o =&gt; o.OrderId</c>); the compiler names the rest.
    /// </summary>
    public static IReadOnlyList<string> Selected(CompilationUnitSyntax root, IReadOnlyList<string> types)
    {
        var set = root.DescendantNodes().OfType<ObjectCreationExpressionSyntax>()
            .Where(c => c.Type is IdentifierNameSyntax t && types.Contains(t.Identifier.ValueText) && c.Initializer is not null)
            .SelectMany(c => c.Initializer!.Expressions.OfType<AssignmentExpressionSyntax>().Select(a => a.Left).OfType<IdentifierNameSyntax>()
                .Select(l => $"{((IdentifierNameSyntax)c.Type).Identifier.ValueText}.{l.Identifier.ValueText}"));
        var selected = types.Count != 1 ? [] : root.DescendantNodes().OfType<SimpleLambdaExpressionSyntax>()
            .Select(l => (Parameter: l.Parameter.Identifier.ValueText, Read: l.Body as MemberAccessExpressionSyntax))
            .Where(l => l.Read?.Expression is IdentifierNameSyntax id && id.Identifier.ValueText == l.Parameter)
            .Select(l => $"{types[0]}.{l.Read!.Name.Identifier.ValueText}");
        return [.. set.Concat(selected).Distinct(StringComparer.Ordinal)];
    }
}
