using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using SnippetCheck.Compilation;

namespace SnippetCheck.Programs;

/// <summary>
/// The one place a program's source text is made, for every path it can take. The author's text of a block is one
/// tree, exactly as <c>dotnet run file.cs</c> would compile it, with the compiler's rules about order and directives
/// intact; what the tool adds goes around it without changing what it means:
/// <list type="bullet">
/// <item>implicit usings, and the preludes' usings, as global usings in a tree of their own;</item>
/// <item>a prelude's declarations in a tree of their own, and its top-level statements just before the author's first statement
///   (a program without top-level statements of its own leaves them out: they would be uncallable locals);</item>
/// <item>in a session of several blocks, the blocks' usings hoisted, their statements in one tree in document order (each
///   block's preceded by a hook that tells the runner which block runs), and each block's declarations in a tree of its own
///   (a post may declare a type in any block); a session of one block is compiled as that block alone;</item>
/// <item>merged, each program in a namespace of its own with its top-level statements in a <c>Main</c>
///   (<see cref="Merged"/>; only programs that mean the same wrapped get there, see <c>Engine/Merging/MergeableProgram</c>).</item>
/// </list>
/// </summary>
internal static class ProgramAssembler
{
    /// <summary>The namespace a merged program is wrapped in is this, then its index in the chunk.</summary>
    public const string MergedNamespacePrefix = "__Snippet";

    private const string HooksClass = "__SnippetCheckHooks";

    // Not ".g.cs": Roslyn treats such files as generated code, where the nullable context is off by default.
    private const string GeneratedSuffix = ".snippet.cs";

    /// <summary>
    /// A lone snippet or a session: <paramref name="blocks"/> in document order; <paramref name="markBlocks"/> adds the block hooks.
    /// </summary>
    public static AssembledSource Assemble(
        IReadOnlyList<ParsedPart> preludes, IReadOnlyList<ParsedPart> blocks, CompileSettings settings, bool markBlocks)
    {
        var useGlobal = settings.ParseOptions.LanguageVersion >= LanguageVersion.CSharp10;
        var hoistBlockUsings = blocks.Count > 1;
        var usings = Usings(preludes, blocks, settings.Usings, useGlobal, hoistBlockUsings);
        var trees = new ProgramTrees(settings.ParseOptions, useGlobal ? null : usings.ToString() + "#line default\n");
        if (useGlobal) trees.Add("usings", usings.ToString());

        foreach (var prelude in preludes.Where(p => p.Declarations.Any() || p.Root.AttributeLists.Count > 0))
        {
            trees.Add($"prelude{-prelude.Part.Id}", new MappedWriter()
                .Part(prelude, [.. Spans(prelude.Root.Usings), .. Spans(prelude.Statements)], trees.Header(prelude)).ToString());
        }

        var statementBlocks = blocks.Where(b => b.HasStatements).ToList();
        // A prelude's statements (helper functions, say) are locals of the snippet's top-level code: without any, they
        // could not be called, and would only turn a classic Main program or a library into top-level statements.
        var preludeStatements = statementBlocks.Count == 0 ? [] : preludes.Where(p => p.HasStatements).ToList();
        var keptInMain = statementBlocks.Count > 0
            ? AddMain(trees, statementBlocks, preludeStatements, hoistBlockUsings, markBlocks)
            : new Dictionary<ParsedPart, HashSet<SyntaxNode>>();
        AddBlockParts(trees, blocks, keptInMain, hoistBlockUsings);

        // A fixture page's entry point runs its statement blocks' methods (FixtureWrapper).
        var fixtureMethods = blocks.Where(b => b.Part.FixtureMethod is not null).Select(b => (b.Part.Id, b.Part.FixtureMethod!)).ToList();
        if (fixtureMethods.Count > 0) trees.Add("fixture", FixtureWrapper.Main(fixtureMethods, markBlocks));
        var executable = statementBlocks.Count > 0 || fixtureMethods.Count > 0 || blocks.Concat(preludes).Any(p => p.HasMain);
        return new AssembledSource([.. trees.All], executable);
    }

    /// <summary>
    /// The program's usings: the implicit ones, then the preludes' (and a session's blocks', hoisted), each once, and a
    /// session's <c>using static</c> of its 'members' blocks. Global usings need C# 10; older versions get the same usings
    /// as plain ones in every tree (<see cref="ProgramTrees.Header"/>).
    /// </summary>
    private static MappedWriter Usings(
        IReadOnlyList<ParsedPart> preludes, IReadOnlyList<ParsedPart> blocks, IReadOnlyList<string> implicitUsings, bool useGlobal,
        bool hoistBlockUsings)
    {
        var usings = new MappedWriter().Hidden(SourceTrees.ImplicitUsings(implicitUsings, useGlobal));
        var seen = ImplicitUsingKeys(implicitUsings);
        foreach (var part in preludes.Concat(hoistBlockUsings ? blocks : []).ToList())
        {
            foreach (var directive in part.Root.Usings.Where(u => seen.Add(NormalizeUsing(u.ToString()))))
            {
                usings.Span(part, directive.Span, useGlobal && !directive.GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword) ? "global " : "");
            }
        }
        // A session's statements call the extension methods of its 'members' blocks as the post shows them.
        foreach (var block in blocks.Where(b => hoistBlockUsings && b.Part.MemberClass is not null))
        {
            usings.Hidden($"{(useGlobal ? "global " : "")}using static global::{block.Part.MemberClass};");
        }
        return usings;
    }

    /// <summary>
    /// The tree of the blocks' statements in document order, the preludes' statements before the first, and (with
    /// <paramref name="markBlocks"/>) each block's hook and the hooks class; returns what of each block's declarations it kept.
    /// </summary>
    private static Dictionary<ParsedPart, HashSet<SyntaxNode>> AddMain(
        ProgramTrees trees, List<ParsedPart> statementBlocks, List<ParsedPart> preludeStatements, bool hoistBlockUsings, bool markBlocks)
    {
        void WritePreludeStatements(MappedWriter writer)
        {
            foreach (var prelude in preludeStatements)
            {
                writer.Part(prelude, [.. Spans(prelude.Root.Usings), .. Spans(prelude.Root.AttributeLists), .. Spans(prelude.Declarations)]);
            }
        }

        var keptInMain = new Dictionary<ParsedPart, HashSet<SyntaxNode>>();
        var main = new MappedWriter();
        foreach (var block in statementBlocks)
        {
            // One block is one file, as the author wrote it (a type before a statement is the compiler's CS8803); the
            // blocks of a longer session may declare types anywhere, so their declarations get trees of their own.
            var kept = hoistBlockUsings ? [] : block.Declarations.Cast<SyntaxNode>().Concat(block.Root.AttributeLists).ToHashSet();
            keptInMain[block] = kept;
            var blanks = block.Root.Members.Cast<SyntaxNode>().Concat(block.Root.AttributeLists)
                .Where(n => n is not GlobalStatementSyntax && !kept.Contains(n)).Select(n => n.Span)
                .Concat(hoistBlockUsings ? Spans(block.Root.Usings) : []);
            var first = ReferenceEquals(block, statementBlocks[0]);
            var inserts = new List<MappedWriter.Insertion>(first ? trees.Header(block) : []);
            var id = block.Part.Id;
            inserts.Add(new(block.Statements[0].SpanStart, writer =>
            {
                if (first) WritePreludeStatements(writer);
                if (markBlocks) writer.Hidden($"global::{HooksClass}.Enter({id});");
            }));
            main.Part(block, blanks, [.. inserts]);
        }
        trees.Add("main", main.ToString());
        if (markBlocks)
        {
            trees.Add("hooks", "#line hidden\n" +
                $"internal static class {HooksClass} {{ internal static void Enter(int block) {{ " +
                $"if (global::System.AppContext.GetData(\"{Execution.RunnerProtocol.EnterBlockKey}\") is global::System.Action<int> enter) " +
                $"enter(block); }} }}\n");
        }
        return keptInMain;
    }

    /// <summary>Each block's declarations the main tree did not keep, in a tree of its own (and a block of usings alone, as written).</summary>
    private static void AddBlockParts(
        ProgramTrees trees, IReadOnlyList<ParsedPart> blocks, Dictionary<ParsedPart, HashSet<SyntaxNode>> keptInMain, bool hoistBlockUsings)
    {
        foreach (var block in blocks)
        {
            var kept = keptInMain.GetValueOrDefault(block) ?? [];
            var rest = block.Root.AttributeLists.Cast<SyntaxNode>().Concat(block.Declarations).Where(n => !kept.Contains(n)).ToList();
            if (rest.Count == 0 && (keptInMain.ContainsKey(block) || !block.Root.Usings.Any() || hoistBlockUsings)) continue;
            var blanks = block.Root.Members.Cast<SyntaxNode>().Concat(block.Root.AttributeLists).Where(n => !rest.Contains(n)).Select(n => n.Span)
                .Concat(hoistBlockUsings || keptInMain.ContainsKey(block) ? Spans(block.Root.Usings) : []);
            trees.Add($"part{block.Part.Id}", new MappedWriter().Part(block, blanks, trees.Header(block)).ToString());
        }
    }

    /// <summary>The trees of one program as they are added, and the usings header each needs before C# 10 (null from C# 10 on).</summary>
    private sealed class ProgramTrees(CSharpParseOptions options, string? header)
    {
        public List<SyntaxTree> All { get; } = [];

        public void Add(string name, string text) => All.Add(SourceTrees.AsWritten(text, options, name + GeneratedSuffix));

        /// <summary>The usings written at the top of <paramref name="part"/>'s tree, where global usings cannot be had.</summary>
        public MappedWriter.Insertion[] Header(ParsedPart part) =>
            header is null ? [] : [new(part.FirstMemberPosition, w => w.Hidden(header))];
    }

    /// <summary>
    /// One program of a merged chunk: its usings, then a namespace of its own holding a <c>Program.Main</c> with its
    /// top-level statements (<paramref name="entrySignature"/>: modifiers and return type) and then its declarations.
    /// </summary>
    public static SyntaxTree Merged(IReadOnlyList<ParsedPart> parts, int index, string? entrySignature, CSharpParseOptions options)
    {
        var writer = new MappedWriter().Hidden("");
        foreach (var part in parts)
        {
            foreach (var directive in part.Root.Usings) writer.Span(part, directive.Span, "");
        }
        writer.Hidden($"namespace {MergedNamespacePrefix}{index}\n{{");
        if (entrySignature is not null)
        {
            // Partial, like the class Roslyn makes for top-level statements, so a snippet can add to it.
            writer.Hidden($"partial class Program\n{{\nstatic {entrySignature} Main(string[] args)\n{{");
            foreach (var part in parts.Where(p => p.HasStatements))
            {
                writer.Part(part, [.. Spans(part.Root.Usings), .. Spans(part.Declarations)]);
            }
            writer.Hidden("}\n}");
        }
        foreach (var part in parts.Where(p => p.Declarations.Any()))
        {
            writer.Part(part, [.. Spans(part.Root.Usings), .. Spans(part.Statements)]);
        }
        writer.Hidden("}");
        return SourceTrees.AsWritten(writer.ToString(), options, $"merged{index}{GeneratedSuffix}");
    }

    /// <summary>The tree of implicit usings a merged chunk shares.</summary>
    public static SyntaxTree SharedUsings(CompileSettings settings) =>
        SourceTrees.GlobalUsings(settings.Usings, settings.ParseOptions, "usings" + GeneratedSuffix);

    private static IEnumerable<TextSpan> Spans(IEnumerable<SyntaxNode> nodes) => nodes.Select(n => n.Span);

    /// <summary>The implicit usings as <see cref="NormalizeUsing"/> keys, so that a hoisted copy of one is left out.</summary>
    private static HashSet<string> ImplicitUsingKeys(IReadOnlyList<string> implicitUsings) =>
        implicitUsings.Select(u => NormalizeUsing("using " + u + ";")).ToHashSet(StringComparer.Ordinal);

    /// <summary>A using directive reduced to what decides whether two are the same.</summary>
    private static string NormalizeUsing(string text)
    {
        var compact = new string(text.Where(c => !char.IsWhiteSpace(c)).ToArray());
        if (compact.StartsWith("global", StringComparison.Ordinal)) compact = compact[6..];
        return compact.Replace("global::", "", StringComparison.Ordinal);
    }
}
