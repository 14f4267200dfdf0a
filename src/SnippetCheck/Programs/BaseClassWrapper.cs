using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SnippetCheck.Extraction;
using SnippetCheck.Extraction.Snippets;

namespace SnippetCheck.Programs;

/// <summary>
/// A block tagged <c>base=TYPE</c> holds statements docs write inside a class they never show, one that derives from a
/// library's base class and calls its members bare: FluentValidation's <c>RuleFor(x =&gt; x.Surname).NotNull();</c>,
/// written in the constructor of an <c>AbstractValidator&lt;Customer&gt;</c>. Its lines go into the constructor of a
/// class of the tool's own deriving from TYPE, opened on hidden lines after the block's usings and closed after its last
/// line, so every line keeps its document line and column; the block is a library then (nothing runs it), and a
/// misspelt member of the base class fails as it would in the docs' own class.
/// </summary>
internal static class BaseClassWrapper
{
    /// <summary>The class the block's statements are the constructor of; a block's part ID follows it.</summary>
    public const string ClassPrefix = "__Derived";

    /// <summary>The block's lines inside the constructor of a class deriving from <paramref name="baseType"/>.</summary>
    /// <param name="hiddenMembers">Members the class opens with, on hidden lines (the block's given locals as fields).</param>
    public static IReadOnlyList<CodeLine> Wrap(
        IReadOnlyList<CodeLine> lines, int partId, string baseType, CSharpParseOptions options, IReadOnlyList<string> hiddenMembers)
    {
        // Extern aliases and usings stay at file level; the class opens on the line after the last of them.
        var openBefore = FileLevelLines(lines, options);
        var (named, type) = TagParser.SplitBase(baseType);
        // Named as the page's later blocks construct it (base=PersonValidator:AbstractValidator<Person>), else the tool's own.
        var name = named ?? ClassPrefix + partId;
        var anchor = lines.Count == 0 ? new CodeLine("", 1, 1) : lines[Math.Min(openBefore, lines.Count - 1)];
        var last = lines.Count == 0 ? anchor : lines[^1];
        return
        [
            .. lines.Take(openBefore),
            Generated($"internal sealed class {name} : {type} {{", anchor),
            .. hiddenMembers.Select(member => Generated(member, anchor)),
            Generated($"public {name}() {{", anchor),
            .. lines.Skip(openBefore),
            Generated("}", last),
            Generated("}", last),
        ];
    }

    /// <summary>
    /// A <c>members</c> block tagged <c>base=TYPE</c> (<c>public override void Configure() { Post("/login"); }</c>): its
    /// members inside a class deriving from <paramref name="baseType"/>, so each <c>override</c> must find its virtual
    /// member and each bare call its base member. The class is abstract: the base's abstract members the block does not
    /// show need no body.
    /// </summary>
    public static IReadOnlyList<CodeLine> WrapMembers(
        IReadOnlyList<CodeLine> lines, int partId, string baseType, CSharpParseOptions options, IReadOnlyList<string> hiddenMembers)
    {
        var openBefore = FileLevelLines(lines, options);
        var anchor = lines.Count == 0 ? new CodeLine("", 1, 1) : lines[Math.Min(openBefore, lines.Count - 1)];
        var (named, type) = TagParser.SplitBase(baseType);
        return
        [
            .. lines.Take(openBefore),
            Generated($"internal abstract class {named ?? ClassPrefix + partId} : {type} {{", anchor),
            .. hiddenMembers.Select(member => Generated(member, anchor)),
            .. lines.Skip(openBefore),
            Generated("}", lines.Count == 0 ? anchor : lines[^1]),
        ];
    }

    /// <summary>How many of the block's first lines are extern aliases and usings, which stay at file level.</summary>
    private static int FileLevelLines(IReadOnlyList<CodeLine> lines, CSharpParseOptions options)
    {
        var root = CSharpSyntaxTree.ParseText(string.Join('\n', lines.Select(l => l.Text)), options).GetCompilationUnitRoot();
        var fileLevel = root.Externs.Cast<SyntaxNode>().Concat(root.Usings).Select(n => n.Span.End).DefaultIfEmpty(-1).Max();
        return fileLevel < 0 ? 0 : root.SyntaxTree.GetLineSpan(new(fileLevel, 0)).StartLinePosition.Line + 1;
    }

    private static CodeLine Generated(string text, CodeLine beside) => new(text, beside.Line, 1) { Generated = true };
}
