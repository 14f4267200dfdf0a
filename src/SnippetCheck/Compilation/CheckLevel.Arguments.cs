using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SnippetCheck.Compilation;

// A call the compiler left open because one argument depends on an unknown name: its other
// arguments are still what they are. A method may take the call when some type of each unknown argument would make it
// applicable; when none may, the call is wrong whatever the post declares.
internal static partial class CheckLevel
{
    /// <summary>
    /// Some method among <paramref name="candidates"/> may take these arguments: their count, their names, their
    /// <c>ref</c>/<c>out</c>/<c>in</c>, and the known types of the known ones fit it. An argument of no known type (an
    /// unknown name, a lambda, a target-typed <c>new()</c>) fits any parameter its <c>ref</c> kind fits.
    /// </summary>
    private static bool AnyMayTake(IEnumerable<IMethodSymbol> candidates, ArgumentListSyntax arguments, SemanticModel model,
        CancellationToken cancellationToken) =>
        candidates.Any(m => MayTake(m, arguments, model, cancellationToken));

    private static bool MayTake(IMethodSymbol method, ArgumentListSyntax arguments, SemanticModel model, CancellationToken cancellationToken)
    {
        var used = new HashSet<IParameterSymbol>(SymbolEqualityComparer.Default);
        for (var i = 0; i < arguments.Arguments.Count; i++)
        {
            var argument = arguments.Arguments[i];
            if (ParameterFor(method, arguments, i) is not { } parameter) return false;
            var inParams = parameter.IsParams && argument.NameColon is null && i >= method.Parameters.Length - 1;
            if (!used.Add(parameter) && !inParams) return false;
            if (!RefKindFits(argument, parameter)) return false;
            if (!TypeMayFit(argument, parameter, inParams && arguments.Arguments.Count > method.Parameters.Length, model, cancellationToken))
                return false;
        }
        return method.Parameters.All(p => used.Contains(p) || p.IsOptional || p.IsParams);
    }

    /// <summary>
    /// The parameter the argument at <paramref name="index"/> goes to: by its name, else by its position (a <c>params</c>
    /// one takes the rest).
    /// </summary>
    private static IParameterSymbol? ParameterFor(IMethodSymbol method, ArgumentListSyntax arguments, int index)
    {
        var parameters = method.Parameters;
        if (arguments.Arguments[index].NameColon is { } named) return parameters.FirstOrDefault(p => p.Name == named.Name.Identifier.ValueText);
        if (index < parameters.Length) return parameters[index];
        return parameters.Length > 0 && parameters[^1].IsParams ? parameters[^1] : null;
    }

    /// <summary>
    /// <c>ref</c> goes to a <c>ref</c> (or <c>ref readonly</c>, <c>in</c>) parameter, <c>out</c> to <c>out</c>, none to a
    /// value or <c>in</c> one.
    /// </summary>
    private static bool RefKindFits(ArgumentSyntax argument, IParameterSymbol parameter) => argument.RefKindKeyword.Kind() switch
    {
        SyntaxKind.RefKeyword => parameter.RefKind is RefKind.Ref or RefKind.RefReadOnlyParameter or RefKind.In,
        SyntaxKind.OutKeyword => parameter.RefKind == RefKind.Out,
        SyntaxKind.InKeyword => parameter.RefKind is RefKind.In or RefKind.RefReadOnlyParameter,
        _ => parameter.RefKind is RefKind.None or RefKind.In or RefKind.RefReadOnlyParameter,
    };

    /// <summary>
    /// The argument's known type converts to the parameter's (to its element type for a <c>params</c> array's
    /// <paramref name="element"/>); true when either side is open: no known type, a type parameter in the parameter's.
    /// </summary>
    private static bool TypeMayFit(ArgumentSyntax argument, IParameterSymbol parameter, bool element, SemanticModel model,
        CancellationToken cancellationToken)
    {
        if (KnownArgumentType(argument, model, cancellationToken) is not { } type) return true;
        var target = element ? (parameter.Type as IArrayTypeSymbol)?.ElementType : parameter.Type;
        if (target is null || target.TypeKind is TypeKind.Error or TypeKind.Dynamic || HasTypeParameter(target)) return true;
        if (!argument.RefKindKeyword.IsKind(SyntaxKind.None)) return SymbolEqualityComparer.Default.Equals(type, target);
        var conversion = model.ClassifyConversion(argument.Expression, target);
        if (conversion.IsImplicit) return true;
        // A params array takes its elements one by one, or itself.
        return parameter.IsParams && parameter.Type is IArrayTypeSymbol array && !element
            && model.ClassifyConversion(argument.Expression, array.ElementType).IsImplicit;
    }

    /// <summary>
    /// The type an argument has whatever the call it is in: null for one that depends on an unknown name, and for
    /// what only its target types (a lambda, a method group, <c>new()</c>, <c>default</c>, an interpolated string a
    /// handler may take).
    /// </summary>
    private static ITypeSymbol? KnownArgumentType(ArgumentSyntax argument, SemanticModel model, CancellationToken cancellationToken)
    {
        if (argument.Expression is InterpolatedStringExpressionSyntax or AnonymousFunctionExpressionSyntax or CollectionExpressionSyntax
            or ImplicitObjectCreationExpressionSyntax) return null;
        var type = model.GetTypeInfo(argument.Expression, cancellationToken).Type;
        return type is null || type.TypeKind is TypeKind.Error or TypeKind.Dynamic || ContainsError(type) ? null : type;
    }

    private static bool HasTypeParameter(ITypeSymbol type) => type switch
    {
        ITypeParameterSymbol => true,
        IArrayTypeSymbol array => HasTypeParameter(array.ElementType),
        INamedTypeSymbol named => named.TypeArguments.Any(HasTypeParameter),
        _ => false,
    };

    /// <summary>
    /// The methods a call's name may mean: the compiler's candidates, and what a lookup by that name finds on its
    /// receiver's type or in scope (extension methods too, which the candidates of a failed call may leave out).
    /// </summary>
    private static IEnumerable<IMethodSymbol> MethodsNamed(
        SimpleNameSyntax name, SymbolInfo info, SemanticModel model, CancellationToken cancellationToken)
    {
        var found = info.CandidateSymbols.OfType<IMethodSymbol>();
        var receiver = name.Parent is MemberAccessExpressionSyntax access && access.Name == name
            ? model.GetTypeInfo(access.Expression, cancellationToken).Type : null;
        if (receiver is { TypeKind: TypeKind.Error } || receiver is null && name.Parent is MemberAccessExpressionSyntax) return found;
        var looked = model.LookupSymbols(
            name.SpanStart, receiver as INamespaceOrTypeSymbol, name.Identifier.ValueText, includeReducedExtensionMethods: true);
        return found.Concat(looked.OfType<IMethodSymbol>());
    }

    /// <summary>
    /// The type of a lambda's parameter (<c>ctx</c>), or of a member chain on it (<c>ctx.Options</c>), that the compiler
    /// left untyped because the call the lambda is handed to stayed open on an unknown argument: the type every method
    /// that may take that call gives the parameter, when they agree and it is closed; null otherwise.
    /// </summary>
    private static ITypeSymbol? CallbackType(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken)
    {
        if (expression is MemberAccessExpressionSyntax { Name: IdentifierNameSyntax member } access)
        {
            if (CallbackType(access.Expression, model, cancellationToken) is not { } owner) return null;
            var found = model.LookupSymbols(member.SpanStart, owner, member.Identifier.ValueText);
            return found is [IPropertySymbol property] ? property.Type : found is [IFieldSymbol field] ? field.Type : null;
        }
        if (expression is not IdentifierNameSyntax identifier
            || model.GetSymbolInfo(identifier, cancellationToken).Symbol is not IParameterSymbol { ContainingSymbol: IMethodSymbol
                { MethodKind: MethodKind.AnonymousFunction } } parameter
            || parameter.Type.TypeKind != TypeKind.Error
            || parameter.DeclaringSyntaxReferences is not [var reference]
            || reference.GetSyntax(cancellationToken).Parent?.FirstAncestorOrSelf<AnonymousFunctionExpressionSyntax>() is not { } lambda
            || lambda.Parent is not ArgumentSyntax { Parent: ArgumentListSyntax arguments } argument
            || arguments.Parent is not InvocationExpressionSyntax call) return null;
        var info = model.GetSymbolInfo(call, cancellationToken);
        if (info.CandidateReason != CandidateReason.OverloadResolutionFailure) return null;
        var index = arguments.Arguments.IndexOf(argument);
        var lambdaParameters = lambda switch
        {
            SimpleLambdaExpressionSyntax => 1,
            ParenthesizedLambdaExpressionSyntax parenthesized => parenthesized.ParameterList.Parameters.Count,
            _ => -1,
        };
        // Each method that may take the call, and whose parameter there is a delegate of as many parameters, says one type.
        var types = info.CandidateSymbols.OfType<IMethodSymbol>().Where(m => MayTake(m, arguments, model, cancellationToken))
            .Select(m => DelegateOf(ParameterFor(m, arguments, index)?.Type)?.DelegateInvokeMethod)
            .Where(invoke => invoke is not null && invoke.Parameters.Length == lambdaParameters)
            .Select(invoke => invoke!.Parameters[parameter.Ordinal].Type).ToList();
        return types.Count > 0 && types.All(t => !HasTypeParameter(t) && t.TypeKind != TypeKind.Error)
            && types.Distinct(SymbolEqualityComparer.Default).Count() == 1 ? types[0] : null;
    }

    /// <summary>The delegate type a lambda converts to for a parameter of <paramref name="type"/> (<c>Expression&lt;TDelegate&gt;</c> too).</summary>
    private static INamedTypeSymbol? DelegateOf(ITypeSymbol? type) => type switch
    {
        INamedTypeSymbol { TypeKind: TypeKind.Delegate } named => named,
        INamedTypeSymbol { Name: "Expression", TypeArguments: [INamedTypeSymbol { TypeKind: TypeKind.Delegate } inner] } => inner,
        _ => null,
    };
}
