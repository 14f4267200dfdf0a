using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SnippetCheck.Results;

namespace SnippetCheck.Adoption.Inference;

/// <summary>
/// The docs' own enums read off a package's namesake (Stateless' <c>State.OnHold</c> once a using brought in
/// <c>Stateless.Graph.State</c>, a class without <c>OnHold</c>: CS0117): the receiver is still given, and the stubs
/// (<c>StubTypes</c>) leave that using out and stub the enum.
/// </summary>
internal static class EnumReads
{
    /// <summary>The failed block's diagnostics but its CS0117 errors on a type it reads as an enum's values (<see cref="ReadAsEnums"/>).</summary>
    internal static IReadOnlyList<Model.Diagnostic> WithoutEnumReads(SnippetResult failed)
    {
        if (!failed.Diagnostics.Any(d => d.IsError && d.Id == "CS0117")) return failed.Diagnostics;
        var enums = ReadAsEnums(CSharpSyntaxTree.ParseText(string.Join('\n', failed.Snippet.Code.Select(l => l.Text))).GetCompilationUnitRoot(),
            failed.Diagnostics);
        return [.. failed.Diagnostics.Where(d => d.Id != "CS0117" || !enums.Any(e => d.Message.StartsWith($"'{e}'", StringComparison.Ordinal)
            || d.Message.Contains($".{e}' does not", StringComparison.Ordinal)))];
    }

    /// <summary>
    /// The types the block's CS0117 errors name (<c>'State' does not contain a definition for 'OnHold'</c>) that it reads
    /// only as an enum's values or uses as a type: a namesake a using brought in for the docs' own enum.
    /// </summary>
    internal static IReadOnlyList<string> ReadAsEnums(CompilationUnitSyntax root, IEnumerable<Model.Diagnostic> errors) =>
        [.. errors.Where(e => e.IsError && e.Id == "CS0117" && e.Message.IndexOf('\'', 1) > 1)
            .Select(e => e.Message[1..e.Message.IndexOf('\'', 1)]).Select(t => t[(t.LastIndexOf('.') + 1)..]).Distinct(StringComparer.Ordinal)
            .Where(t => root.DescendantNodes().OfType<IdentifierNameSyntax>().Where(i => i.Identifier.ValueText == t).ToList() is { Count: > 0 } uses
                && uses.All(u => EnumValue(u) is not null || SyntaxFacts.IsInTypeOnlyContext(u)))];

    /// <summary>
    /// The names the page's blocks read as an enum's values (<c>State.OffHook</c>) and otherwise use only as types (a member
    /// named alike, <c>phoneCall.State</c>, is no use): the docs' own enums, whose values another block may never read.
    /// </summary>
    internal static IReadOnlySet<string> OnPage(IEnumerable<Extraction.Snippets.Snippet> blocks)
    {
        var uses = blocks.SelectMany(b => CSharpSyntaxTree.ParseText(string.Join('\n', b.Code.Select(l => l.Text))).GetCompilationUnitRoot()
                .DescendantNodes().OfType<IdentifierNameSyntax>())
            .Where(i => i.Identifier.ValueText is [var first, ..] && char.IsUpper(first)
                && !(i.Parent is MemberAccessExpressionSyntax access && access.Name == i))
            .GroupBy(i => i.Identifier.ValueText, StringComparer.Ordinal);
        return uses.Where(g => g.Any(u => EnumValue(u) is not null) && g.All(u => EnumValue(u) is not null || SyntaxFacts.IsInTypeOnlyContext(u)))
            .Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The value a use of an enum reads (<c>OffHook</c> of <c>State.OffHook</c>, not called); null for any other use.</summary>
    internal static string? EnumValue(IdentifierNameSyntax use) =>
        use.Parent is MemberAccessExpressionSyntax { Name: IdentifierNameSyntax value } access && access.Expression == use
            && !(access.Parent is InvocationExpressionSyntax invocation && invocation.Expression == access) ? value.Identifier.ValueText : null;
}
