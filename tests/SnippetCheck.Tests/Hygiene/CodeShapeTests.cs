using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Hygiene;

/// <summary>
/// Readable code (issue 57 item 6): no method over 60 lines, no file over 300 lines, no line over 150 characters in src/.
/// The counts of methods and files over the bar are capped where they stand, so they can only go down: lower a cap when
/// a split brings its count under it, never raise it. The syntax trees are read as they are; nothing is bound.
/// </summary>
[Trait("Category", "Fast")]
public sealed class CodeShapeTests
{
    private const int LongestMethod = 60;
    private const int LongestFile = 300;
    private const int LongestLine = 150;

    /// <summary>Methods of src/ over <see cref="LongestMethod"/> lines today; lower it as they are split.</summary>
    private const int LongMethodsCap = 0;

    /// <summary>Files of src/ over <see cref="LongestFile"/> lines today; lower it as they are split.</summary>
    private const int LongFilesCap = 0;

    private static readonly Lazy<IReadOnlyList<(string Path, SyntaxTree Tree)>> Sources = new(() =>
    [
        .. Directory.GetFiles(RepositoryRoot.PathOf("src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or "node_modules"))
            .Order(StringComparer.Ordinal)
            .Select(f => (Path.GetRelativePath(RepositoryRoot.PathOf("src"), f), CSharpSyntaxTree.ParseText(File.ReadAllText(f), path: f))),
    ]);

    [Fact]
    public void Methods_over_60_lines_do_not_grow_in_number()
    {
        var longMethods = Sources.Value
            .SelectMany(source => source.Tree.GetRoot().DescendantNodes()
                .Where(node => node is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or LocalFunctionStatementSyntax)
                .Select(node => (Where: $"{source.Path}:{Line(node) + 1} {NameOf(node)}", Lines: LineCount(node))))
            .Where(method => method.Lines > LongestMethod)
            .OrderByDescending(method => method.Lines)
            .ToList();

        Assert.True(longMethods.Count <= LongMethodsCap,
            $"{longMethods.Count} methods in src/ are over {LongestMethod} lines (the cap is {LongMethodsCap}); split by meaning. "
            + $"The longest: {string.Join(", ", longMethods.Take(8).Select(m => $"{m.Where} ({m.Lines})"))}");
    }

    [Fact]
    public void Files_over_300_lines_do_not_grow_in_number()
    {
        var longFiles = Sources.Value
            .Select(source => (source.Path, Lines: source.Tree.GetText().Lines.Count))
            .Where(file => file.Lines > LongestFile)
            .OrderByDescending(file => file.Lines)
            .ToList();

        Assert.True(longFiles.Count <= LongFilesCap,
            $"{longFiles.Count} files in src/ are over {LongestFile} lines (the cap is {LongFilesCap}); split by meaning. "
            + $"The longest: {string.Join(", ", longFiles.Take(8).Select(f => $"{f.Path} ({f.Lines})"))}");
    }

    [Fact]
    public void No_line_in_src_is_over_150_characters()
    {
        var longLines = Sources.Value
            .SelectMany(source => source.Tree.GetText().Lines
                .Where(line => line.Span.Length > LongestLine)
                .Select(line => $"{source.Path}:{line.LineNumber + 1} ({line.Span.Length})"))
            .ToList();

        Assert.True(longLines.Count == 0, $"{longLines.Count} lines in src/ are over {LongestLine} characters: {string.Join(", ", longLines.Take(8))}");
    }

    private static int Line(SyntaxNode node) => node.GetLocation().GetLineSpan().StartLinePosition.Line;

    /// <summary>From the declaration's first token (its attributes, if any) to its last; the doc comment above is left out.</summary>
    private static int LineCount(SyntaxNode node)
    {
        var span = node.GetLocation().GetLineSpan();
        return span.EndLinePosition.Line - span.StartLinePosition.Line + 1;
    }

    private static string NameOf(SyntaxNode node) => node switch
    {
        MethodDeclarationSyntax method => $"{TypeOf(node)}.{method.Identifier.Text}",
        ConstructorDeclarationSyntax constructor => $"{constructor.Identifier.Text} constructor",
        LocalFunctionStatementSyntax local => $"{TypeOf(node)} local {local.Identifier.Text}",
        AccessorDeclarationSyntax accessor => $"{TypeOf(node)} {accessor.Keyword.Text}",
        _ => $"{TypeOf(node)} {node.Kind()}",
    };

    private static string TypeOf(SyntaxNode node) => node.Ancestors().OfType<BaseTypeDeclarationSyntax>().FirstOrDefault()?.Identifier.Text ?? "";
}
