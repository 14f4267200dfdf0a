using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SnippetCheck.Extraction;

namespace SnippetCheck.Programs;

/// <summary>
/// A block tagged <c>members</c> holds what a post shows out of its class: methods, properties, fields, nested types.
/// Its lines go inside a class of the tool's own, opened on a hidden line after the block's usings and closed on a
/// hidden line after its last line, so every line of the author's keeps its document line and column. The class is
/// <c>partial class Program</c>, the class that holds a program's top-level statements, so a session's statements
/// call its members by their simple names, private ones too, as the post's own class would. Extension methods need a
/// static class of their own: a block that declares any goes into <c>static partial class __Members</c><i>i</i>,
/// which a session's statements see through a hidden <c>using static</c>. The class is <c>public</c> when the block
/// declares a public type, so that the type is as public as written (a mocking library's proxy must see it).
/// </summary>
internal static class MemberWrapper
{
    /// <summary>The class around the members of a block: the one top-level statements live in.</summary>
    public const string ProgramClass = "Program";

    /// <summary>
    /// The block's lines with the class's opening and closing lines added as <see cref="CodeLine.Generated"/> lines, and
    /// the name of the static class they went into, if they needed one (null for <see cref="ProgramClass"/>).
    /// </summary>
    /// <param name="forcePublic">A fixture page's class, public whatever the block declares.</param>
    /// <param name="hiddenMembers">Members the class opens with, on hidden lines (a block's given locals as fields).</param>
    public static (IReadOnlyList<CodeLine> Lines, string? StaticClass) Wrap(
        IReadOnlyList<CodeLine> lines, int partId, CSharpParseOptions options, IReadOnlyList<string>? hiddenMembers = null,
        bool forcePublic = false)
    {
        var text = string.Join('\n', lines.Select(l => l.Text));
        var root = CSharpSyntaxTree.ParseText(text, options).GetCompilationUnitRoot();
        // Extern aliases and usings stay at file level; the class opens on the line after the last of them.
        var fileLevel = root.Externs.Cast<SyntaxNode>().Concat(root.Usings).Select(n => n.Span.End).DefaultIfEmpty(-1).Max();
        var openBefore = fileLevel < 0 ? 0 : root.SyntaxTree.GetLineSpan(new(fileLevel, 0)).StartLinePosition.Line + 1;

        var body = string.Join('\n', lines.Skip(openBefore).Select(l => l.Text));
        var members = CSharpSyntaxTree.ParseText($"class C {{\n{body}\n}}", options).GetCompilationUnitRoot()
            .Members.OfType<ClassDeclarationSyntax>().FirstOrDefault()?.Members ?? [];
        var staticClass = members.Any(DeclaresExtensions) ? $"__Members{partId}" : null;
        // A type the author declares public is public in the program, as in the docs' own class: a proxy-based mocking
        // library (Castle DynamicProxy: NSubstitute, Moq, FakeItEasy) can implement only a type it can see.
        var visibility = forcePublic
            || members.Any(m => m is BaseTypeDeclarationSyntax or DelegateDeclarationSyntax && m.Modifiers.Any(SyntaxKind.PublicKeyword)) ? "public "
            : "";
        var header = staticClass is not null ? $"{visibility}static partial class {staticClass}"
            : visibility + (members.Any(m => m.Modifiers.Any(SyntaxKind.AbstractKeyword)) ? "abstract " : "") + $"partial class {ProgramClass}";

        var anchor = lines.Count == 0 ? new CodeLine("", 1, 1) : lines[Math.Min(openBefore, lines.Count - 1)];
        return (
        [
            .. lines.Take(openBefore),
            Generated(header + " {", anchor),
            .. (hiddenMembers ?? []).Select(member => Generated(member, anchor)),
            .. lines.Skip(openBefore),
            Generated("}", lines.Count == 0 ? anchor : lines[^1]),
        ], staticClass);
    }

    private static CodeLine Generated(string text, CodeLine beside) => new(text, beside.Line, 1) { Generated = true };

    /// <summary>Extension methods (<c>this</c> on the first parameter) and C# 14 extension blocks: they need a static class.</summary>
    private static bool DeclaresExtensions(MemberDeclarationSyntax member) =>
        member is ExtensionBlockDeclarationSyntax ||
        member is MethodDeclarationSyntax { ParameterList.Parameters: [var first, ..] } && first.Modifiers.Any(SyntaxKind.ThisKeyword);
}
