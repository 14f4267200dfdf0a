using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace SnippetCheck.Adoption.Inference.Receivers;

/// <summary>
/// The public types of a block's referenced assemblies (framework, the Web SDK's, its packages'), indexed by the members
/// a receiver is called with: <c>services.AddScoped&lt;IFoo, Foo&gt;()</c> fits the one type an
/// extension method <c>AddScoped</c> of two type arguments extends, <c>IServiceCollection</c>. A type is a candidate only
/// when it declares one of the members called or an extension method extends it; it fits when every member called
/// resolves on it (its own, its bases' and interfaces', or an extension of any of them), with the generic arity and
/// argument count written. Of the fitting types, the one most derived is taken, else the one an extension called
/// extends; several (a <c>Services</c> property on three builders) give nothing.
/// </summary>
internal sealed class ReceiverIndex
{
    /// <summary>
    /// A member called on a receiver: its name, its type arguments (null: none written) and arguments (null: not called), and
    /// the methods called on what it returns (<c>theString.Should().Be("a")</c>: <c>Be</c> on <c>Should()</c>'s result; null: none).
    /// </summary>
    public sealed record Call(string Name, int? Arity, int? Arguments, IReadOnlyList<Call>? Then = null);

    /// <summary>
    /// The type a receiver fits: its name as written in <c>given=</c>, the namespaces its calls need, its assembly's file, and
    /// the files of the assemblies that declare the extension methods its calls bind to (each where one assembly does).
    /// </summary>
    public sealed record Fit(string Type, IReadOnlyList<string> Namespaces, string AssemblyPath, IReadOnlyList<string> ExtensionPaths)
    {
        /// <summary>The type itself, for the parameters of its calls (<see cref="ArgumentType"/>).</summary>
        internal INamedTypeSymbol? Symbol { get; init; }
    }

    /// <summary>The most types one member name brings as candidates: a name such as <c>Add</c> is declared by thousands.</summary>
    private const int MaxCandidates = 2000;

    private static readonly ConcurrentDictionary<string, ReceiverIndex> Indexes = new(StringComparer.Ordinal);

    private readonly Dictionary<string, List<INamedTypeSymbol>> _declarers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<IMethodSymbol>> _extensions = new(StringComparer.Ordinal);
    private readonly Dictionary<IAssemblySymbol, string> _paths = new(SymbolEqualityComparer.Default);
    private readonly List<INamedTypeSymbol> _types = [];
    private readonly INamedTypeSymbol _object;

    private ReceiverIndex(IEnumerable<MetadataReference> references)
    {
        var compilation = CSharpCompilation.Create("receiver-index", references: references);
        _object = compilation.GetSpecialType(SpecialType.System_Object);
        foreach (var reference in compilation.References.OfType<PortableExecutableReference>())
        {
            if (compilation.GetAssemblyOrModuleSymbol(reference) is not IAssemblySymbol assembly || reference.FilePath is null) continue;
            _paths[assembly] = reference.FilePath;
            var pending = new Stack<INamespaceSymbol>([assembly.GlobalNamespace]);
            while (pending.TryPop(out var ns))
            {
                foreach (var child in ns.GetNamespaceMembers()) pending.Push(child);
                foreach (var type in ns.GetTypeMembers().Where(t => t.DeclaredAccessibility == Accessibility.Public)) Add(type);
            }
        }
    }

    /// <summary>
    /// The index of <paramref name="references"/>, built once per set of assemblies; of two files of one assembly name
    /// (a package's dependency that the Web SDK also has), the first listed.
    /// </summary>
    public static ReceiverIndex Of(IEnumerable<MetadataReference> references)
    {
        var files = references.DistinctBy(r => Path.GetFileName(r.Display), StringComparer.OrdinalIgnoreCase).ToList();
        return Indexes.GetOrAdd(string.Join('|', files.Select(r => r.Display)), _ => new ReceiverIndex(files));
    }

    private void Add(INamedTypeSymbol type)
    {
        if (type.IsStatic && type.MightContainExtensionMethods)
        {
            foreach (var method in type.GetMembers().OfType<IMethodSymbol>().Where(
                m => m.IsExtensionMethod && m.DeclaredAccessibility == Accessibility.Public
                    && m.Parameters[0].Type is INamedTypeSymbol or ITypeParameterSymbol))
                Bucket(_extensions, method.Name).Add(method);
            return;
        }
        // A generic type needs type arguments a hidden line cannot guess; it still counts as a base or interface of others.
        if (type.IsStatic || type.Arity > 0 || type.IsImplicitlyDeclared) return;
        _types.Add(type);
        foreach (var name in type.MemberNames.Where(n => SyntaxFacts.IsValidIdentifier(n))) Bucket(_declarers, name).Add(type);
    }

    private static List<T> Bucket<T>(Dictionary<string, List<T>> index, string name)
    {
        if (!index.TryGetValue(name, out var list)) index[name] = list = [];
        return list;
    }

    /// <summary>The one type that <paramref name="calls"/> all resolve on; null when none, or several alike.</summary>
    /// <param name="receiver">The receiver's name: of several types alike, the one it names (<see cref="Names"/>).</param>
    public Fit? TypeFor(IReadOnlyList<Call> calls, string? receiver = null)
    {
        if (calls.Count == 0) return null;
        var extensions = calls.SelectMany(c => _extensions.GetValueOrDefault(c.Name) ?? []).ToList();
        var extended = extensions.SelectMany(GenericExtensions.Extended)
            .Where(t => t.Arity == 0 && t.DeclaredAccessibility == Accessibility.Public)
            .Distinct<INamedTypeSymbol>(SymbolEqualityComparer.Default).ToList();
        // A member that thousands declare ('ToString', 'Add') is still checked on each candidate, but brings none of its own.
        // A generic extension ('SetAlignment<T>(this T) where T : IAlignable') fits each type its constraint admits alike: all
        // of them are candidates, so the one that also declares the name (PanelHeader) is not taken for the most derived.
        var candidates = calls.SelectMany(c => _declarers.GetValueOrDefault(c.Name) is { Count: <= MaxCandidates } declarers ? declarers : [])
            .Concat(extended).Concat(extensions.Where(e => e.Parameters[0].Type is ITypeParameterSymbol).SelectMany(GenericExtensions.Extended)
                .Distinct<INamedTypeSymbol>(SymbolEqualityComparer.Default).SelectMany(Implementers))
            .Distinct<INamedTypeSymbol>(SymbolEqualityComparer.Default).ToList();
        var fitting = candidates.Where(t => calls.All(c => Resolves(t, c))).ToList();
        // None: a type that has two extended interfaces at once ('app.UseRouting(); app.MapGet(…)': WebApplication is an
        // IApplicationBuilder and an IEndpointRouteBuilder), looked for among every type that implements one of them.
        if (fitting.Count == 0 && extended.Count > 0)
            fitting = [.. _types.Where(t => extended.Any(e => IsOrDerives(t, e)) && calls.All(c => Resolves(t, c)))];
        // An assertion library's 'Should()' extends every type alike (object's, the base of all, would be taken): of the types
        // that fit, those whose calls' results have what the block calls on them, when that leaves one; else as before.
        if (calls.Any(c => c.Then is not null)
            && Unique([.. fitting.Where(t => calls.All(c => Resolves(t, c, chained: true)))], extended, receiver) is { } chained)
            return FitOf(chained, calls);
        return Unique(fitting, extended, receiver) is { } fit ? FitOf(fit, calls) : null;
    }

    /// <summary>
    /// The type named <paramref name="fullName"/> (<c>Quartz.IServiceCollectionQuartzConfigurator</c>, as the compiler read a
    /// lambda's parameter of another block: <see cref="LambdaReceivers"/>) when every one of <paramref name="calls"/> resolves on it.
    /// </summary>
    public Fit? Named(string fullName, IReadOnlyList<Call> calls) =>
        _types.FirstOrDefault(t => t.ToDisplayString() == fullName) is { } type && calls.All(c => Resolves(type, c)) ? FitOf(type, calls) : null;

    /// <summary>The one type written <paramref name="written"/> (a doc set's receiver's, <c>RestClient</c>) when all calls resolve on it.</summary>
    public Fit? Declared(string written, IReadOnlyList<Call> calls) =>
        _types.Where(t => t.ToDisplayString(TypeName) == written || t.ToDisplayString() == written).ToList() is [var type]
        && calls.All(c => Resolves(type, c)) ? FitOf(type, calls) : null;

    /// <summary><paramref name="fit"/> as given: its name, the namespaces its calls need, and the assemblies they bind in.</summary>
    private Fit FitOf(INamedTypeSymbol fit, IReadOnlyList<Call> calls)
    {
        var namespaces = new List<string>();
        var extensionPaths = new List<string>();
        if (!fit.ContainingNamespace.IsGlobalNamespace) namespaces.Add(fit.ContainingNamespace.ToDisplayString());
        foreach (var call in calls)
        {
            // A member that binds only as an extension needs its class's namespace (one, else the using round finds it), and
            // the assembly that declares it: the package to propose is the one that brings it.
            if (SelfAndAncestors(fit).Any(s => s.GetMembers(call.Name).Any(m => !m.IsStatic && Fits(m, call, extension: false)))) continue;
            var sameName = _extensions.GetValueOrDefault(call.Name) ?? [];
            var binding = sameName.Where(e => Extends(e, fit) && Fits(e, call, extension: true)).ToList();
            var from = binding.Select(e => e.ContainingNamespace).Where(n => !n.IsGlobalNamespace).Select(n => n.ToDisplayString())
                .Distinct(StringComparer.Ordinal).ToList();
            if (from.Count == 1 && !namespaces.Contains(from[0])) namespaces.Add(from[0]);
            var declaring = binding.Select(e => _paths.GetValueOrDefault(e.ContainingAssembly)).OfType<string>()
                .Distinct(StringComparer.Ordinal).ToList();
            if (declaring.Count == 1 && !extensionPaths.Contains(declaring[0])) extensionPaths.Add(declaring[0]);
        }
        return new(fit.ToDisplayString(TypeName), namespaces, _paths.GetValueOrDefault(fit.ContainingAssembly) ?? "", extensionPaths)
        {
            Symbol = fit,
        };
    }

    /// <summary>
    /// The type of the parameter at <paramref name="position"/> of <paramref name="call"/> on <paramref name="receiver"/>, when
    /// every overload the call can mean, as written, agrees on it (<c>logger.LogInformation(message)</c>
    /// takes a String whatever overload binds); null when they disagree, the parameter is <c>params</c> or by reference, or
    /// its type names a type parameter a hidden line cannot write. A method's own unconstrained type parameter
    /// (<c>Set&lt;TItem&gt;(key, TItem value)</c>) takes any argument: Object, as the call would infer for one.
    /// </summary>
    public Fit? ArgumentType(Fit receiver, Call call, int position)
    {
        if (receiver.Symbol is not { } type) return null;
        var overloads = SelfAndAncestors(type).SelectMany(s => s.GetMembers(call.Name)).OfType<IMethodSymbol>()
            .Where(m => !m.IsStatic && m.DeclaredAccessibility == Accessibility.Public && Fits(m, call, extension: false))
            .Select(m => (IReadOnlyList<IParameterSymbol>)m.Parameters)
            .Concat((_extensions.GetValueOrDefault(call.Name) ?? []).Where(e => Extends(e, type) && Fits(e, call, extension: true))
                .Select(e => (IReadOnlyList<IParameterSymbol>)[.. e.Parameters.Skip(1)]))
            .ToList();
        var types = overloads.Select(p => position < p.Count && p[position] is { IsParams: false, RefKind: RefKind.None } parameter
            ? Writable(parameter.Type) : null).ToList();
        if (types.Count == 0 || types.Any(t => t is null) || types.Distinct<ITypeSymbol?>(SymbolEqualityComparer.Default).Count() != 1) return null;
        var argument = (INamedTypeSymbol)types[0]!;
        List<string> namespaces = argument.ContainingNamespace is { IsGlobalNamespace: false } ns ? [ns.ToDisplayString()] : [];
        return new(argument.ToDisplayString(TypeName), namespaces, _paths.GetValueOrDefault(argument.ContainingAssembly) ?? "", []);
    }

    /// <summary>
    /// <paramref name="type"/> as a hidden line can declare it: a named type whose type arguments are all named types, or a
    /// method's type parameter with no constraint but <c>class</c> (Object); else null.
    /// </summary>
    private INamedTypeSymbol? Writable(ITypeSymbol type) => type switch
    {
        ITypeParameterSymbol { TypeParameterKind: TypeParameterKind.Method, ConstraintTypes.Length: 0, HasValueTypeConstraint: false,
            HasUnmanagedTypeConstraint: false, HasConstructorConstraint: false, HasNotNullConstraint: false } => _object,
        INamedTypeSymbol { IsAnonymousType: false, DeclaredAccessibility: Accessibility.Public } named when Closed(named) => named,
        _ => null,
    };

    private static bool Closed(ITypeSymbol type) => type is INamedTypeSymbol named && named.TypeArguments.All(Closed);

    /// <summary>
    /// Of the types that fit, the most derived (it is, or implements, every other); else the one an extension called
    /// extends (IServiceCollection, not each collection of services); else the one every other is (IHostApplicationBuilder
    /// of two builders that both have <c>Services</c> and <c>Configuration</c>); else the one the receiver's name names
    /// (Quartz declares <c>AddQuartz</c> on IServiceCollection, IHostApplicationBuilder and IHealthChecksBuilder alike:
    /// <c>services.AddQuartz(…)</c> is the first's); else, of those it names, the one every other of them is; else none.
    /// </summary>
    private static INamedTypeSymbol? Unique(List<INamedTypeSymbol> fitting, List<INamedTypeSymbol> extended, string? receiver)
    {
        IEnumerable<Func<INamedTypeSymbol, bool>> preferences =
        [
            t => fitting.All(o => IsOrDerives(t, o)),
            t => extended.Contains(t, SymbolEqualityComparer.Default),
            t => fitting.All(o => IsOrDerives(o, t)),
            t => receiver is not null && Names(receiver, t),
            t => receiver is not null && Names(receiver, t) && fitting.Where(o => Names(receiver, o)).All(o => IsOrDerives(o, t)),
        ];
        return preferences.Select(p => fitting.Where(p).ToList()).FirstOrDefault(f => f.Count == 1)?[0];
    }

    /// <summary>
    /// True when <paramref name="receiver"/>, without a leading <c>_</c> or a plural <c>s</c>, is part of the type's name
    /// (without an interface's <c>I</c>), ignoring case: <c>services</c> names IServiceCollection, not IHostApplicationBuilder.
    /// </summary>
    internal static bool Names(string receiver, INamedTypeSymbol type)
    {
        var name = receiver.TrimStart('_');
        if (name.Length > 3 && name.EndsWith('s')) name = name[..^1];
        var isIName = type.TypeKind == TypeKind.Interface && type.Name is ['I', var second, ..] && char.IsUpper(second);
        var typeName = isIName ? type.Name[1..] : type.Name;
        return name.Length >= 3 && typeName.Contains(name, StringComparison.OrdinalIgnoreCase);
    }

    private static readonly SymbolDisplayFormat TypeName = new(typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypes);

    /// <param name="chained">Whether the calls made on the call's result must resolve there too (<see cref="ThenResolves"/>).</param>
    private bool Resolves(INamedTypeSymbol type, Call call, bool chained = false) =>
        SelfAndAncestors(type).Any(s => s.GetMembers(call.Name).Any(m => !m.IsStatic && m.DeclaredAccessibility == Accessibility.Public
            && Fits(m, call, extension: false) && (!chained || ThenResolves(m, type, call))))
        || (_extensions.GetValueOrDefault(call.Name) ?? []).Any(
            e => Extends(e, type) && Fits(e, call, extension: true) && (!chained || ThenResolves(e, type, call)));

    /// <summary>
    /// True when the methods called on what <paramref name="member"/> returns resolve there: <c>Should()</c> on a string
    /// returns assertions that have <c>Be</c>; on any object, assertions that lack <c>StartWith</c>. A result whose type the
    /// index cannot name (a type parameter other than the receiver's) rules nothing out.
    /// </summary>
    private bool ThenResolves(ISymbol member, INamedTypeSymbol receiver, Call call)
    {
        if (call.Then is not { Count: > 0 } then || member is not IMethodSymbol method) return true;
        var result = method.ReturnType switch
        {
            INamedTypeSymbol named => named,
            ITypeParameterSymbol parameter when method.IsExtensionMethod
                && SymbolEqualityComparer.Default.Equals(method.Parameters[0].Type, parameter) => receiver,
            _ => null,
        };
        return result is null || then.All(t => Resolves(result, t));
    }

    private static bool Extends(IMethodSymbol extension, INamedTypeSymbol type)
    {
        if (extension.Parameters[0].Type is ITypeParameterSymbol parameter) return GenericExtensions.Admits(parameter, type);
        var receiver = ((INamedTypeSymbol)extension.Parameters[0].Type).OriginalDefinition;
        return SelfAndAncestors(type).Any(s => SymbolEqualityComparer.Default.Equals(s.OriginalDefinition, receiver));
    }

    private readonly Dictionary<INamedTypeSymbol, List<INamedTypeSymbol>> _implementers = new(SymbolEqualityComparer.Default);

    /// <summary>The indexed types that are, or derive from, <paramref name="type"/> (at most <see cref="MaxCandidates"/>).</summary>
    private List<INamedTypeSymbol> Implementers(INamedTypeSymbol type)
    {
        lock (_implementers)
        {
            if (!_implementers.TryGetValue(type, out var found))
                _implementers[type] = found = [.. _types.Where(t => IsOrDerives(t, type)).Take(MaxCandidates + 1)];
            return found.Count <= MaxCandidates ? found : [];
        }
    }

    /// <summary>True when <paramref name="member"/> can be what <paramref name="call"/> names, as written.</summary>
    private static bool Fits(ISymbol member, Call call, bool extension)
    {
        if (member is not IMethodSymbol method)
            return call.Arguments is null && call.Arity is null && member is IPropertySymbol { IsIndexer: false } or IFieldSymbol or IEventSymbol;
        if (method.MethodKind != MethodKind.Ordinary && !extension || call.Arguments is not { } count) return false;
        if (call.Arity is { } arity && method.Arity != arity) return false;
        var parameters = extension ? method.Parameters.Skip(1).ToList() : [.. method.Parameters];
        var required = parameters.Count(p => !p.IsOptional && !p.IsParams);
        return count >= required && (count <= parameters.Count || parameters.Count > 0 && parameters[^1].IsParams);
    }

    private static bool IsOrDerives(INamedTypeSymbol type, INamedTypeSymbol other) =>
        SelfAndAncestors(type).Any(s => SymbolEqualityComparer.Default.Equals(s, other));

    internal static IEnumerable<INamedTypeSymbol> SelfAndAncestors(INamedTypeSymbol type)
    {
        for (var t = type; t is not null; t = t.BaseType) yield return t;
        foreach (var i in type.AllInterfaces) yield return i;
    }
}
