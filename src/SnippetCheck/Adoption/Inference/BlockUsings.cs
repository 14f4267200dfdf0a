using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SnippetCheck.Extraction.Snippets;

namespace SnippetCheck.Adoption.Inference;

/// <summary>The namespaces a block imports on its own <c>using X;</c> lines (not aliases, nor <c>using static</c>).</summary>
internal static class BlockUsings
{
    public static IReadOnlyList<string> Of(CompilationUnitSyntax root) =>
        [.. root.Usings.Where(u => u.Alias is null && u.StaticKeyword == default && u.Name is not null).Select(u => u.Name!.ToString())];

    public static IReadOnlyList<string> Of(Snippet snippet) =>
        Of(CSharpSyntaxTree.ParseText(string.Join('\n', snippet.Code.Select(l => l.Text))).GetCompilationUnitRoot());
}
