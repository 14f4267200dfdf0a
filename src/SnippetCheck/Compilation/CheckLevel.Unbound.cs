using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SnippetCheck.Model;
using Diagnostic = Microsoft.CodeAnalysis.Diagnostic;

namespace SnippetCheck.Compilation;

// Code the compiler did not bind because it depends on an unknown name: what the check level still finds wrong in it
// (a missing member, an overload no argument count fits), so a block of unknown receivers is no free pass.
internal static partial class CheckLevel
{
#pragma warning disable RS2008 // not an analyzer: the descriptor only carries SC2014 through the compiler's diagnostics
    private static readonly Microsoft.CodeAnalysis.DiagnosticDescriptor UnboundApi =
        new(Model.DiagnosticCodes.UnboundApi, "API not found where the compiler did not look",
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
    public static IEnumerable<(Diagnostic Diagnostic, string? Tolerated)> Unbound(
        CSharpCompilation compilation, IEnumerable<SyntaxTree> trees, Func<SyntaxNode, bool> inBlock,
        ImmutableArray<MetadataReference> references, IReadOnlyCollection<Diagnostic> reported, CheckScope scope, CancellationToken cancellationToken)
    {
        ReferenceIndex? known = null;
        foreach (var tree in trees)
        {
            SemanticModel? model = null;
            foreach (var name in tree.GetRoot(cancellationToken).DescendantNodes().OfType<SimpleNameSyntax>())
            {
                if (name is IdentifierNameSyntax { IsVar: true } || IsNotAUse(name) || IsNameofKeyword(name) || !inBlock(name)) continue;
                if (reported.Any(d => d.Location.SourceTree == tree && d.Location.SourceSpan.IntersectsWith(name.Span))) continue;
                model ??= compilation.GetSemanticModel(tree);
                var info = model.GetSymbolInfo(name, cancellationToken);
                var text = name.Identifier.ValueText;
                if (OverloadProblem(name, info, model, cancellationToken) is { } overload)
                {
                    yield return (overload, null);
                    continue;
                }
                if (info.Symbol is not null || !info.CandidateSymbols.IsEmpty) continue;
                if (text == Holes.Marker) continue;
                string? problem;
                if (IsQualified(name))
                {
                    problem = MissingMemberProblem(name, model, cancellationToken);
                    if (problem is null) continue;
                }
                else
                {
                    known ??= ReferenceNames(references);
                    problem = scope.PostNames.Contains(text) ? $"the name '{text}' is declared by another block of the post: join them in a session"
                        : (known.NearMiss(text, IsAttribute(name)) ?? BaseMemberNearMiss(model, name, compilation)) is { } meant
                            ? $"the name '{text}' does not exist{EditDistance.DidYouMean(meant)}"
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
                    yield return (Diagnostic.Create(
                        UnboundApi, name.GetLocation(), problem + " (in code the compiler did not bind, since it depends on an unknown name)"), null);
            }
        }
    }

    /// <summary>
    /// The <c>nameof</c> of <c>nameof(X)</c>: a keyword form, which the compiler leaves unbound when <c>X</c> is unknown; only
    /// <c>X</c> is a name the post may not declare.
    /// </summary>
    private static bool IsNameofKeyword(SimpleNameSyntax name) =>
        name is IdentifierNameSyntax { Identifier.ValueText: "nameof" }
        && name.Parent is InvocationExpressionSyntax { ArgumentList.Arguments.Count: 1 } call
        && call.Expression == name;

    /// <summary>
    /// A call that no overload of its method takes, though the compiler did not bind it: by its arguments' known types, or
    /// by their count alone whatever their types; null for any other name.
    /// </summary>
    private static Diagnostic? OverloadProblem(SimpleNameSyntax name, SymbolInfo info, SemanticModel model, CancellationToken cancellationToken)
    {
        if (info.CandidateReason != CandidateReason.OverloadResolutionFailure || IsCallOf(name) is not { } call) return null;
        var text = name.Identifier.ValueText;
        if (ArgumentsAreKnown(model, call, cancellationToken))
        {
            // Every argument has a type, and no overload takes them: what the compiler says of such a call elsewhere.
            return Diagnostic.Create(UnboundApi, name.GetLocation(),
                $"no overload of '{info.CandidateSymbols[0].ContainingType?.Name}.{text}' takes these " +
                $"{call.ArgumentList.Arguments.Count} arguments (in code the compiler did not bind, since it depends on an unknown name)");
        }
        if (IsHoleArgumentList(call.ArgumentList)) return null;
        var methods = MethodsNamed(name, info, model, cancellationToken).ToList();
        if (call.ArgumentList.Arguments.All(a => a.NameColon is null) && !methods.Any(m => Accepts(m, call.ArgumentList.Arguments.Count)))
        {
            // Whatever the unknown arguments' types, no overload takes this many.
            return Diagnostic.Create(UnboundApi, name.GetLocation(),
                $"no overload of '{info.CandidateSymbols[0].ContainingType?.Name}.{text}' takes " +
                $"{call.ArgumentList.Arguments.Count} arguments (in code the compiler did not bind, since it depends on an unknown name)");
        }
        // An unknown argument leaves the others checked: their names, their ref/out and their known types, so a mutant of them fails.
        if (!AnyMayTake(methods, call.ArgumentList, model, cancellationToken))
        {
            return Diagnostic.Create(UnboundApi, name.GetLocation(),
                $"no overload of '{info.CandidateSymbols[0].ContainingType?.Name}.{text}' takes these arguments, whatever the types of the " +
                "unknown ones: the others, their names or their ref/out fit none (in code the compiler did not bind, since it depends on an " +
                "unknown name)");
        }
        return null;
    }

    /// <summary>
    /// A member of something the compiler knows, that it does not have (<c>x.Missing</c>, <c>N.Missing</c>); null when
    /// what it is a member of is itself unknown (or dynamic).
    /// </summary>
    private static string? MissingMemberProblem(SimpleNameSyntax name, SemanticModel model, CancellationToken cancellationToken)
    {
        var left = name.Parent switch
        {
            MemberAccessExpressionSyntax access => access.Expression,
            QualifiedNameSyntax qualified => qualified.Left,
            _ => null,
        };
        if (left is null) return null;
        var owner = model.GetSymbolInfo(left, cancellationToken).Symbol as INamespaceOrTypeSymbol
            ?? model.GetTypeInfo(left, cancellationToken).Type;
        if (owner is null or IErrorTypeSymbol || owner is ITypeSymbol { TypeKind: TypeKind.Error or TypeKind.Dynamic })
        {
            // A callback's parameter the compiler left untyped, whose type every overload that may take the call agrees on.
            if (CallbackType(left, model, cancellationToken) is not { } inferred
                || !model.LookupSymbols(name.SpanStart, inferred, name.Identifier.ValueText, includeReducedExtensionMethods: true).IsEmpty)
                return null;
            owner = inferred;
        }
        return $"'{owner.ToDisplayString()}' does not contain a definition for '{name.Identifier.ValueText}'";
    }

    /// <summary>What a bare call of a package's method (<c>RuleFor(...)</c> outside its validator class) lacks.</summary>
    internal static string PackageMethodProblem(string name, string owner) =>
        $"'{name}' is a method of '{owner}', which a referenced package declares: the block leaves out the class it is written in (show it, or a " +
        $"hidden prelude)";

    /// <summary>The call whose method <paramref name="name"/> names (<c>M(...)</c>, <c>x.M(...)</c>); null for any other use.</summary>
    private static InvocationExpressionSyntax? IsCallOf(SimpleNameSyntax name) => name.Parent switch
    {
        InvocationExpressionSyntax call when call.Expression == name => call,
        MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax call } access when access.Name == name && call.Expression == access => call,
        _ => null,
    };

    /// <summary>
    /// The method takes <paramref name="arguments"/> positional arguments: no fewer than it requires, no more than it has unless one is
    /// <c>params</c>.
    /// </summary>
    private static bool Accepts(IMethodSymbol method, int arguments) =>
        arguments >= method.Parameters.Count(p => !p.IsOptional && !p.IsParams)
        && (arguments <= method.Parameters.Length || method.Parameters.Any(p => p.IsParams));

    /// <summary>Every argument has a type the compiler knows (no unknown name in it, no lambda whose types wait on the overload).</summary>
    private static bool ArgumentsAreKnown(SemanticModel model, InvocationExpressionSyntax call, CancellationToken cancellationToken) =>
        call.ArgumentList.Arguments.All(a => a.NameColon is null && a.RefKindKeyword.IsKind(SyntaxKind.None)
            && model.GetTypeInfo(a.Expression, cancellationToken).Type is { } type && type.TypeKind != TypeKind.Error && !ContainsError(type));

    private static bool ContainsError(ITypeSymbol type) =>
        type is INamedTypeSymbol named && named.TypeArguments.Any(t => t.TypeKind == TypeKind.Error || ContainsError(t));
}
