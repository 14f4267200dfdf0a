using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SnippetCheck.Model;
using Diagnostic = Microsoft.CodeAnalysis.Diagnostic;

namespace SnippetCheck.Compilation;

/// <summary>
/// What compiling a block at the <c>check</c> level asks of the compiler: which part is the block, and the names the
/// post's other blocks declare (a name the post declares is never an unknown name: it wants a session).
/// </summary>
/// <param name="Holes">The block's <c>...</c> placeholders the tool filled (<see cref="Compilation.Holes"/>).</param>
internal sealed record CheckScope(int PartId, IReadOnlySet<string> PostNames, IReadOnlyList<Hole>? Holes = null);

/// <summary>
/// What a <c>check</c> block's own text binds (<see cref="CheckLevel.Evidence"/>): the first use of the framework or a
/// package, and how many of its calls bound to one or were left unbound on an unknown name.
/// </summary>
internal sealed record CheckEvidence(string? KnownUse, int BoundCalls, int UnboundCalls)
{
    /// <summary>
    /// The block checks something: an API of the framework or a package binds, and the calls left unbound (on an unknown
    /// name or receiver, where a misspelt method passes) do not outnumber the calls that bound (docs/authoring.md).
    /// </summary>
    public bool ChecksSomething => KnownUse is not null && UnboundCalls <= BoundCalls;

    /// <summary>Why a block with a binding still checks nothing: its unbound calls outnumber the bound ones; null otherwise.</summary>
    public string? Shortfall => KnownUse is not null && UnboundCalls > BoundCalls
        ? $"only {BoundCalls} of its {BoundCalls + UnboundCalls} calls bind to the framework or a package; the other {UnboundCalls} depend on unknown names, " +
          "where a misspelt method would pass"
        : null;
}

/// <summary>
/// The <c>check</c> level's two questions, asked of a compilation that has run (README.md, "Levels"): which errors are
/// only unknown names, and does anything in the block bind to the framework or a package. The verdict itself is
/// <see cref="Judging.Judge"/>'s.
/// </summary>
internal static class CheckLevel
{
    /// <summary>The only errors an unknown name draws: "the name does not exist", "the type or namespace could not be found".</summary>
    private static readonly string[] UnknownNameIds = ["CS0103", "CS0246"];

    /// <summary>
    /// What a call's argument count draws: no constructor (CS1729) or overload (CS1501, CS1593) takes that many, a
    /// required parameter has no argument (CS7036).
    /// </summary>
    private static readonly string[] ArgumentCountIds = ["CS1729", "CS1501", "CS1593", "CS7036"];

    private static readonly ConditionalWeakTable<object, ReferenceIndex> ReferenceNamesBySet = new();

    /// <summary>The argument list of the call, creation or constructor initializer <paramref name="node"/> stands in (or names).</summary>
    private static ArgumentListSyntax? ArgumentsAt(SyntaxNode? node) => node?.AncestorsAndSelf().Select(n => n switch
    {
        InvocationExpressionSyntax call => call.ArgumentList,
        BaseObjectCreationExpressionSyntax creation => creation.ArgumentList,
        ConstructorInitializerSyntax initializer => initializer.ArgumentList,
        _ => null,
    }).FirstOrDefault(list => list is not null);

    /// <summary>An argument list that is a filled hole alone: <c>(...)</c>, which stands for any arguments, or none.</summary>
    private static bool IsHoleArgumentList(ArgumentListSyntax? list) =>
        list is { Arguments: [{ NameColon: null, Expression: IdentifierNameSyntax { Identifier.ValueText: Holes.Marker } }] };

    /// <summary>
    /// The errors among <paramref name="errors"/> (the block's own) that are an unknown name, with that name: on a
    /// simple name that is not the right side of a member access or qualified name, that no public type, namespace or
    /// static member of the references declares (<see cref="ReferenceIndex"/>), and that the post's other blocks do not
    /// declare. A PascalCase name one edit from a type of the references (<c>JsonSerializr</c>) is no unknown name but a
    /// misspelt known one: a renamed API must fail, not turn into a name the post leaves out.
    /// </summary>
    public static Dictionary<Diagnostic, string> UnknownNames(CSharpCompilation compilation, ImmutableArray<MetadataReference> references,
        IEnumerable<Diagnostic> errors, CheckScope scope, CancellationToken cancellationToken)
    {
        var found = new Dictionary<Diagnostic, string>();
        ReferenceIndex? known = null;
        foreach (var error in errors)
        {
            // 'new Button(...)': the hole stands for any number of arguments, none too, so no count is wrong (issue 54, bug 10).
            if (ArgumentCountIds.Contains(error.Id) && scope.Holes is { Count: > 0 } && error.Location.SourceTree is { } holeTree &&
                IsHoleArgumentList(ArgumentsAt(holeTree.GetRoot(cancellationToken).FindNode(error.Location.SourceSpan, getInnermostNodeForTie: true))))
            {
                found[error] = Holes.Marker;
                continue;
            }
            if (!UnknownNameIds.Contains(error.Id) || error.Location.SourceTree is not { } tree) continue;
            if (tree.GetRoot(cancellationToken).FindNode(error.Location.SourceSpan, getInnermostNodeForTie: true) is not SimpleNameSyntax name || IsQualified(name)) continue;
            var text = name.Identifier.ValueText;
            // A filled hole's argument list or value: allowed, and reported as the hole it is, not as a name.
            if (text == Holes.Marker && scope.Holes is { Count: > 0 })
            {
                found[error] = text;
                continue;
            }
            known ??= ReferenceNames(references);
            if (known.IsKnown(text, IsAttribute(name)) || scope.PostNames.Contains(text) || known.NearMiss(text, IsAttribute(name)) is not null) continue;
            // A bare call of a method a referenced package declares (FluentValidation's 'RuleFor'): the block leaves out
            // the class it is written in, and the package is there to say so; tolerated, a misspelt rule would pass.
            if (IsCallOf(name) is not null && known.PackageMethod(text) is not null) continue;
            found[error] = text;
        }
        return found;
    }

    /// <summary>
    /// What the block's own text binds, by the check level's rule (docs/authoring.md, "What check counts"). Only the
    /// author's text counts: not a hole's filler (<paramref name="isFiller"/>), and nothing inside the arguments or the
    /// initializer of a call or <c>new</c> the compiler could not bind (<c>StringComparer.Ordinal</c> passed to a rule
    /// method of an unknown receiver proves nothing about that rule method). Counted are the first use that binds to a
    /// symbol of a reference (a type, method, property, field or event of the framework, a package or a referenced
    /// project), and the block's calls (<c>M(...)</c>, <c>new T(...)</c>) that bound to a reference or were left unbound
    /// because they depend on an unknown name. <c>var</c> and namespaces prove nothing.
    /// </summary>
    public static CheckEvidence Evidence(CSharpCompilation compilation, IEnumerable<SyntaxTree> trees, Func<SyntaxNode, bool> inBlock,
        Func<SyntaxNode, bool> isFiller, CancellationToken cancellationToken)
    {
        string? first = null;
        int bound = 0, unbound = 0;
        foreach (var tree in trees)
        {
            var root = tree.GetRoot(cancellationToken);
            var calls = root.DescendantNodes().Where(n => n is InvocationExpressionSyntax or BaseObjectCreationExpressionSyntax && inBlock(n) && !isFiller(n)).ToList();
            if (calls.Count == 0 && !root.DescendantNodes().OfType<SimpleNameSyntax>().Any(inBlock)) continue;
            var model = compilation.GetSemanticModel(tree);
            // What an unbound call is handed: the compiler never matched it against any signature.
            var unboundCalls = calls.Where(c => IsUnbound(model, c, cancellationToken)).ToList();
            var handed = unboundCalls.Select(HandedSpan).OfType<Microsoft.CodeAnalysis.Text.TextSpan>().ToList();
            bool Incidental(SyntaxNode node) => handed.Any(h => h.Contains(node.Span));
            unbound += unboundCalls.Count(c => !Incidental(c));
            foreach (var call in calls)
            {
                if (unboundCalls.Contains(call) || Incidental(call)) continue;
                if (OfAReference(compilation, BoundSymbol(model.GetSymbolInfo(call, cancellationToken)))) bound++;
            }
            if (first is not null) continue;
            foreach (var name in root.DescendantNodes().OfType<SimpleNameSyntax>())
            {
                if (name is IdentifierNameSyntax { IsVar: true } || !inBlock(name) || isFiller(name) || Incidental(name)) continue;
                var symbol = BoundSymbol(model.GetSymbolInfo(name, cancellationToken));
                if (symbol is not (INamedTypeSymbol or IMethodSymbol or IPropertySymbol or IFieldSymbol or IEventSymbol) || !OfAReference(compilation, symbol)) continue;
                first = symbol.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat);
                break;
            }
        }
        return new CheckEvidence(first, bound, unbound);
    }

    /// <summary>
    /// The symbol a use bound to; for a call whose overload stayed open (<c>WriteLine(order.Total)</c>: an unknown
    /// argument), the method group its name bound to.
    /// </summary>
    private static ISymbol? BoundSymbol(SymbolInfo info) =>
        info.Symbol ?? (info.CandidateReason == CandidateReason.OverloadResolutionFailure ? info.CandidateSymbols.FirstOrDefault() : null);

    private static bool OfAReference(CSharpCompilation compilation, ISymbol? symbol) =>
        symbol?.ContainingAssembly is { } assembly && !SymbolEqualityComparer.Default.Equals(assembly, compilation.Assembly);

    /// <summary>A call or <c>new</c> the compiler did not bind because it depends on an unknown name: no symbol, no candidate, an error type.</summary>
    private static bool IsUnbound(SemanticModel model, SyntaxNode call, CancellationToken cancellationToken)
    {
        var info = model.GetSymbolInfo(call, cancellationToken);
        if (info.Symbol is not null || !info.CandidateSymbols.IsEmpty) return false;
        if (call is InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" } }) return false;
        return model.GetTypeInfo(call, cancellationToken).Type is null or { TypeKind: TypeKind.Error };
    }

    /// <summary>What a call hands over: its argument list, and a <c>new</c>'s initializer too.</summary>
    private static Microsoft.CodeAnalysis.Text.TextSpan? HandedSpan(SyntaxNode call) => call switch
    {
        InvocationExpressionSyntax invocation => invocation.ArgumentList.Span,
        BaseObjectCreationExpressionSyntax creation when creation.ArgumentList is { } arguments =>
            creation.Initializer is { } initializer ? Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(arguments.SpanStart, initializer.Span.End) : arguments.Span,
        BaseObjectCreationExpressionSyntax { Initializer: { } initializer } => initializer.Span,
        _ => null,
    };

#pragma warning disable RS2008 // not an analyzer: the descriptor only carries SC2014 through the compiler's diagnostics
    private static readonly Microsoft.CodeAnalysis.DiagnosticDescriptor UnboundApi = new(Model.DiagnosticCodes.UnboundApi, "API not found where the compiler did not look",
        "{0}", "SnippetCheck", Microsoft.CodeAnalysis.DiagnosticSeverity.Error, isEnabledByDefault: true);
#pragma warning restore RS2008

    /// <summary>
    /// What the compiler never bound: code that depends on an unknown name (an argument of a call on an unknown
    /// receiver, a target-typed <c>new()</c> of an unknown type) draws no error of its own, whatever it says. Each
    /// name there is looked up on its own (<c>SemanticModel.GetSymbolInfo</c>),
    /// and one that would be an error anywhere else is one here (SC2014): a member a known type or namespace lacks, a
    /// simple name that is a reference's own, or its near miss, or a name the post declares. A name that stays
    /// unknown, or a member of something unknown, is the post's own, as elsewhere: a simple one is returned with its
    /// name, to be listed with the compiler's unknown names.
    /// </summary>
    public static IEnumerable<(Diagnostic Diagnostic, string? Tolerated)> Unbound(CSharpCompilation compilation, IEnumerable<SyntaxTree> trees, Func<SyntaxNode, bool> inBlock,
        ImmutableArray<MetadataReference> references, IReadOnlyCollection<Diagnostic> reported, CheckScope scope, CancellationToken cancellationToken)
    {
        ReferenceIndex? known = null;
        foreach (var tree in trees)
        {
            SemanticModel? model = null;
            foreach (var name in tree.GetRoot(cancellationToken).DescendantNodes().OfType<SimpleNameSyntax>())
            {
                if (name is IdentifierNameSyntax { IsVar: true } || IsNotAUse(name) || !inBlock(name)) continue;
                if (reported.Any(d => d.Location.SourceTree == tree && d.Location.SourceSpan.IntersectsWith(name.Span))) continue;
                model ??= compilation.GetSemanticModel(tree);
                var info = model.GetSymbolInfo(name, cancellationToken);
                var text = name.Identifier.ValueText;
                if (info.CandidateReason == CandidateReason.OverloadResolutionFailure && IsCallOf(name) is { } call && ArgumentsAreKnown(model, call, cancellationToken))
                {
                    // Every argument has a type, and no overload takes them: what the compiler says of such a call elsewhere.
                    yield return (Diagnostic.Create(UnboundApi, name.GetLocation(),
                        $"no overload of '{info.CandidateSymbols[0].ContainingType?.Name}.{text}' takes these {call.ArgumentList.Arguments.Count} arguments (in code the compiler did not bind, since it depends on an unknown name)"), null);
                    continue;
                }
                if (info.CandidateReason == CandidateReason.OverloadResolutionFailure && IsCallOf(name) is { } counted && !IsHoleArgumentList(counted.ArgumentList)
                    && counted.ArgumentList.Arguments.All(a => a.NameColon is null) && !info.CandidateSymbols.OfType<IMethodSymbol>().Any(m => Accepts(m, counted.ArgumentList.Arguments.Count)))
                {
                    // Whatever the unknown arguments' types, no overload takes this many.
                    yield return (Diagnostic.Create(UnboundApi, name.GetLocation(),
                        $"no overload of '{info.CandidateSymbols[0].ContainingType?.Name}.{text}' takes {counted.ArgumentList.Arguments.Count} arguments (in code the compiler did not bind, since it depends on an unknown name)"), null);
                    continue;
                }
                if (info.Symbol is not null || !info.CandidateSymbols.IsEmpty) continue;
                if (text == Holes.Marker) continue;
                string? problem;
                if (IsQualified(name))
                {
                    // A member of something the compiler knows, that it does not have.
                    var left = name.Parent switch
                    {
                        MemberAccessExpressionSyntax access => access.Expression,
                        QualifiedNameSyntax qualified => qualified.Left,
                        _ => null,
                    };
                    if (left is null) continue;
                    var owner = model.GetSymbolInfo(left, cancellationToken).Symbol as INamespaceOrTypeSymbol
                        ?? model.GetTypeInfo(left, cancellationToken).Type;
                    if (owner is null or IErrorTypeSymbol || owner is ITypeSymbol { TypeKind: TypeKind.Error or TypeKind.Dynamic }) continue;
                    problem = $"'{owner.ToDisplayString()}' does not contain a definition for '{text}'";
                }
                else
                {
                    known ??= ReferenceNames(references);
                    problem = scope.PostNames.Contains(text) ? $"the name '{text}' is declared by another block of the post: join them in a session"
                        : known.NearMiss(text, IsAttribute(name)) is { } meant ? $"the name '{text}' does not exist{EditDistance.DidYouMean(meant)}"
                        : known.IsKnown(text, IsAttribute(name)) ? $"the name '{text}' is not in scope here (a using is missing?)"
                        : IsCallOf(name) is not null && known.PackageMethod(text) is { } owner ? PackageMethodProblem(text, owner)
                        : null;
                    if (problem is null)
                    {
                        yield return (Diagnostic.Create(UnboundApi, name.GetLocation(), $"the name '{text}' is not declared"), text);
                        continue;
                    }
                }
                if (problem is not null)
                    yield return (Diagnostic.Create(UnboundApi, name.GetLocation(), problem + " (in code the compiler did not bind, since it depends on an unknown name)"), null);
            }
        }
    }

    /// <summary>What a bare call of a package's method (<c>RuleFor(...)</c> outside its validator class) lacks.</summary>
    internal static string PackageMethodProblem(string name, string owner) =>
        $"'{name}' is a method of '{owner}', which a referenced package declares: the block leaves out the class it is written in (show it, or a hidden prelude)";

    /// <summary>The call whose method <paramref name="name"/> names (<c>M(...)</c>, <c>x.M(...)</c>); null for any other use.</summary>
    private static InvocationExpressionSyntax? IsCallOf(SimpleNameSyntax name) => name.Parent switch
    {
        InvocationExpressionSyntax call when call.Expression == name => call,
        MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax call } access when access.Name == name && call.Expression == access => call,
        _ => null,
    };

    /// <summary>The method takes <paramref name="arguments"/> positional arguments: no fewer than it requires, no more than it has unless one is <c>params</c>.</summary>
    private static bool Accepts(IMethodSymbol method, int arguments) =>
        arguments >= method.Parameters.Count(p => !p.IsOptional && !p.IsParams) && (arguments <= method.Parameters.Length || method.Parameters.Any(p => p.IsParams));

    /// <summary>Every argument has a type the compiler knows (no unknown name in it, no lambda whose types wait on the overload).</summary>
    private static bool ArgumentsAreKnown(SemanticModel model, InvocationExpressionSyntax call, CancellationToken cancellationToken) =>
        call.ArgumentList.Arguments.All(a => a.NameColon is null && a.RefKindKeyword.IsKind(SyntaxKind.None)
            && model.GetTypeInfo(a.Expression, cancellationToken).Type is { } type && type.TypeKind != TypeKind.Error && !ContainsError(type));

    private static bool ContainsError(ITypeSymbol type) =>
        type is INamedTypeSymbol named && named.TypeArguments.Any(t => t.TypeKind == TypeKind.Error || ContainsError(t));

    /// <summary>Names that say what something is called, not what it uses: a named argument, an anonymous type's or an initializer's member.</summary>
    private static bool IsNotAUse(SimpleNameSyntax name) => name.Parent switch
    {
        NameColonSyntax or NameEqualsSyntax => true,
        AssignmentExpressionSyntax { Parent: InitializerExpressionSyntax } assignment => assignment.Left == name,
        _ => false,
    };

    /// <summary>The name of an attribute (<c>[Fact]</c>), which the compiler also looks up with the <c>Attribute</c> suffix.</summary>
    private static bool IsAttribute(SimpleNameSyntax name) => name.Parent is AttributeSyntax;

    /// <summary>A name that only means something after a dot (<c>x.Name</c>, <c>A.B</c>, <c>?.Name</c>): what is before it decides.</summary>
    private static bool IsQualified(SimpleNameSyntax name) => name.Parent switch
    {
        MemberAccessExpressionSyntax access => access.Name == name,
        QualifiedNameSyntax qualified => qualified.Right == name,
        AliasQualifiedNameSyntax alias => alias.Name == name,
        MemberBindingExpressionSyntax => true,
        _ => false,
    };

    /// <summary>A reference assembly of a framework's targeting pack (<c>Microsoft.NETCore.App.Ref</c> and the like), not a package's or a project's.</summary>
    internal static bool IsFramework(MetadataReference reference) =>
        reference is PortableExecutableReference { FilePath: { } path }
        && (path.Contains(".App.Ref", StringComparison.OrdinalIgnoreCase) || path.Contains("NETStandard.Library", StringComparison.OrdinalIgnoreCase)
            || path.Contains("NETFramework.ReferenceAssemblies", StringComparison.OrdinalIgnoreCase));

    /// <summary>The names of a reference set (<see cref="ReferenceIndex"/>), built once per set: the framework alone has tens of thousands.</summary>
    internal static ReferenceIndex ReferenceNames(ImmutableArray<MetadataReference> references)
    {
        var key = (object?)ImmutableCollectionsMarshal.AsArray(references) ?? Array.Empty<MetadataReference>();
        return ReferenceNamesBySet.GetValue(key, _ =>
        {
            var compilation = SnippetCompiler.BaseFor(references);
            var packages = references.Where(r => !IsFramework(r)).Select(compilation.GetAssemblyOrModuleSymbol).OfType<IAssemblySymbol>()
                .ToHashSet<IAssemblySymbol>(SymbolEqualityComparer.Default);
            var index = new ReferenceIndex(packages);
            index.Walk(compilation.GlobalNamespace);
            return index;
        });
    }
}

/// <summary>
/// Every name a reference declares where a simple name could reach it: namespaces, public types (nested ones too), and
/// the public static members of public static classes, which <c>using static</c> brings in (<c>WriteLine</c>,
/// <c>PI</c>). Extension methods and enum values are left out: no simple name reaches them, and they are the plain words
/// posts name their own things with (<c>Order</c>, <c>Message</c>).
/// </summary>
/// <param name="packages">The assemblies of packages and projects, whose methods <see cref="PackageMethod"/> names.</param>
internal sealed class ReferenceIndex(IReadOnlySet<IAssemblySymbol>? packages = null)
{
    /// <summary>
    /// The shortest type name a misspelling is measured against: shorter ones could only differ in case
    /// (<see cref="EditDistance.IsNear"/>).
    /// </summary>
    private const int ShortestType = 2;

    public HashSet<string> Names { get; } = new(StringComparer.Ordinal);

    /// <summary>A name the references declare; an attribute's also with its <c>Attribute</c> suffix (<c>[Fact]</c> is <c>FactAttribute</c>).</summary>
    public bool IsKnown(string name, bool isAttribute = false) => Names.Contains(name) || isAttribute && Names.Contains(name + "Attribute");

    /// <summary>Every public or protected method name of a package's public types, with the first type that declares it.</summary>
    private readonly Dictionary<string, string> _packageMethods = new(StringComparer.Ordinal);

    /// <summary>The package type that declares a method <paramref name="name"/> (<c>AbstractValidator&lt;T&gt;</c> for <c>RuleFor</c>); null when none does.</summary>
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
            if (ofAPackage && member is IMethodSymbol { MethodKind: MethodKind.Ordinary, DeclaredAccessibility: Accessibility.Public or Accessibility.Protected or Accessibility.ProtectedOrInternal })
                _packageMethods.TryAdd(member.Name, type.ToDisplayString());
            if (member.DeclaredAccessibility != Accessibility.Public) continue;
            if (member is INamedTypeSymbol nested) AddType(nested);
            else if (type.IsStatic && member.IsStatic && member.CanBeReferencedByName && member is not IMethodSymbol { IsExtensionMethod: true }) Names.Add(member.Name);
        }
    }
}
