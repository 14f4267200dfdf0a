using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SnippetCheck.Model;
using Diagnostic = SnippetCheck.Model.Diagnostic;

namespace SnippetCheck.Extraction.DocComments;

/// <summary>
/// Reads a C# source file's documentation comments (<c>///</c> and <c>/** */</c>) with Roslyn's syntax alone and
/// hands back what <c>FenceExtractor</c> hands back for Markdown (docs/doctests.md): each <c>&lt;code&gt;</c>
/// element as a block with its lines unescaped and pinned to their line and column in the <c>.cs</c> file, each
/// <c>&lt;!-- snippetcheck: ... --&gt;</c> comment, and each <c>// &lt;snippetcheck:prelude&gt;</c> comment block
/// (read by <see cref="PreludeReader"/>).
/// A <see cref="DocCommentStart"/> opens every comment, so an output block never attaches across two of them.
/// </summary>
internal static partial class DocCommentExtractor
{
    /// <summary>Elements whose text is prose or a reference, never an example of its own.</summary>
    private static readonly string[] InlineElements = ["c", "see", "seealso", "paramref", "typeparamref", "code"];

    /// <summary>
    /// With the preprocessor symbols of the build the examples are verified against (net10.0, Debug), so a documented
    /// member inside <c>#if NET10_0_OR_GREATER</c> is read, as that build compiles it.
    /// </summary>
    private static readonly CSharpParseOptions ParseOptions =
        new(LanguageVersion.Preview, DocumentationMode.Parse, SourceCodeKind.Regular, BuildSymbols.For(debug: true));

    public static ExtractedDocument Extract(SourceDocument document)
    {
        var root = CSharpSyntaxTree.ParseText(document.Text, ParseOptions).GetRoot();
        var diagnostics = new List<Diagnostic>();
        if (document.EncodingError() is { } encoding) diagnostics.Add(encoding);
        ReportInactiveExamples(document, root, diagnostics);

        var items = new List<(int Position, DocumentItem Item)>();
        var lineComments = new List<SyntaxTrivia>();
        foreach (var trivia in root.DescendantTrivia(descendIntoTrivia: false))
        {
            if (trivia.IsKind(SyntaxKind.SingleLineCommentTrivia))
                lineComments.Add(trivia);
            else if (trivia.GetStructure() is DocumentationCommentTriviaSyntax comment)
                items.AddRange(new CommentReader(document, comment).Read());
        }
        items.AddRange(PreludeReader.Read(document, lineComments, diagnostics));
        return new ExtractedDocument(document, null, [.. items.OrderBy(i => i.Position).Select(i => i.Item)], diagnostics);
    }

    /// <summary>
    /// Examples in code that <c>#if</c> switches off for that build are never compiled there: a warning (SC1018) at each
    /// <c>&lt;code</c>, so that none is silently missed.
    /// </summary>
    private static void ReportInactiveExamples(SourceDocument document, SyntaxNode root, List<Diagnostic> diagnostics)
    {
        foreach (var disabled in root.DescendantTrivia().Where(t => t.IsKind(SyntaxKind.DisabledTextTrivia)))
        {
            var text = disabled.ToString();
            for (var at = text.IndexOf("<code", StringComparison.Ordinal); at >= 0; at = text.IndexOf("<code", at + 1, StringComparison.Ordinal))
            {
                diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.HighlightBlock,
                    "this doc-comment example is in code that #if switches off for net10.0 (Debug), the build examples are verified against, so it " +
                    "is not verified",
                    document.Locate(disabled.SpanStart + at)));
            }
        }
    }

    /// <summary>The namespace a documented declaration lives in ("" for the global one): its examples get a using of it.</summary>
    internal static string NamespaceOf(SyntaxNode? declaration)
    {
        var names = declaration?.AncestorsAndSelf().OfType<BaseNamespaceDeclarationSyntax>().Select(n => n.Name.ToString()).Reverse() ?? [];
        return string.Join('.', names);
    }

    /// <summary>The fewest spaces and tabs that start a non-blank line.</summary>
    internal static int CommonIndent(IEnumerable<string> lines)
    {
        var indents = lines.Where(l => l.Trim().Length > 0).Select(l => l.Length - l.TrimStart(' ', '\t').Length).ToList();
        return indents.Count == 0 ? 0 : indents.Min();
    }
}
