using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SnippetCheck.Extraction.Snippets;

namespace SnippetCheck.Adoption.Inference;

/// <summary>
/// The namespaces a block imports on its own <c>using X;</c> lines (not aliases, nor <c>using static</c>), and the classes a
/// page imports with <c>using static</c>.
/// </summary>
internal static class BlockUsings
{
    public static IReadOnlyList<string> Of(CompilationUnitSyntax root) =>
        [.. root.Usings.Where(u => u.Alias is null && u.StaticKeyword == default && u.Name is not null).Select(u => u.Name!.ToString())];

    public static IReadOnlyList<string> Of(Snippet snippet) =>
        Of(CSharpSyntaxTree.ParseText(string.Join('\n', snippet.Code.Select(l => l.Text))).GetCompilationUnitRoot());

    private static readonly ConditionalWeakTable<Snippet, IReadOnlyList<string>> StaticByBlock = new();

    /// <summary>
    /// The classes <paramref name="document"/>'s blocks import with <c>using static</c> (<c>Parlot.Fluent.Parsers</c>): a page that
    /// shows the import once ("you must add the following import statements") writes the class's members bare after it.
    /// </summary>
    public static IReadOnlySet<string> StaticImportsOf(SnippetDocument document) =>
        document.Snippets.SelectMany(s => StaticByBlock.GetValue(s, block =>
            [.. CSharpSyntaxTree.ParseText(string.Join('\n', block.Code.Select(l => l.Text))).GetCompilationUnitRoot().Usings
                .Where(u => u.Alias is null && u.StaticKeyword != default && u.Name is not null).Select(u => u.Name!.ToString())]))
            .ToHashSet(StringComparer.Ordinal);
}
