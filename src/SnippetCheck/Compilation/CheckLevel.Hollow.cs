using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SnippetCheck.Compilation;

internal static partial class CheckLevel
{
    /// <summary>
    /// The block's first member call (<c>a.M()</c>, <c>a?.M()</c>; the author's own text, outside a hole's filler), when
    /// its receiver has no type the compiler knows: a name declared nowhere (<c>calculator.Add(…)</c>), a chain from one
    /// (<c>builder.Services.AddX()</c>, <c>RuleFor(…).NotNull()</c>), or a local of a type declared nowhere. Any
    /// misspelling of that call, or an argument more, passes there unseen. Null when the first call binds or has none.
    /// The one rule both <c>verify</c> (<see cref="Results.Judge.Check"/>) and <c>adopt</c> read.
    /// </summary>
    private static HollowCall? FirstCallOnUnknown(SemanticModel model, SyntaxNode root, Func<SyntaxNode, bool> inBlock,
        Func<SyntaxNode, bool> isFiller, Func<SyntaxNode, Model.SourceLocation?> locate, CancellationToken cancellationToken)
    {
        var first = root.DescendantNodes().OfType<InvocationExpressionSyntax>()
            .Where(i => inBlock(i) && !isFiller(i))
            .Select(i => i.Expression switch
            {
                MemberAccessExpressionSyntax access => (Name: access.Name, Receiver: access.Expression),
                MemberBindingExpressionSyntax binding =>
                    (Name: binding.Name, Receiver: (binding.Parent?.Parent as ConditionalAccessExpressionSyntax)?.Expression),
                _ => default,
            })
            .Where(c => c.Name is not null && c.Receiver is not null).OrderBy(c => c.Name.SpanStart).FirstOrDefault();
        if (first.Receiver is null || !HasNoType(model, first.Receiver, cancellationToken)) return null;
        var start = ChainStart(first.Receiver);
        var rootName = start?.Identifier.ValueText ?? first.Receiver.ToString();
        // A method declared nowhere ('RuleFor(…).NotNull()') is no name 'given=' can declare: what it returns is of unknown type.
        var declaredNowhere = start is not null && start.Parent is not InvocationExpressionSyntax
            && model.GetSymbolInfo(start, cancellationToken) is { Symbol: null, CandidateSymbols.IsEmpty: true };
        return new HollowCall(first.Name.Identifier.ValueText, rootName, declaredNowhere, locate(first.Name));
    }

    /// <summary>A receiver the compiler could give no type: not a type or namespace it knows, and of no type or an error type.</summary>
    private static bool HasNoType(SemanticModel model, ExpressionSyntax receiver, CancellationToken cancellationToken)
    {
        if (model.GetSymbolInfo(receiver, cancellationToken).Symbol is INamespaceSymbol or INamedTypeSymbol { TypeKind: not TypeKind.Error })
            return false;
        return model.GetTypeInfo(receiver, cancellationToken).Type is null or { TypeKind: TypeKind.Error };
    }

    /// <summary>The name a receiver chain starts at: <c>builder</c> of <c>builder.Services.AddX()</c>; null for any other start.</summary>
    internal static SimpleNameSyntax? ChainStart(ExpressionSyntax expression)
    {
        while (true)
        {
            switch (expression)
            {
                case MemberAccessExpressionSyntax access: expression = access.Expression; break;
                case InvocationExpressionSyntax invocation: expression = invocation.Expression; break;
                case ElementAccessExpressionSyntax element: expression = element.Expression; break;
                case ConditionalAccessExpressionSyntax conditional: expression = conditional.Expression; break;
                case ParenthesizedExpressionSyntax parenthesized: expression = parenthesized.Expression; break;
                case AwaitExpressionSyntax awaited: expression = awaited.Expression; break;
                case PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression } bang:
                    expression = bang.Operand;
                    break;
                case SimpleNameSyntax name: return name;
                default: return null;
            }
        }
    }
}
