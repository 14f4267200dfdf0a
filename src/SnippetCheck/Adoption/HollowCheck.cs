using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SnippetCheck.Results;

namespace SnippetCheck.Adoption;

/// <summary>
/// A <c>check</c> that would protect nothing the block is about (issue 54, Required 1): its first member call, the call
/// the block exists to show (<c>services.AddResiliencePipeline(…)</c>, <c>builder.Services.AddOpenIddict().AddCore(…)</c>), is
/// made on a name the check level tolerates as unknown, so nothing says what it calls and a misspelt method passes.
/// <c>adopt</c> does not propose such a block at the check level (docs/authoring.md, "What check counts").
/// </summary>
internal static class HollowCheck
{
    /// <summary>
    /// True when <paramref name="passed"/> (a block that passed at the check level) makes its first member call, in the
    /// order written, on a receiver that is, or is reached from, one of its unknown names.
    /// </summary>
    public static bool FirstCallOnUnknown(SnippetResult passed, CSharpParseOptions parseOptions)
    {
        var unknown = passed.UnknownNames.Select(n => n.Name).ToHashSet(StringComparer.Ordinal);
        if (unknown.Count == 0) return false;
        var root = CSharpSyntaxTree.ParseText(string.Join('\n', passed.Snippet.Code.Select(l => l.Text)), parseOptions).GetRoot();
        // A block with no member call (only 'new StringBuilder(capacity)') has no first call to hollow out.
        var first = root.DescendantNodes().OfType<InvocationExpressionSyntax>()
            .Select(i => i.Expression switch
            {
                MemberAccessExpressionSyntax access => (Name: access.Name, Receiver: access.Expression),
                MemberBindingExpressionSyntax binding =>
                    (Name: binding.Name, Receiver: (binding.Parent?.Parent as ConditionalAccessExpressionSyntax)?.Expression),
                _ => default,
            })
            .Where(c => c.Name is not null).OrderBy(c => c.Name.SpanStart).FirstOrDefault();
        return first.Receiver is not null && RootName(first.Receiver) is { } name && unknown.Contains(name);
    }

    /// <summary>The name a receiver chain starts at: <c>builder</c> of <c>builder.Services.AddX()</c>; null for any other start.</summary>
    private static string? RootName(ExpressionSyntax expression)
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
                case PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression } bang:
                    expression = bang.Operand;
                    break;
                case SimpleNameSyntax name: return name.Identifier.ValueText;
                default: return null;
            }
        }
    }
}
