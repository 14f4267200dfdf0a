using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SnippetCheck.Extraction.Snippets;
using SnippetCheck.Model;

namespace SnippetCheck.Adoption.Inference.Receivers;

/// <summary>
/// The page's own helpers a block calls or reads bare and no page shows, as a reader takes them: "some helper of yours".
/// Stateless' README writes <c>.OnEntry(() =&gt; SendEmailToAssignee())</c> and <c>.PermitIf(…, () =&gt; !IsValidNumber)</c>.
/// Each is given as a local of the type its use alone demands (<c>given=SendEmailToAssignee:System.Action</c>): a call as a
/// statement or a lambda's body is an <c>Action</c> (else a <c>Func&lt;bool&gt;</c>, when the library's parameter says so),
/// one in a condition a <c>Func&lt;bool&gt;</c>, an awaited one a <c>Task</c>'s, a read in a condition or as a lambda's body
/// a <c>bool</c>. A given local holds no value, so the block is compiled, never run. Only calls without arguments: an
/// argument's type is the compiler's to say. Never a name the block calls or reads as a member, nor one an edit away from
/// such a name, nor any name in a block with a static using, a base class or as members (there a bare name may be a
/// library's member): a misspelt library call stays an error on the library's type (CS1061, CS0117), never a helper.
/// </summary>
internal static class BareHelpers
{
    public const string Action = "System.Action", Bool = "System.Boolean", BoolFunc = "System.Func<System.Boolean>",
        TaskFunc = "System.Func<System.Threading.Tasks.Task>", BoolTaskFunc = "System.Func<System.Threading.Tasks.Task<System.Boolean>>";

    /// <summary>One helper: its name, the types its uses allow (best first) and the block's lines it is used on.</summary>
    public sealed record Helper(string Name, IReadOnlyList<string> Types, IReadOnlySet<int> Lines)
    {
        /// <summary>The <c>given=</c> entry for its type number <paramref name="choice"/> (the last when past it).</summary>
        public string Entry(int choice) => $"{Name}:{Types[Math.Min(choice, Types.Count - 1)]}";
    }

    /// <summary>
    /// The block's unknown names (CS0103) that are bare helpers, each with the types its uses allow; empty for none. A name
    /// the page shows declared (<paramref name="pageShows"/>: another block's method, property, field or local) is no
    /// helper: it is the page's own, for a session to join, not a stub's to stand for.
    /// </summary>
    public static IReadOnlyList<Helper> Of(
        Snippet snippet, IReadOnlyList<Model.Diagnostic> diagnostics, CSharpParseOptions options, IReadOnlySet<string> pageShows)
    {
        if (snippet.Tags.Members || snippet.Tags.Base is not null) return [];
        var unknown = diagnostics.Where(d => d.IsError && d.Id == "CS0103").Select(d => UsingInference.IdentifierAt(snippet, d.Location))
            .OfType<string>().Where(n => !pageShows.Contains(n)).Distinct(StringComparer.Ordinal).ToList();
        if (unknown.Count == 0) return [];
        var root = CSharpSyntaxTree.ParseText(string.Join('\n', snippet.Code.Select(l => l.Text)), options).GetCompilationUnitRoot();
        if (root.Usings.Any(u => u.StaticKeyword.IsKind(SyntaxKind.StaticKeyword))) return [];
        var members = root.DescendantNodes().Select(n => n switch
        {
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
            _ => null,
        }).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var helpers = new List<Helper>();
        foreach (var name in unknown)
        {
            // A name the block also reaches as a member, or one an edit from one, may be a misspelt library call.
            if (members.Any(m => string.Equals(m, name, StringComparison.OrdinalIgnoreCase) || EditDistance.Between(m, name) <= 1)) continue;
            var uses = root.DescendantNodes().OfType<IdentifierNameSyntax>().Where(i => i.Identifier.ValueText == name).ToList();
            var allowed = uses.Select(TypesOf).ToList();
            // No bare identifier to type it by ('Make<int>()' is a generic name): no helper.
            if (allowed.Count == 0 || allowed.Any(t => t is null)) continue;
            var agreed = allowed[0]!.Where(t => allowed.All(a => a!.Contains(t))).ToList();
            var lines = uses.Select(u => snippet.Code[u.GetLocation().GetLineSpan().StartLinePosition.Line].Line).ToHashSet();
            if (agreed.Count > 0) helpers.Add(new(name, agreed, lines));
        }
        return helpers;
    }

    /// <summary>The names the page's blocks declare: methods, local functions, properties, fields, locals and parameters.</summary>
    public static IReadOnlySet<string> PageShows(IEnumerable<Snippet> blocks, CSharpParseOptions options) =>
        blocks.SelectMany(b => CSharpSyntaxTree.ParseText(string.Join('\n', b.Code.Select(l => l.Text)), options).GetCompilationUnitRoot()
            .DescendantNodes().Select(n => n switch
            {
                MethodDeclarationSyntax method => method.Identifier.ValueText,
                LocalFunctionStatementSyntax local => local.Identifier.ValueText,
                PropertyDeclarationSyntax property => property.Identifier.ValueText,
                VariableDeclaratorSyntax variable => variable.Identifier.ValueText,
                ParameterSyntax parameter => parameter.Identifier.ValueText,
                _ => null,
            })).OfType<string>().ToHashSet(StringComparer.Ordinal);

    /// <summary>The types one use of a name allows, best first; null when the use says nothing of its type (or is no bare use).</summary>
    private static IReadOnlyList<string>? TypesOf(IdentifierNameSyntax use)
    {
        if (use.Parent is InvocationExpressionSyntax call && call.Expression == use)
        {
            if (call.ArgumentList.Arguments.Count > 0) return null;
            var (value, awaited) = call.Parent is AwaitExpressionSyntax wait ? ((ExpressionSyntax)wait, true) : ((ExpressionSyntax)call, false);
            if (IsCondition(value)) return [awaited ? BoolTaskFunc : BoolFunc];
            if (value.Parent is ExpressionStatementSyntax) return [awaited ? TaskFunc : Action];
            if (value.Parent is not LambdaExpressionSyntax lambda || lambda.ExpressionBody != value) return null;
            if (awaited) return [TaskFunc, BoolTaskFunc];
            return [Action, BoolFunc];
        }
        if (use.Parent is MemberAccessExpressionSyntax or QualifiedNameSyntax or MemberBindingExpressionSyntax
            || SyntaxFacts.IsInTypeOnlyContext(use)) return null;
        if (IsCondition(use) || use.Parent is LambdaExpressionSyntax reader && reader.ExpressionBody == use) return [Bool];
        return null;
    }

    /// <summary>
    /// True when <paramref name="value"/> is read as a condition: negated, an operand of <c>&amp;&amp;</c> or <c>||</c>, or
    /// what <c>if</c>, <c>while</c> or <c>?:</c> test.
    /// </summary>
    private static bool IsCondition(ExpressionSyntax value) => value.Parent switch
    {
        PrefixUnaryExpressionSyntax not => not.IsKind(SyntaxKind.LogicalNotExpression),
        BinaryExpressionSyntax logical => logical.IsKind(SyntaxKind.LogicalAndExpression) || logical.IsKind(SyntaxKind.LogicalOrExpression),
        ConditionalExpressionSyntax conditional => conditional.Condition == value,
        IfStatementSyntax statement => statement.Condition == value,
        WhileStatementSyntax loop => loop.Condition == value,
        _ => false,
    };
}
