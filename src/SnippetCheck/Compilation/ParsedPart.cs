using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace SnippetCheck.Compilation;

/// <summary>
/// A part parsed on its own, as <c>dotnet run</c> would parse its text as a file, and what it holds.
/// Every path a program can take (alone, merged, session) builds its source from these.
/// </summary>
internal sealed class ParsedPart
{
    internal ParsedPart(CodePart part, CSharpParseOptions options)
    {
        Part = part;
        Text = SourceText.From(string.Join('\n', part.Lines.Select(l => l.Text)));
        Tree = CSharpSyntaxTree.ParseText(Text, options);
        Root = (CompilationUnitSyntax)Tree.GetRoot();
        Statements = [.. Root.Members.OfType<GlobalStatementSyntax>()];
        MainMethod = Root.DescendantNodes(n => n is not (GlobalStatementSyntax or BlockSyntax or ArrowExpressionClauseSyntax))
            .OfType<MethodDeclarationSyntax>()
            .FirstOrDefault(m => m.Identifier.ValueText == "Main" && m.Modifiers.Any(SyntaxKind.StaticKeyword));
    }

    /// <summary>The code that was parsed.</summary>
    public CodePart Part { get; }
    internal SourceText Text { get; }
    internal SyntaxTree Tree { get; }
    internal CompilationUnitSyntax Root { get; }
    internal IReadOnlyList<GlobalStatementSyntax> Statements { get; }

    /// <summary>A static <c>Main</c> declared in a type: a classic entry point.</summary>
    internal MethodDeclarationSyntax? MainMethod { get; }

    internal bool HasStatements => Statements.Count > 0;
    /// <summary>It declares a static <c>Main</c>: a classic entry point, so the block runs.</summary>
    public bool HasMain => MainMethod is not null;

    /// <summary>
    /// No code at all: nothing but blank lines and comments. Preprocessor directives are code (<c>#define A</c>,
    /// <c>#region</c> … <c>#endregion</c>, as the C# standard's own examples show them): the SDK compiles such a file.
    /// </summary>
    public bool IsEmpty => !Root.ChildNodes().Any() && !Root.ContainsDirectives;

    /// <summary>Members other than top-level statements: types, namespaces, delegates.</summary>
    internal IEnumerable<MemberDeclarationSyntax> Declarations => Root.Members.Where(m => m is not GlobalStatementSyntax);

    /// <summary>Where code may be added before the author's first member: after the usings and the leading directives.</summary>
    internal int FirstMemberPosition =>
        Root.AttributeLists.Cast<SyntaxNode>().Concat(Root.Members).Select(n => n.SpanStart).DefaultIfEmpty(Root.EndOfFileToken.SpanStart).Min();

    /// <summary>True when a type or namespace comes before a top-level statement (CS8803 in one file).</summary>
    internal bool HasDeclarationBeforeStatement =>
        HasStatements && Declarations.Any(d => d.SpanStart < Statements[^1].SpanStart);
}
