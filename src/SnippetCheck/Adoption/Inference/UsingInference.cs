using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SnippetCheck.Compilation;
using SnippetCheck.Model;
using SnippetCheck.Programs;
using SnippetCheck.Results;
using SnippetCheck.Extraction.Snippets;
using Diagnostic = SnippetCheck.Model.Diagnostic;

namespace SnippetCheck.Adoption.Inference;

/// <summary>
/// The usings a block lacks: a block that fails only on unknown names (CS0246, CS0103), each of
/// which is a public type in exactly one namespace of what the block compiles against, gets those namespaces; a missing
/// member (CS1061) counts when it is a public extension method of exactly one namespace. A name found in two
/// namespaces picks the one the block's other names need, else neither, and the guess says so; a name found in none
/// (a variable of an earlier block, a type of a package) makes no guess.
/// </summary>
internal static class UsingInference
{
    private static readonly ConcurrentDictionary<string, Lazy<ILookup<string, string>>> Indexes = new();

    /// <summary>Marks an extension method's name in the index, apart from type names (no identifier starts with it).</summary>
    internal const char ExtensionKey = '.';

    /// <summary>What the names of one failed block resolve to.</summary>
    /// <param name="Usings">One namespace for each unknown name; empty when any name is ambiguous or unknown.</param>
    /// <param name="Ambiguous">Names found in more than one namespace, with those namespaces.</param>
    public sealed record Guess(IReadOnlyList<string> Usings, IReadOnlyList<(string Name, IReadOnlyList<string> Namespaces)> Ambiguous);

    /// <summary>
    /// The guess for a block whose compile errors are <paramref name="diagnostics"/>; null when they are not all unknown
    /// names, or when one of them is a name the post declares itself (<paramref name="document"/>'s other blocks): docs
    /// that define an <c>ICommand</c> of their own in hidden code mean theirs, not <c>System.Windows.Input</c>'s.
    /// </summary>
    /// <param name="skipUnknown">
    /// A name found nowhere is passed over instead of ending the guess: the <c>check</c> level tolerates the post's own
    /// names, so a block may still want the usings of its others.
    /// </param>
    public static Guess? For(
        SnippetDocument document, Snippet snippet, IReadOnlyList<Diagnostic> diagnostics, ImmutableArray<MetadataReference> references,
        IReadOnlyList<string> imported, CSharpParseOptions options, bool skipUnknown = false)
    {
        // A local read before it is assigned says nothing of a name (as for packages, PackageInference.UnknownNames): it is
        // seen again, and is evidence, once the names bind ('Dictionary<int, string> d; d.Should()' lacks its using).
        var errors = diagnostics.Where(d => d.IsError && !RotEvidence.IsUnassignedError(d.Id)).ToList();
        // A method group that does not convert (CS1503) beside a type not found: 'ConfigureResource(ResourceBuilder r)' passed for
        // an Action<ResourceBuilder> while ResourceBuilder lacks its using (MassTransit's observability page). That is the
        // name's error again; the trial with its using decides, where a real mismatch still fails.
        if (errors.Any(e => e.Id == "CS0246"))
            errors.RemoveAll(e => e.Id == "CS1503" && e.Message.Contains("cannot convert from 'method group'", StringComparison.Ordinal));
        // CS0616: the name binds to a class that is no attribute ('Route' under the Web SDK's Microsoft.AspNetCore.Routing),
        // while another namespace has the attribute (Microsoft.AspNetCore.Mvc's RouteAttribute).
        // CS0308: the name binds to a type of another arity ('Endpoint<TReq, TRes>' beside the Web SDK's Microsoft.AspNetCore.Http.Endpoint),
        // while a namespace not imported has it with type arguments (FastEndpoints).
        // CS0307: the name binds to a namespace of that name, which takes no type arguments ('ErrorOr<User>' without 'using ErrorOr;',
        // the ErrorOr package's type in its namespace of the same name), while the namespace has the generic type.
        if (errors.Count == 0 || errors.Any(e => !UnknownNames.Using.Contains(e.Id))) return null;
        var receivers = WrongReceivers(errors);
        // A missing member (CS1061) may be an extension method of a namespace the block does not import.
        var names = errors.Select(e => e.Id == UnknownNames.WrongReceiver ? WrongReceiverOf(e) is { } wrong ? ExtensionKey + wrong.Name : null
            : IdentifierAt(snippet, e.Location) is { } name
                ? e.Id switch { "CS1061" => ExtensionKey + name, "CS0616" => name + "Attribute", _ => name } : null).ToList();
        // A bare name called as a method ('Ok(…)' in a controller) is no type: only a 'using static' class could give it.
        var invoked = errors.Where(e => e.Id == "CS0103" && IsInvokedAt(snippet, e.Location)).Select(e => IdentifierAt(snippet, e.Location))
            .ToHashSet(StringComparer.Ordinal);
        // Outside an attribute, 'CultureInfo' is the type of that name, not a package's [CultureInfo] attribute (CsvHelper's).
        var attributes = errors.Where(e => IsAttributeAt(snippet, e.Location)).Select(e => IdentifierAt(snippet, e.Location))
            .ToHashSet(StringComparer.Ordinal);
        if (names.Any(n => n is null)) return null;
        var declared = PostDeclarations.Besides(document, snippet, options);
        // An attribute names a class: only a type the post declares of that name is its own ('[Get(…)]' is a package's though
        // the page declares a method 'Get', as Refit's README does 450 lines on).
        var declaredTypes = attributes.Count == 0 ? declared : PostDeclarations.TypesBesides(document, snippet, options);
        // Not a name the compiler bound to a library's extension (CS1929): the post's local function of that name is a namesake.
        bool Own(string name) => !receivers.ContainsKey(name) && (attributes.Contains(name)
            ? declaredTypes.Contains(name) || declaredTypes.Contains(name + "Attribute")
            : declared.Contains(name.TrimStart(ExtensionKey)) && !IsShownSource(document, snippet, name, references, imported, options));
        // The post's own names are passed over like names found nowhere, when those are: a session or the check level gives them.
        if (skipUnknown) names.RemoveAll(n => Own(n!));
        else if (names.Any(n => Own(n!))) return null;

        var usings = new SortedSet<string>(StringComparer.Ordinal);
        var pageStatics = BlockUsings.StaticImportsOf(document);
        var ambiguous = new List<(string, IReadOnlyList<string>)>();
        foreach (var name in names.Distinct().Cast<string>())
        {
            var namespaces = receivers.TryGetValue(name, out var receiver) ? ExtensionHomes(name[1..], receiver, references, imported)
                : invoked.Contains(name) ? [.. StaticHomesOf(name, references, pageStatics).Where(u => !imported.Contains(u))]
                : NamespacesOf(name, references, imported, asWritten: !attributes.Contains(name), pageStatics);
            if (namespaces.Count == 1) usings.Add(namespaces[0]);
            else if (namespaces.Count > 1) ambiguous.Add((name.TrimStart(ExtensionKey), namespaces));
            else if (!skipUnknown) return null;
        }
        // A name two namespaces declare is the one's that the block's other names need already: a controller's 'Route' is
        // Microsoft.AspNetCore.Mvc's, beside its 'ControllerBase', not Blazor's Microsoft.AspNetCore.Components.
        ambiguous.RemoveAll(a => a.Item2.Count(usings.Contains) == 1);
        return new Guess(ambiguous.Count == 0 ? [.. usings] : [], ambiguous);
    }

    /// <summary>
    /// A type of one namespace not imported whose source the post quotes (a post on Stopwatch shows its reference source,
    /// <see cref="ShownSource"/>): the framework's, not the post's own.
    /// </summary>
    private static bool IsShownSource(SnippetDocument document, Snippet snippet, string name, ImmutableArray<MetadataReference> references,
        IReadOnlyList<string> imported, CSharpParseOptions options) =>
        name[0] != ExtensionKey && NamespacesOf(name, references, imported, asWritten: true) is [var home]
        && ShownSource.OfFrameworkType(document, snippet, name, home, references, options);

    /// <summary>
    /// The namespaces (or <c>static</c> classes) not yet <paramref name="imported"/> whose using would bring
    /// <paramref name="name"/> into scope: a public type (an attribute's with its suffix), or, marked with
    /// <see cref="ExtensionKey"/>, an extension method.
    /// </summary>
    /// <param name="asWritten">The name is used outside an attribute: a type of that very name, when there is one, is
    /// meant, not an attribute of that short name ('CultureInfo.InvariantCulture' beside CsvHelper's [CultureInfo]).</param>
    /// <param name="pageStatics">The classes the page imports with <c>using static</c> (<see cref="BlockUsings.StaticImportsOf"/>).</param>
    internal static IReadOnlyList<string> NamespacesOf(string name, ImmutableArray<MetadataReference> references, IReadOnlyList<string> imported,
        bool asWritten = false, IReadOnlySet<string>? pageStatics = null)
    {
        var index = IndexFor(references);
        // '[DllImport]' names the type DllImportAttribute; '[Test]' NUnit.Framework's TestAttribute, beside its
        // NUnit.Framework.Internal.Test, a class of that very name.
        var types = asWritten && index[name].Any() ? index[name] : index[name].Concat(index[name + "Attribute"]);
        var namespaces = types.Distinct().Where(n => !imported.Contains(n)).Order(StringComparer.Ordinal).ToList();
        // A bare 'WriteLine' or 'Sqrt' is a member of a class docs import with 'using static'.
        return namespaces.Count > 0 ? namespaces : [.. StaticHomesOf(name, references, pageStatics).Where(u => !imported.Contains(u))];
    }

    /// <summary>
    /// CS1929: an extension of the name is in scope for another receiver (<c>ConfigureResource</c> of IOpenTelemetryBuilder called
    /// on a TracerProviderBuilder); the one for this receiver may be in a namespace not imported (OpenTelemetry.Trace's). The
    /// compiler points at the receiver, so each name (marked as an extension's) and its receivers' types are read from the message.
    /// </summary>
    private static Dictionary<string, List<string>> WrongReceivers(IEnumerable<Diagnostic> errors) =>
        errors.Where(e => e.Id == UnknownNames.WrongReceiver).Select(WrongReceiverOf).OfType<(string Name, string Receiver)>()
            .GroupBy(r => ExtensionKey + r.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(r => r.Receiver).ToList());

    /// <summary>
    /// The method and receiver type a CS1929 names: <c>'TracerProviderBuilder' does not contain a definition for 'ConfigureResource'
    /// and the best extension method overload '…' requires a receiver of type '…'</c>.
    /// </summary>
    private static (string Name, string Receiver)? WrongReceiverOf(Diagnostic error)
    {
        const string Lacks = "' does not contain a definition for '";
        var at = error.Message.IndexOf(Lacks, StringComparison.Ordinal);
        if (at < 2 || error.Message[0] != '\'') return null;
        var rest = error.Message[(at + Lacks.Length)..];
        return rest.IndexOf('\'') is > 0 and var end ? (rest[..end], error.Message[1..at]) : null;
    }

    /// <summary>
    /// The namespaces not yet <paramref name="imported"/> with a public extension method <paramref name="name"/> whose first
    /// parameter takes one of <paramref name="receivers"/> (a type of that name, its bases or interfaces): only
    /// OpenTelemetry.Trace's <c>ConfigureResource(this TracerProviderBuilder …)</c>, not the Metrics or Logs namesakes.
    /// </summary>
    private static IReadOnlyList<string> ExtensionHomes(
        string name, IReadOnlyList<string> receivers, ImmutableArray<MetadataReference> references, IReadOnlyList<string> imported)
    {
        var compilation = SnippetCompiler.BaseFor(references);
        var accepted = receivers.SelectMany(r => TypesNamed(r, references, compilation))
            .SelectMany(t => new[] { t }.Concat(t.AllInterfaces).Concat(BasesOf(t))).Select(t => t.OriginalDefinition)
            .ToHashSet<ITypeSymbol>(SymbolEqualityComparer.Default);
        bool Takes(ITypeSymbol parameter) => parameter is ITypeParameterSymbol generic
            ? generic.ConstraintTypes.Any(c => accepted.Contains(c.OriginalDefinition)) : accepted.Contains(parameter.OriginalDefinition);
        return [.. NamespacesOf(ExtensionKey + name, references, imported).Where(ns => NamespaceNamed(compilation, ns) is { } symbol
            && symbol.GetTypeMembers().Where(t => t.IsStatic && t.DeclaredAccessibility == Accessibility.Public)
                .SelectMany(t => t.GetMembers(name).OfType<IMethodSymbol>())
                .Any(m => m.IsExtensionMethod && m.DeclaredAccessibility == Accessibility.Public && Takes(m.Parameters[0].Type)))];
    }

    /// <summary>The public types a diagnostic's type name (<c>TracerProviderBuilder</c>, <c>Acme.Builder&lt;int&gt;</c>) may be.</summary>
    private static IEnumerable<INamedTypeSymbol> TypesNamed(
        string written, ImmutableArray<MetadataReference> references, CSharpCompilation compilation)
    {
        var bare = written.Split('<')[0];
        var simple = bare[(bare.LastIndexOf('.') + 1)..];
        var homes = bare.Contains('.') ? [bare[..bare.LastIndexOf('.')]] : IndexFor(references)[simple].Distinct().ToList();
        return homes.Select(h => NamespaceNamed(compilation, h)).OfType<INamespaceSymbol>().SelectMany(n => n.GetTypeMembers(simple));
    }

    private static IEnumerable<INamedTypeSymbol> BasesOf(INamedTypeSymbol type)
    {
        for (var b = type.BaseType; b is not null; b = b.BaseType) yield return b;
    }

    private static INamespaceSymbol? NamespaceNamed(CSharpCompilation compilation, string name) =>
        name.Split('.').Aggregate((INamespaceSymbol?)compilation.GlobalNamespace,
            (ns, part) => ns?.GetNamespaceMembers().FirstOrDefault(n => n.Name == part));

    /// <summary>
    /// The classes posts import with <c>using static</c> and then write bare: <c>WriteLine</c>, <c>ReadLine</c>,
    /// <c>Sqrt</c>, <c>PI</c>. Only these two, and the classes the page itself imports: a bare name of any other static class
    /// (<c>Debug.WriteLine</c>, <c>Trace.WriteLine</c>) is no more likely than its namesakes, and a guess among them would be a coin toss.
    /// </summary>
    private static readonly string[] StaticHomes = ["System.Console", "System.Math"];

    /// <summary>
    /// The <c>static</c> usings (<c>static System.Console</c>) whose class has a public static member named <paramref name="name"/>:
    /// of <see cref="StaticHomes"/>, and of the classes the page itself imports with <c>using static</c>.
    /// </summary>
    private static IEnumerable<string> StaticHomesOf(
        string name, ImmutableArray<MetadataReference> references, IReadOnlySet<string>? pageStatics)
    {
        if (name.StartsWith(ExtensionKey)) yield break;
        var compilation = SnippetCompiler.BaseFor(references);
        foreach (var home in StaticHomes.Concat(pageStatics ?? new HashSet<string>()).Distinct(StringComparer.Ordinal))
        {
            if (compilation.GetTypeByMetadataName(home) is { } type
                && type.GetMembers(name).Any(m => m.IsStatic && m.DeclaredAccessibility == Accessibility.Public))
                yield return "static " + home;
        }
    }

    /// <summary>The identifier the diagnostic points at, read from the block's own line.</summary>
    internal static string? IdentifierAt(Snippet snippet, SourceLocation location)
    {
        var line = snippet.Block.Lines.FirstOrDefault(l => l.Line == location.Line);
        if (line.Text is null) return null;
        var start = location.Column - line.Column;
        if (start < 0 || start >= line.Text.Length) return null;
        var end = start;
        while (end < line.Text.Length && (char.IsLetterOrDigit(line.Text[end]) || line.Text[end] == '_')) end++;
        return end > start ? line.Text[start..end] : null;
    }

    /// <summary>True when the identifier at <paramref name="location"/> follows <c>[</c> or <c>,</c> on a line that opens
    /// with <c>[</c>: an attribute (<c>[Test]</c>, <c>[Fact, Trait("a", "b")]</c>).</summary>
    private static bool IsAttributeAt(Snippet snippet, SourceLocation location)
    {
        var line = snippet.Block.Lines.FirstOrDefault(l => l.Line == location.Line);
        var start = location.Column - line.Column;
        if (line.Text is null || start <= 0 || start > line.Text.Length || !line.Text.TrimStart().StartsWith('[')) return false;
        return line.Text[..start].TrimEnd() is { Length: > 0 } before && before[^1] is '[' or ',';
    }

    /// <summary>True when the identifier at <paramref name="location"/> is followed by <c>(</c> on its line: a call.</summary>
    private static bool IsInvokedAt(Snippet snippet, SourceLocation location)
    {
        var line = snippet.Block.Lines.FirstOrDefault(l => l.Line == location.Line);
        if (line.Text is null || IdentifierAt(snippet, location) is not { } name) return false;
        var after = location.Column - line.Column + name.Length;
        return after <= line.Text.Length && line.Text[after..].TrimStart().StartsWith('(');
    }

    private static readonly ConditionalWeakTable<ILookup<string, string>, IReadOnlySet<string>> NamespaceSets = new();

    /// <summary>Every namespace that holds a public type of the references, and each of its prefixes (<c>Microsoft</c>).</summary>
    public static IReadOnlySet<string> Namespaces(ImmutableArray<MetadataReference> references) =>
        NamespaceSets.GetValue(IndexFor(references), index => index.SelectMany(g => g).Distinct()
            .SelectMany(n => n.Split('.').Select((_, i) => string.Join('.', n.Split('.').Take(i + 1))))
            .ToHashSet(StringComparer.Ordinal));

    private static ILookup<string, string> IndexFor(ImmutableArray<MetadataReference> references)
    {
        var key = string.Join('|', references.Select(r => r.Display));
        return Indexes.GetOrAdd(key, _ => new Lazy<ILookup<string, string>>(() => Index(references))).Value;
    }

    /// <summary>Simple name → namespace, for every public top-level type of the references.</summary>
    private static ILookup<string, string> Index(ImmutableArray<MetadataReference> references) =>
        PublicNames(CSharpCompilation.Create("index", references: references).GlobalNamespace)
            .Distinct().ToLookup(t => t.Key, t => t.Namespace, StringComparer.Ordinal);

    /// <summary>
    /// Every public top-level type under <paramref name="root"/> with its namespace, and every public extension method,
    /// its name marked with <see cref="ExtensionKey"/>: what a using of that namespace brings into scope.
    /// </summary>
    internal static IEnumerable<(string Key, string Namespace)> PublicNames(INamespaceSymbol root)
    {
        var pending = new Stack<INamespaceSymbol>([root]);
        while (pending.TryPop(out var ns))
        {
            foreach (var child in ns.GetNamespaceMembers()) pending.Push(child);
            if (ns.IsGlobalNamespace) continue;
            var name = ns.ToDisplayString();
            foreach (var type in ns.GetTypeMembers().Where(t => t.DeclaredAccessibility == Accessibility.Public))
            {
                yield return (type.Name, name);
                if (!type.IsStatic || !type.MightContainExtensionMethods) continue;
                foreach (var method in type.GetMembers().OfType<IMethodSymbol>().Where(
                    m => m.IsExtensionMethod && m.DeclaredAccessibility == Accessibility.Public))
                    yield return (ExtensionKey + method.Name, name);
            }
        }
    }
}
