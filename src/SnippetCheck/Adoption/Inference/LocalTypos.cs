using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SnippetCheck.Extraction.Snippets;
using SnippetCheck.Model;

namespace SnippetCheck.Adoption.Inference;

/// <summary>
/// A name the <c>check</c> level tolerates (declared nowhere in the post) that is one letter from a local the block declares
/// itself: a typo of that local, not a name the post leaves to the reader. The Stopwatch post's
/// <c>var us = …; Console.WriteLine($"{ticks} | {μs} | {count}");</c> does not compile; checked, it would pass. A name
/// another block of the post declares as a local is left alone: a session may give it, and so is one a case apart from
/// the local (<c>Company</c> beside <c>company =&gt; …</c>).
/// </summary>
internal static class LocalTypos
{
    /// <summary>The block's own local that <paramref name="unknown"/> misspells, if any.</summary>
    public static string? MeantBy(SnippetDocument document, Snippet block, string unknown)
    {
        var own = LocalsOf(block);
        if (own.Contains(unknown)) return null;
        // A case apart is C#'s naming of a type and its local ('Company company'), never a typo.
        var meant = own.FirstOrDefault(local => Math.Min(local.Length, unknown.Length) >= 2 && EditDistance.Between(local, unknown) == 1
            && !string.Equals(local, unknown, StringComparison.OrdinalIgnoreCase));
        if (meant is null) return null;
        return document.Snippets.Any(s => !ReferenceEquals(s, block) && LocalsOf(s).Contains(unknown)) ? null : meant;
    }

    /// <summary>The locals, parameters and pattern and loop variables a block's code declares.</summary>
    private static HashSet<string> LocalsOf(Snippet block)
    {
        var code = string.Join('\n', block.Code.Select(l => l.Text));
        return [.. CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(LanguageVersion.Preview)).GetRoot().DescendantNodes()
            .Select(node => node switch
            {
                VariableDeclaratorSyntax variable => variable.Identifier.ValueText,
                ParameterSyntax parameter => parameter.Identifier.ValueText,
                SingleVariableDesignationSyntax designation => designation.Identifier.ValueText,
                ForEachStatementSyntax loop => loop.Identifier.ValueText,
                _ => "",
            }).Where(n => n.Length > 0)];
    }
}
