using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SnippetCheck.Extraction;

namespace SnippetCheck.Programs;

/// <summary>
/// A block tagged <c>statements-first</c> shows a type and then the statements that use it (<c>public class Dog { … }</c>
/// then <c>var dog = new Dog();</c>), as READMEs do: the reader means the statements to run with the type, but in one
/// C# file a type before a top-level statement is CS8803. Its type declarations that stand before its last statement (a
/// local function is none) are moved, whole lines with the comments above them, below its statements, in their order: the program is the one
/// <c>dotnet run</c> compiles from the file so rearranged, and every line keeps its place in the document, so errors
/// and output still point into the post. A block where that cannot be done line by line (a declaration sharing a line
/// with a statement, a preprocessor directive) is left as written, and fails as written.
/// </summary>
internal static class StatementsFirst
{
    /// <summary>The block's lines with its type declarations before its last statement moved after its statements.</summary>
    public static IReadOnlyList<CodeLine> Reorder(IReadOnlyList<CodeLine> lines, CSharpParseOptions options)
    {
        var root = CSharpSyntaxTree.ParseText(string.Join('\n', lines.Select(l => l.Text)), options).GetCompilationUnitRoot();
        // Local functions alone are no statements that use the types: such a block is a class's members, as a reader means it.
        if (root.ContainsDirectives
            || root.Members.LastOrDefault(m => m is GlobalStatementSyntax { Statement: not LocalFunctionStatementSyntax }) is not { } last)
            return lines;
        var text = root.SyntaxTree.GetText();
        int LineOf(int position) => text.Lines.GetLineFromPosition(position).LineNumber;
        var moved = new List<(int First, int Last)>();
        var members = root.Members;
        for (var i = 0; i < members.Count && members[i].SpanStart < last.SpanStart; i++)
        {
            if (members[i] is GlobalStatementSyntax) continue;
            if (members[i] is not (BaseTypeDeclarationSyntax or DelegateDeclarationSyntax or NamespaceDeclarationSyntax)) return lines;
            var (first, end) = (LineOf(members[i].FullSpan.Start), LineOf(members[i].Span.End));
            // Whole lines only: what ends the member before it, and what starts the member after it, stand on other lines.
            var before = i > 0 ? members[i - 1].Span.End
                : root.Externs.Concat<SyntaxNode>(root.Usings).Concat(root.AttributeLists).Select(n => n.Span.End).DefaultIfEmpty(-1).Max();
            if ((before >= 0 && LineOf(before) >= first) || LineOf(members[i + 1].SpanStart) <= end) return lines;
            moved.Add((first, end));
        }
        if (moved.Count == 0) return lines;
        bool IsMoved(int line) => moved.Any(m => line >= m.First && line <= m.Last);
        return [.. lines.Where((_, i) => !IsMoved(i)), .. lines.Where((_, i) => IsMoved(i))];
    }
}
