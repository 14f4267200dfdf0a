using System.Diagnostics;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SnippetCheck.Execution;
using RoslynSeverity = Microsoft.CodeAnalysis.DiagnosticSeverity;

namespace SnippetCheck.Compilation;

/// <summary>
/// The outcome of compiling programs together. <see cref="Broken"/> are the programs that drew an error or a
/// warning: they were dropped, and are to be compiled alone, where their diagnostics read as they would
/// without the wrapping (no namespace in type names).
/// </summary>
/// <param name="Image">The assembly of every program not broken; null when none was left.</param>
/// <param name="EntryTypes">For each program, the type whose <c>Main</c> runs it; null for a library or a broken one.</param>
/// <param name="Compilations">How many times the chunk was compiled: once, plus once per round of dropping.</param>
public sealed record MergedCompilationResult(
    ProgramImage? Image,
    IReadOnlySet<int> Broken,
    IReadOnlyList<string?> EntryTypes,
    int Compilations,
    TimeSpan Duration);

/// <summary>Compiles many programs into one assembly, each wrapped in a namespace of its own.</summary>
public static class MergedCompiler
{
    private const string NamespacePrefix = "__Snippet";

    /// <summary>Rounds of dropping broken programs before giving up on the chunk (each drop may reveal others).</summary>
    private const int MaxRounds = 3;

    public static MergedCompilationResult Compile(IReadOnlyList<MergeableProgram> programs, CompileSettings settings, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var usingsTree = CSharpSyntaxTree.ParseText(ProgramBuilder.ImplicitUsings(settings.Usings, global: true), settings.ParseOptions,
            path: "usings.snippet.cs", encoding: Encoding.UTF8);
        var implicitUsingKeys = ProgramBuilder.ImplicitUsingKeys(settings.Usings);
        var trees = programs.Select((program, index) => BuildTree(program, index, settings, implicitUsingKeys)).ToArray();
        var owners = trees.Select((tree, index) => (tree, index)).ToDictionary(x => x.tree, x => x.index);

        var compilation = SnippetCompiler.BaseFor(settings.References)
            .WithOptions(SnippetCompiler.OptionsFor(settings, OutputKind.DynamicallyLinkedLibrary));
        var remaining = new SortedSet<int>(Enumerable.Range(0, programs.Count));
        var broken = new HashSet<int>();
        var rounds = 0;
        for (var round = 1; round <= MaxRounds && remaining.Count > 0; round++)
        {
            rounds = round;
            var (image, diagnostics) = SnippetCompiler.Emit(compilation.AddSyntaxTrees([usingsTree, .. remaining.Select(i => trees[i])]), cancellationToken);
            var blamed = diagnostics
                .Where(d => d.Severity is RoslynSeverity.Error or RoslynSeverity.Warning)
                .Select(d => d.Location.SourceTree is { } tree && owners.TryGetValue(tree, out var owner) ? owner : -1)
                .ToHashSet();
            if (blamed.Count == 0 && image is not null)
            {
                var entryTypes = programs.Select((program, index) =>
                    remaining.Contains(index) && program.EntryClass is { } entry ? $"{NamespacePrefix}{index}.{entry}" : null).ToList();
                return new MergedCompilationResult(new ProgramImage(image), broken, entryTypes, round, clock.Elapsed);
            }
            // A diagnostic outside every program (or a failed emit without one) says nothing about whose it is.
            if (blamed.Contains(-1) || blamed.Count == 0) break;
            remaining.ExceptWith(blamed);
            broken.UnionWith(blamed);
        }
        broken.UnionWith(remaining);
        return new MergedCompilationResult(null, broken, [.. programs.Select(_ => (string?)null)], rounds, clock.Elapsed);
    }

    /// <summary>
    /// One program's tree: its usings, then a namespace with a <c>Program.Main</c> holding its top-level
    /// statements and then its declarations. Every line of its own keeps its <c>#line</c> directive.
    /// </summary>
    private static SyntaxTree BuildTree(MergeableProgram program, int index, CompileSettings settings, IReadOnlySet<string> implicitUsingKeys)
    {
        var usings = new StringBuilder("#line hidden\n");
        var statements = new StringBuilder();
        var declarations = new StringBuilder();
        var seenUsings = new HashSet<string>(implicitUsingKeys, StringComparer.Ordinal);
        foreach (var (part, text, root) in program.Parts)
        {
            var emitter = new MappedEmitter(part, text, root);
            foreach (var directive in root.Usings)
            {
                if (seenUsings.Add(ProgramBuilder.NormalizeUsing(directive.ToString()))) emitter.Emit(usings, directive.Span, "");
            }
            foreach (var member in root.Members)
            {
                emitter.Emit(member is GlobalStatementSyntax ? statements : declarations, member.FullSpan, "");
            }
        }

        var source = new StringBuilder(usings.ToString());
        source.Append("#line hidden\nnamespace ").Append(NamespacePrefix).Append(index).Append("\n{\n");
        if (program.TopLevelSignature is { } signature)
        {
            // Partial, like the class Roslyn makes for top-level statements, so a snippet can add to it.
            source.Append("partial class Program\n{\nstatic ").Append(signature).Append(" Main(string[] args)\n{\n")
                .Append(statements).Append("#line hidden\n}\n}\n");
        }
        source.Append(declarations).Append("#line hidden\n}\n");
        return CSharpSyntaxTree.ParseText(source.ToString(), settings.ParseOptions, path: $"merged{index}.snippet.cs", encoding: Encoding.UTF8);
    }
}
