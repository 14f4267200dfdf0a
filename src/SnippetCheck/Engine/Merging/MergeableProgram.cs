using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SnippetCheck.Programs;
using SnippetCheck.Compilation;

namespace SnippetCheck.Engine.Merging;

/// <summary>
/// A program (a lone snippet and the document's preludes) that can share an assembly with others, the way
/// rustdoc's 2024 edition merges doctests: its code goes into a namespace of its own and its top-level
/// statements into a <c>Main</c> of its own (<see cref="ProgramAssembler.Merged"/>). Only code that means the same
/// wrapped as alone qualifies; <see cref="TryCreate"/> returns null for the rest, which is verified alone.
/// </summary>
internal sealed class MergeableProgram
{
    private MergeableProgram(IReadOnlyList<ParsedPart> parts, string? entryClass, string? topLevelSignature)
    {
        Parts = parts;
        EntryClass = entryClass;
        TopLevelSignature = topLevelSignature;
    }

    public IReadOnlyList<ParsedPart> Parts { get; }

    /// <summary>The class, inside the program's namespace, whose static <c>Main</c> runs it; null for a library.</summary>
    public string? EntryClass { get; }

    public bool HasEntryPoint => EntryClass is not null;

    /// <summary>Modifiers and return type of the <c>Main</c> that holds the top-level statements; null without any.</summary>
    public string? TopLevelSignature { get; }

    /// <summary>
    /// Names whose use can show the wrapping: the synthesized <c>Program</c> class, reflection, stack traces,
    /// caller information, exceptions printed whole. A snippet that uses one runs alone, so that it runs once and
    /// its verdict is the one it gets alone (never a second execution to make up for a wrapped one).
    /// </summary>
    private static readonly HashSet<string> RevealingNames = new(StringComparer.Ordinal)
    {
        "Program", "GetType", "Assembly", "GetExecutingAssembly", "GetCallingAssembly", "GetEntryAssembly", "GetAssemblies",
        "MethodBase", "MethodInfo", "GetCurrentMethod", "StackTrace", "StackFrame", "CallerMemberName", "TargetSite",
        "Activator", "ModuleInitializer", "Reflection",
        // Not revealing, but such a snippet runs on a runner of its own (RunnerPool), which a chunk would share.
        "UnobservedTaskException",
    };

    /// <summary>Members that show a type's namespace or an exception whole: revealing after a dot (<c>t.Exception</c>).</summary>
    private static readonly HashSet<string> RevealingMembers = new(StringComparer.Ordinal)
    {
        "Exception", "InnerException", "InnerExceptions", "DeclaringType", "Namespace", "FullName", "AssemblyQualifiedName", "Module",
    };

    public static MergeableProgram? TryCreate(IReadOnlyList<ParsedPart> parts)
    {
        // The merged assembly shares its implicit usings as global usings, which need C# 10.
        if (parts.Any(p => ((CSharpParseOptions)p.Tree.Options).LanguageVersion < LanguageVersion.CSharp10)) return null;
        if (!parts.All(IsWrappable)) return null;

        var statements = parts.SelectMany(p => p.Statements).ToList();
        var mains = parts
            .SelectMany(p => p.Root.DescendantNodes(n => n is not GlobalStatementSyntax and not BlockSyntax and not ArrowExpressionClauseSyntax))
            .OfType<MethodDeclarationSyntax>()
            .Where(m => m.Identifier.ValueText == "Main")
            .ToList();
        if (statements.Count > 0)
        {
            // Alone, a Main beside top-level statements draws CS7022; wrapped it would not.
            return mains.Count == 0 ? new MergeableProgram(parts, "Program", SignatureFor(statements)) : null;
        }

        var entryPoints = mains.Where(m => m.Modifiers.Any(SyntaxKind.StaticKeyword)).ToList();
        if (entryPoints.Count == 0) return new MergeableProgram(parts, null, null);
        return entryPoints is [var main] && IsPlainEntryPoint(main)
            ? new MergeableProgram(parts, ((TypeDeclarationSyntax)main.Parent!).Identifier.ValueText, null)
            : null;
    }

    private static bool IsWrappable(ParsedPart part) =>
        !part.Tree.GetDiagnostics().Any()
        && !part.Root.ContainsDirectives
        && part.Root.Externs.Count == 0
        && part.Root.AttributeLists.Count == 0
        && !part.Root.Usings.Any(u => u.GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword))
        && part.Root.Members.All(m => m is GlobalStatementSyntax or BaseTypeDeclarationSyntax or DelegateDeclarationSyntax)
        // Alone, a type before a statement is CS8803; wrapped, the two would land in different places.
        && !part.HasDeclarationBeforeStatement
        && !part.Root.DescendantTokens().Any(IsRevealing)
        && !CatchesAndShowsException(part.Root);

    private static bool IsRevealing(SyntaxToken token) =>
        token.IsKind(SyntaxKind.IdentifierToken)
            // A use, not a declaration: a classic 'static class Program { static void Main() ... }' reveals nothing.
            ? (RevealingNames.Contains(token.ValueText) && token.Parent is IdentifierNameSyntax) ||
              token.ValueText.StartsWith(ProgramAssembler.MergedNamespacePrefix, StringComparison.Ordinal) ||
              (RevealingMembers.Contains(token.ValueText)
                  && token.Parent?.Parent is MemberAccessExpressionSyntax or ConditionalAccessExpressionSyntax or MemberBindingExpressionSyntax)
            : token.ValueText.Contains(ProgramAssembler.MergedNamespacePrefix, StringComparison.Ordinal);

    /// <summary>A caught exception used other than for its <c>Message</c>: printed whole, it shows its stack trace.</summary>
    private static bool CatchesAndShowsException(CompilationUnitSyntax root) =>
        root.DescendantNodes().OfType<CatchClauseSyntax>().Any(clause =>
            clause.Declaration?.Identifier.ValueText is { Length: > 0 } name &&
            clause.Block.DescendantNodes().OfType<IdentifierNameSyntax>().Any(id =>
                id.Identifier.ValueText == name &&
                !(id.Parent is MemberAccessExpressionSyntax access && access.Expression == id && access.Name.Identifier.ValueText == "Message")));

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
            (parameter.Modifiers.Count > 0 || parameter.Default is not null
                || Compact(parameter.Type) is not ("string[]" or "String[]" or "System.String[]")))
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
