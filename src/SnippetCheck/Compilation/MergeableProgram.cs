using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace SnippetCheck.Compilation;

/// <summary>A part of a program, parsed.</summary>
internal sealed record ParsedPart(CodePart Part, SourceText Text, CompilationUnitSyntax Root);

/// <summary>
/// A program (a lone snippet and the document's preludes) that can share an assembly with others, the way
/// rustdoc's 2024 edition merges doctests: its code goes into a namespace of its own and its top-level
/// statements into a <c>Main</c> of its own. Only code that means the same wrapped as alone qualifies
/// (<see cref="TryCreate"/> returns null for the rest): no namespaces, assembly attributes, global usings,
/// preprocessor directives, syntax errors, or <c>Main</c> methods beside top-level statements.
/// </summary>
public sealed class MergeableProgram
{
    private MergeableProgram(IReadOnlyList<ParsedPart> parts, string? entryClass, string? topLevelSignature)
    {
        Parts = parts;
        EntryClass = entryClass;
        TopLevelSignature = topLevelSignature;
    }

    internal IReadOnlyList<ParsedPart> Parts { get; }

    /// <summary>The class, inside the program's namespace, whose static <c>Main</c> runs it; null for a library.</summary>
    public string? EntryClass { get; }

    public bool HasEntryPoint => EntryClass is not null;

    /// <summary>Modifiers and return type of the <c>Main</c> that holds the top-level statements; null without any.</summary>
    internal string? TopLevelSignature { get; }

    public static MergeableProgram? TryCreate(IReadOnlyList<CodePart> parts, CSharpParseOptions options)
    {
        // The merged assembly shares its implicit usings as global usings, which need C# 10.
        if (options.LanguageVersion < LanguageVersion.CSharp10) return null;
        var parsed = new List<ParsedPart>(parts.Count);
        foreach (var part in parts)
        {
            var text = SourceText.From(string.Join('\n', part.Lines.Select(l => l.Text)));
            var tree = CSharpSyntaxTree.ParseText(text, options);
            var root = (CompilationUnitSyntax)tree.GetRoot();
            if (!IsWrappable(tree, root)) return null;
            parsed.Add(new ParsedPart(part, text, root));
        }

        var statements = parsed.SelectMany(p => p.Root.Members.OfType<GlobalStatementSyntax>()).ToList();
        var mains = parsed
            .SelectMany(p => p.Root.DescendantNodes(n => n is not GlobalStatementSyntax and not BlockSyntax and not ArrowExpressionClauseSyntax))
            .OfType<MethodDeclarationSyntax>()
            .Where(m => m.Identifier.ValueText == "Main")
            .ToList();
        if (statements.Count > 0)
        {
            // Alone, a Main beside top-level statements draws CS7022; wrapped it would not.
            return mains.Count == 0 ? new MergeableProgram(parsed, "Program", SignatureFor(statements)) : null;
        }

        var entryPoints = mains.Where(m => m.Modifiers.Any(SyntaxKind.StaticKeyword)).ToList();
        if (entryPoints.Count == 0) return new MergeableProgram(parsed, null, null);
        return entryPoints is [var main] && IsPlainEntryPoint(main)
            ? new MergeableProgram(parsed, ((TypeDeclarationSyntax)main.Parent!).Identifier.ValueText, null)
            : null;
    }

    private static bool IsWrappable(SyntaxTree tree, CompilationUnitSyntax root) =>
        !tree.GetDiagnostics().Any()
        && !root.ContainsDirectives
        && root.Externs.Count == 0
        && root.AttributeLists.Count == 0
        && !root.Usings.Any(u => u.GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword))
        && root.Members.All(m => m is GlobalStatementSyntax or BaseTypeDeclarationSyntax or DelegateDeclarationSyntax);

    /// <summary>
    /// What Roslyn gives the synthesized entry point of top-level statements: <c>async Task</c> when they await,
    /// <c>int</c> when they return a value, both, or neither. Nested functions and lambdas do not count.
    /// </summary>
    private static string SignatureFor(IReadOnlyList<GlobalStatementSyntax> statements)
    {
        var nodes = statements
            .SelectMany(s => s.DescendantNodesAndSelf(n => n is not (LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax)))
            .ToList();
        var awaits = nodes.Any(n => n switch
        {
            AwaitExpressionSyntax => true,
            CommonForEachStatementSyntax loop => loop.AwaitKeyword.IsKind(SyntaxKind.AwaitKeyword),
            UsingStatementSyntax @using => @using.AwaitKeyword.IsKind(SyntaxKind.AwaitKeyword),
            LocalDeclarationStatementSyntax declaration => declaration.AwaitKeyword.IsKind(SyntaxKind.AwaitKeyword),
            _ => false,
        });
        var returnsValue = nodes.OfType<ReturnStatementSyntax>().Any(r => r.Expression is not null);
        return (awaits, returnsValue) switch
        {
            (true, true) => "async global::System.Threading.Tasks.Task<int>",
            (true, false) => "async global::System.Threading.Tasks.Task",
            (false, true) => "int",
            _ => "void",
        };
    }

    /// <summary>A static <c>Main</c> the runner can call as it is: in a plain top-level class, with a signature C# accepts.</summary>
    private static bool IsPlainEntryPoint(MethodDeclarationSyntax main)
    {
        if (main.Parent is not (ClassDeclarationSyntax or StructDeclarationSyntax or RecordDeclarationSyntax) ||
            main.Parent.Parent is not CompilationUnitSyntax ||
            ((TypeDeclarationSyntax)main.Parent).TypeParameterList is not null ||
            main.TypeParameterList is not null ||
            (main.Body is null && main.ExpressionBody is null))
        {
            return false;
        }
        var parameters = main.ParameterList.Parameters;
        if (parameters.Count > 1) return false;
        if (parameters is [var parameter] &&
            (parameter.Modifiers.Count > 0 || parameter.Default is not null || Compact(parameter.Type) is not ("string[]" or "String[]" or "System.String[]")))
        {
            return false;
        }
        var returnType = Compact(main.ReturnType).Replace("System.Threading.Tasks.", "", StringComparison.Ordinal);
        return main.Modifiers.Any(SyntaxKind.AsyncKeyword)
            ? returnType is "Task" or "Task<int>"
            : returnType is "void" or "int" or "Task" or "Task<int>";
    }

    private static string Compact(SyntaxNode? node) => new((node?.ToString() ?? "").Where(c => !char.IsWhiteSpace(c)).ToArray());
}
