using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using SnippetCheck.Markdown;

namespace SnippetCheck.Compilation;

/// <summary>A piece of code that goes into a program: a snippet's body or a prelude.</summary>
/// <param name="Id">The block's index in its session (0 for a lone snippet); negative for preludes.</param>
/// <param name="File">The Markdown file, as written into <c>#line</c> directives.</param>
public sealed record CodePart(int Id, string File, IReadOnlyList<CodeLine> Lines)
{
    public bool IsPrelude => Id < 0;
}

/// <summary>The C# a program compiles from, and what its parts contain.</summary>
public sealed record ProgramSource(ImmutableArray<SyntaxTree> Trees, bool HasEntryPoint, IReadOnlyDictionary<int, PartShape> Shapes);

/// <summary>What one part holds, from its syntax alone.</summary>
public sealed record PartShape(bool HasStatements, bool HasMain, bool HasDeclarations);

/// <summary>
/// Turns parts into syntax trees, the way a post builds a program up block by block (SPEC §5):
/// every <c>using</c> is hoisted into global usings, all top-level statements join one tree in part order,
/// and each part's declarations get a tree of their own. Every line carries a <c>#line</c> span directive
/// back to its Markdown line and column, so diagnostics and stack traces point into the post.
/// </summary>
public static class ProgramBuilder
{
    /// <summary>The AppContext key the runner sets to learn which session block is running.</summary>
    public const string EnterBlockKey = Execution.RunnerProtocol.EnterBlockKey;

    private const string HooksClass = "__SnippetCheckHooks";

    // Not ".g.cs": Roslyn treats such files as generated code, where the nullable context is off by default,
    // so snippets would get no nullable warnings and CS8669 for every '?' annotation.
    private const string GeneratedSuffix = ".snippet.cs";

    public static ProgramSource Build(IReadOnlyList<CodePart> parts, CSharpParseOptions options, IReadOnlyList<string> implicitUsings, bool markBlocks)
    {
        // Global usings need C# 10; older language versions get the same usings at the top of every tree.
        var useGlobal = options.LanguageVersion >= LanguageVersion.CSharp10;
        var usings = new StringBuilder(ImplicitUsings(implicitUsings, useGlobal));
        var seenUsings = ImplicitUsingKeys(implicitUsings);

        var statements = new StringBuilder();
        var trees = new List<SyntaxTree>();
        var declarationTexts = new List<(int Id, string Text)>();
        var shapes = new Dictionary<int, PartShape>();
        var anyStatements = false;
        var anyMain = false;

        foreach (var part in parts)
        {
            var text = SourceText.From(string.Join('\n', part.Lines.Select(l => l.Text)));
            var tree = CSharpSyntaxTree.ParseText(text, options);
            var root = (CompilationUnitSyntax)tree.GetRoot();
            var emitter = new MappedEmitter(part, text, root);

            foreach (var directive in root.Externs.Cast<SyntaxNode>().Concat(root.Usings))
            {
                var key = NormalizeUsing(directive.ToString());
                if (!seenUsings.Add(key)) continue;
                var isGlobal = directive is UsingDirectiveSyntax { GlobalKeyword.RawKind: not 0 } || directive is ExternAliasDirectiveSyntax;
                emitter.Emit(usings, directive.Span, isGlobal || !useGlobal ? "" : "global ");
            }

            var globalStatements = root.Members.OfType<GlobalStatementSyntax>().ToList();
            if (markBlocks && !part.IsPrelude)
            {
                statements.Append("#line hidden\nglobal::").Append(HooksClass).Append(".Enter(").Append(part.Id).Append(");\n");
            }
            foreach (var statement in globalStatements)
            {
                emitter.Emit(statements, statement.FullSpan, "");
            }

            var declarations = new StringBuilder();
            foreach (var node in root.AttributeLists.Cast<SyntaxNode>().Concat(root.Members.Where(m => m is not GlobalStatementSyntax)))
            {
                emitter.Emit(declarations, node.FullSpan, "");
            }
            if (declarations.Length > 0)
            {
                declarationTexts.Add((part.Id, declarations.ToString()));
            }

            var hasMain = root.DescendantNodes(n => n is not GlobalStatementSyntax and not BlockSyntax)
                .OfType<MethodDeclarationSyntax>()
                .Any(m => m.Identifier.ValueText == "Main" && m.Modifiers.Any(SyntaxKind.StaticKeyword));
            shapes[part.Id] = new PartShape(globalStatements.Count > 0, hasMain, declarations.Length > 0);
            anyStatements |= globalStatements.Count > 0 && !part.IsPrelude;
            anyMain |= hasMain;
        }

        // Without global usings, every tree starts with the usings (hidden again before its own code).
        var header = useGlobal ? "" : usings + "#line default\n";
        if (useGlobal) trees.Add(CSharpSyntaxTree.ParseText(usings.ToString(), options, path: "usings" + GeneratedSuffix, encoding: Encoding.UTF8));
        // Only a program with statements of its own gets the block hooks; a library stays a library.
        var hasPreludeStatements = shapes.Any(s => s.Key < 0 && s.Value.HasStatements);
        if (anyStatements || hasPreludeStatements)
        {
            trees.Add(CSharpSyntaxTree.ParseText(header + statements, options, path: "main" + GeneratedSuffix, encoding: Encoding.UTF8));
            if (markBlocks)
            {
                trees.Add(CSharpSyntaxTree.ParseText(
                    $"#line hidden\ninternal static class {HooksClass} {{ internal static void Enter(int block) {{ " +
                    $"if (global::System.AppContext.GetData(\"{EnterBlockKey}\") is global::System.Action<int> enter) enter(block); }} }}\n",
                    options, path: "hooks" + GeneratedSuffix, encoding: Encoding.UTF8));
            }
        }
        foreach (var (id, text) in declarationTexts)
        {
            trees.Add(CSharpSyntaxTree.ParseText(header + text, options, path: $"part{id}{GeneratedSuffix}", encoding: Encoding.UTF8));
        }
        return new ProgramSource([.. trees], anyStatements || hasPreludeStatements || anyMain, shapes);
    }

    /// <summary>The implicit usings as hidden generated code: global ones, or (before C# 10) plain ones for every tree.</summary>
    internal static string ImplicitUsings(IReadOnlyList<string> implicitUsings, bool global)
    {
        var usings = new StringBuilder("#line hidden\n");
        foreach (var implicitUsing in implicitUsings)
        {
            var name = implicitUsing.StartsWith("global::", StringComparison.Ordinal) ? implicitUsing : "global::" + implicitUsing;
            usings.Append(global ? "global using " : "using ").Append(name).Append(";\n");
        }
        return usings.ToString();
    }

    /// <summary>The implicit usings as <see cref="NormalizeUsing"/> keys, so that a snippet's own copy of one is left out.</summary>
    internal static HashSet<string> ImplicitUsingKeys(IReadOnlyList<string> implicitUsings) =>
        implicitUsings.Select(u => NormalizeUsing("using " + u + ";")).ToHashSet(StringComparer.Ordinal);

    /// <summary>A using directive reduced to what decides whether two are the same.</summary>
    internal static string NormalizeUsing(string text)
    {
        var compact = new string(text.Where(c => !char.IsWhiteSpace(c)).ToArray());
        if (compact.StartsWith("global", StringComparison.Ordinal)) compact = compact[6..];
        return compact.Replace("global::", "", StringComparison.Ordinal);
    }
}
