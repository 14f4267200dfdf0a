using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SnippetCheck.Extraction.Snippets;

namespace SnippetCheck.Adoption.Inference.Receivers;

/// <summary>
/// The fields a block declares with a type it names: a controller's <c>IQueue _queue;</c>, set from its constructor, then
/// called bare on other pages (<c>_queue.QueueTask(…)</c>). That is the type the docs' reader has in mind, the library's
/// interface the DI container hands out, not the one concrete class its calls also fit (<see cref="InferredReceivers"/>).
/// </summary>
internal static class FieldReceivers
{
    /// <summary>
    /// Each field of <paramref name="snippet"/> with its type, as <c>given=</c> writes it: a field of a class, or a declaration
    /// with no value whose name says it is a field (<c>_queue</c>), written alone as the docs show a member.
    /// </summary>
    public static IEnumerable<(string Name, string Type)> Declared(Snippet snippet)
    {
        var root = CSharpSyntaxTree.ParseText(string.Join('\n', snippet.Code.Select(l => l.Text))).GetCompilationUnitRoot();
        var fields = root.DescendantNodes().OfType<FieldDeclarationSyntax>().Select(f => f.Declaration)
            .Concat(root.DescendantNodes().OfType<LocalDeclarationStatementSyntax>()
                .Where(l => l.Parent is GlobalStatementSyntax && l.Declaration.Variables.All(v => v.Initializer is null && IsFieldName(v)))
                .Select(l => l.Declaration));
        return fields.Where(d => d.Type is NameSyntax { IsVar: false } && !d.Type.ContainsDiagnostics)
            .SelectMany(d => d.Variables.Select(v => (v.Identifier.ValueText, string.Concat(d.Type.ToString().Where(c => !char.IsWhiteSpace(c))))));
    }

    private static bool IsFieldName(VariableDeclaratorSyntax variable) => variable.Identifier.ValueText is ['_', _, ..];
}
