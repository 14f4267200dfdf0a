using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Diagnostic = Microsoft.CodeAnalysis.Diagnostic;

namespace SnippetCheck.Compilation;

/// <summary>
/// The <c>check</c> level's two questions, asked of a compilation that has run (README.md, "Levels"): which errors are
/// only unknown names, and does anything in the block bind to the framework or a package. The verdict itself is
/// <see cref="Results.Judge"/>'s.
/// </summary>
internal static partial class CheckLevel
{
    /// <summary>Whether <paramref name="id"/> is one of the only errors an unknown name draws (<see cref="Model.UnknownNames.Core"/>).</summary>
    public static bool IsUnknownName(string id) => Model.UnknownNames.Core.Contains(id);

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
    /// misspelt known one: a renamed API must fail, not turn into a name the post leaves out. So is a bare name that
    /// misspells a member of the class's known base (<c>Okay</c> for a controller's <c>Ok</c>), and an attribute's named
    /// argument, which names the attribute's field or property, never the post's, so misspelt it must fail.
    /// </summary>
    public static Dictionary<Diagnostic, string> UnknownNames(CSharpCompilation compilation, ImmutableArray<MetadataReference> references,
        IEnumerable<Diagnostic> errors, CheckScope scope, CancellationToken cancellationToken)
    {
        var found = new Dictionary<Diagnostic, string>();
        ReferenceIndex? known = null;
        var models = new Dictionary<SyntaxTree, SemanticModel>();
        foreach (var error in errors)
        {
            // 'new Button(...)': the hole stands for any number of arguments, none too, so no count is wrong.
            if (ArgumentCountIds.Contains(error.Id) && scope.Holes is { Count: > 0 } && error.Location.SourceTree is { } holeTree &&
                IsHoleArgumentList(ArgumentsAt(
                    holeTree.GetRoot(cancellationToken).FindNode(error.Location.SourceSpan, getInnermostNodeForTie: true))))
            {
                found[error] = Holes.Marker;
                continue;
            }
            if (!IsUnknownName(error.Id) || error.Location.SourceTree is not { } tree) continue;
            if (tree.GetRoot(cancellationToken).FindNode(error.Location.SourceSpan, getInnermostNodeForTie: true) is not SimpleNameSyntax name
                || IsQualified(name)) continue;
            var text = name.Identifier.ValueText;
            // A filled hole's argument list or value: allowed, and reported as the hole it is, not as a name.
            if (text == Holes.Marker && scope.Holes is { Count: > 0 })
            {
                found[error] = text;
                continue;
            }
            // What names a field or property (an attribute's 'EntryPoint = …') is the attribute's to have, never the post's.
            if (IsNotAUse(name)) continue;
            known ??= ReferenceNames(references);
            if (known.IsKnown(text, IsAttribute(name)) || scope.PostNames.Contains(text)
                || known.NearMiss(text, IsAttribute(name)) is not null
                || BaseMemberNearMiss(ModelOf(tree), name, compilation) is not null) continue;
            // A bare call of a method a referenced package declares (FluentValidation's 'RuleFor'): the block leaves out
            // the class it is written in, and the package is there to say so; tolerated, a misspelt rule would pass.
            if (IsCallOf(name) is not null && known.PackageMethod(text) is not null) continue;
            found[error] = text;
        }
        return found;

        SemanticModel ModelOf(SyntaxTree tree) => models.TryGetValue(tree, out var model) ? model : models[tree] = compilation.GetSemanticModel(tree);
    }

    /// <summary>
    /// What the block's own text binds, by the check level's rule (docs/authoring.md, "What check counts"). Only the
    /// author's text counts: not a hole's filler (<paramref name="isFiller"/>), and nothing inside the arguments or the
    /// initializer of a call or <c>new</c> the compiler could not bind (<c>StringComparer.Ordinal</c> passed to a rule
    /// method of an unknown receiver proves nothing about that rule method). Counted are the first use that binds to a
    /// symbol of a reference (a type, method, property, field or event of the framework, a package or a referenced
    /// project), and the block's calls (<c>M(...)</c>, <c>new T(...)</c>) that bound to a reference or were left unbound
    /// because they depend on an unknown name, each attribute that bound and each query (<see cref="QueryCalls"/>) counted
    /// as one of those, and which of the bound ones only write output (<see cref="CheckEvidence.OutputCalls"/>). <c>var</c> and
    /// namespaces prove nothing.
    /// </summary>
    public static CheckEvidence Evidence(CSharpCompilation compilation, IEnumerable<SyntaxTree> trees, Func<SyntaxNode, bool> inBlock,
        Func<SyntaxNode, bool> isFiller, Func<SyntaxNode, Model.SourceLocation?> locate, CancellationToken cancellationToken)
    {
        string? first = null;
        int bound = 0, unbound = 0, writes = 0;
        HollowCall? hollow = null;
        var bindsPackage = false;
        foreach (var tree in trees)
        {
            var root = tree.GetRoot(cancellationToken);
            var calls = root.DescendantNodes().Where(
                n => n is InvocationExpressionSyntax or BaseObjectCreationExpressionSyntax && inBlock(n) && !isFiller(n)).ToList();
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
                var symbol = BoundSymbol(model.GetSymbolInfo(call, cancellationToken));
                if (!OfAReference(compilation, symbol)) continue;
                bound++;
                if (WritesOutput(symbol!)) writes++;
            }
            var (queriesBound, queriesUnbound) =
                QueryCalls(compilation, model, root, q => inBlock(q) && !isFiller(q) && !Incidental(q), cancellationToken);
            // An attribute that binds ('[Fact]', '[JsonPropertyName("id")]') calls a reference's constructor: misspelt, it fails.
            bound += queriesBound + root.DescendantNodes().OfType<AttributeSyntax>().Count(a => inBlock(a) && !isFiller(a) && !Incidental(a)
                && OfAReference(compilation, BoundSymbol(model.GetSymbolInfo(a, cancellationToken))));
            unbound += queriesUnbound;
            hollow ??= FirstCallOnUnknown(model, root, inBlock, isFiller, locate, cancellationToken);
            if (first is not null && bindsPackage) continue;
            foreach (var name in root.DescendantNodes().OfType<SimpleNameSyntax>())
            {
                if (name is IdentifierNameSyntax { IsVar: true } || !inBlock(name) || isFiller(name) || Incidental(name)) continue;
                var symbol = BoundSymbol(model.GetSymbolInfo(name, cancellationToken));
                if (symbol is not (INamedTypeSymbol or IMethodSymbol or IPropertySymbol or IFieldSymbol or IEventSymbol)
                    || !OfAReference(compilation, symbol)) continue;
                first ??= symbol.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat);
                bindsPackage |= OfAPackage(compilation, symbol);
                if (bindsPackage) break;
            }
        }
        var packages = compilation.References.Where(r => !IsFramework(r)).ToList();
        return new CheckEvidence(first, bound, unbound)
        {
            HollowCall = hollow,
            OutputCalls = writes,
            Incidental = packages.Count > 0 && !bindsPackage && unbound > 0,
        };
    }

    /// <summary>
    /// The block's queries as calls: one over values of a type declared nowhere (<c>from p in products</c>, products a
    /// <c>List&lt;Product&gt;</c>) is a call left unbound, since the methods it calls bind whatever it selects; one
    /// over values of a known type whose clauses bind to a reference's methods (LINQ's <c>Where</c>, <c>GroupBy</c>) makes a
    /// call that bound of each such clause: a clause of the wrong type, or a member its values lack, fails it.
    /// </summary>
    private static (int Bound, int Unbound) QueryCalls(
        CSharpCompilation compilation, SemanticModel model, SyntaxNode root, Func<SyntaxNode, bool> counts, CancellationToken cancellationToken)
    {
        int bound = 0, unbound = 0;
        foreach (var query in root.DescendantNodes().OfType<QueryExpressionSyntax>().Where(q => counts(q)))
        {
            var type = model.GetTypeInfo(query.FromClause.Expression, cancellationToken).Type;
            if (type is null or { TypeKind: TypeKind.Error } || ContainsError(type))
            {
                unbound++;
                continue;
            }
            // Each clause of this query (a nested query's are its own) is a call of the method it translates to (SelectMany,
            // Where, Select): each that binds to a reference counts, as the calls written out would.
            bound += query.Body.DescendantNodesAndSelf().Where(n => n is QueryClauseSyntax or SelectOrGroupClauseSyntax or OrderingSyntax
                    && n.FirstAncestorOrSelf<QueryExpressionSyntax>() == query)
                .Select(n => n switch
                {
                    QueryClauseSyntax clause => model.GetQueryClauseInfo(clause, cancellationToken).OperationInfo.Symbol,
                    SelectOrGroupClauseSyntax selection => model.GetSymbolInfo(selection, cancellationToken).Symbol,
                    _ => model.GetSymbolInfo((OrderingSyntax)n, cancellationToken).Symbol,
                })
                .Count(symbol => OfAReference(compilation, symbol));
        }
        return (bound, unbound);
    }

    /// <summary>
    /// A method that only writes text out (<c>Console.WriteLine</c>, <c>Debug.Write</c>): it binds beside anything a
    /// block is about, so it proves none of it.
    /// </summary>
    private static bool WritesOutput(ISymbol method) =>
        method.Name.StartsWith("Write", StringComparison.Ordinal) && method.ContainingType?.ToDisplayString() is
            "System.Console" or "System.Diagnostics.Debug" or "System.Diagnostics.Trace";

    /// <summary>A symbol of a package or a referenced project: of a reference that is not the framework's.</summary>
    private static bool OfAPackage(CSharpCompilation compilation, ISymbol symbol) =>
        symbol.ContainingAssembly is { } assembly && compilation.GetMetadataReference(assembly) is { } reference && !IsFramework(reference);

    /// <summary>
    /// The symbol a use bound to; for a call whose overload stayed open (<c>WriteLine(order.Total)</c>: an unknown
    /// argument), the method group its name bound to.
    /// </summary>
    private static ISymbol? BoundSymbol(SymbolInfo info) =>
        info.Symbol ?? (info.CandidateReason == CandidateReason.OverloadResolutionFailure ? info.CandidateSymbols.FirstOrDefault() : null);

    private static bool OfAReference(CSharpCompilation compilation, ISymbol? symbol) =>
        symbol?.ContainingAssembly is { } assembly && !SymbolEqualityComparer.Default.Equals(assembly, compilation.Assembly);

    /// <summary>
    /// A call or <c>new</c> the compiler did not bind because it depends on an unknown name: no symbol, no candidate. Its
    /// type may still be known: on an unknown receiver, the compiler's recovery gives <c>validator.Validate(age)</c> the
    /// return type of a <c>Validate</c> it found among a package's extension methods, yet bound nothing.
    /// </summary>
    private static bool IsUnbound(SemanticModel model, SyntaxNode call, CancellationToken cancellationToken)
    {
        var info = model.GetSymbolInfo(call, cancellationToken);
        if (info.Symbol is not null || !info.CandidateSymbols.IsEmpty) return false;
        if (call is InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" } }) return false;
        return model.GetTypeInfo(call, cancellationToken).Type is null or { TypeKind: TypeKind.Error or TypeKind.Dynamic }
            || call is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Expression: var receiver } }
            && model.GetTypeInfo(receiver, cancellationToken).Type is null or { TypeKind: TypeKind.Error };
    }

    /// <summary>What a call hands over: its argument list, and a <c>new</c>'s initializer too.</summary>
    private static Microsoft.CodeAnalysis.Text.TextSpan? HandedSpan(SyntaxNode call) => call switch
    {
        InvocationExpressionSyntax invocation => invocation.ArgumentList.Span,
        BaseObjectCreationExpressionSyntax creation when creation.ArgumentList is { } arguments =>
            creation.Initializer is { } initializer ? Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(arguments.SpanStart, initializer.Span.End)
            : arguments.Span,
        BaseObjectCreationExpressionSyntax { Initializer: { } initializer } => initializer.Span,
        _ => null,
    };

    /// <summary>
    /// Names that say what something is called, not what it uses: a named argument, an anonymous type's or an initializer's member.
    /// </summary>
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

    /// <summary>
    /// A reference assembly of a framework's targeting pack (<c>Microsoft.NETCore.App.Ref</c> and the like), not a package's or a project's.
    /// </summary>
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
