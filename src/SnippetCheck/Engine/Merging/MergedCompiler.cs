using System.Diagnostics;
using Microsoft.CodeAnalysis;
using SnippetCheck.Programs;
using SnippetCheck.Compilation;
using SnippetCheck.Execution;
using RoslynSeverity = Microsoft.CodeAnalysis.DiagnosticSeverity;

namespace SnippetCheck.Engine.Merging;

/// <summary>Compiles many programs into one assembly, each wrapped in a namespace of its own.</summary>
internal static class MergedCompiler
{
    /// <summary>Rounds of dropping broken programs before giving up on the chunk (each drop may reveal others).</summary>
    private const int MaxRounds = 3;

    /// <param name="capture">For <c>render</c>: notes each identifier of the programs the final round kept (the broken ones compile again
    /// alone).</param>
    public static MergedCompilationResult Compile(
        IReadOnlyList<MergeableProgram> programs, CompileSettings settings, CancellationToken cancellationToken = default,
        SemanticCapture? capture = null)
    {
        var clock = Stopwatch.StartNew();
        var usingsTree = ProgramAssembler.SharedUsings(settings);
        var trees = programs.Select(
            (program, index) => ProgramAssembler.Merged(program.Parts, index, program.TopLevelSignature, settings.ParseOptions)).ToArray();
        var owners = trees.Select((tree, index) => (tree, index)).ToDictionary(x => x.tree, x => x.index);

        var compilation = SnippetCompiler.BaseFor(settings.References)
            .WithOptions(SnippetCompiler.OptionsFor(settings, OutputKind.DynamicallyLinkedLibrary));
        var remaining = new SortedSet<int>(Enumerable.Range(0, programs.Count));
        var broken = new HashSet<int>();
        var rounds = 0;
        for (var round = 1; round <= MaxRounds && remaining.Count > 0; round++)
        {
            rounds = round;
            var roundCompilation = compilation.AddSyntaxTrees([usingsTree, .. remaining.Select(i => trees[i])]);
            var (image, diagnostics) = SnippetCompiler.Emit(roundCompilation, cancellationToken);
            var blamed = diagnostics
                .Where(d => d.Severity is RoslynSeverity.Error or RoslynSeverity.Warning)
                .Select(d => d.Location.SourceTree is { } tree && owners.TryGetValue(tree, out var owner) ? owner : -1)
                .ToHashSet();
            if (blamed.Count == 0 && image is not null)
            {
                capture?.Collect(roundCompilation, remaining.Select(i => trees[i]), remaining.SelectMany(i => programs[i].Parts), cancellationToken);
                var entryTypes = programs.Select((program, index) =>
                    remaining.Contains(index) && program.EntryClass is { } entry ? $"{ProgramAssembler.MergedNamespacePrefix}{index}.{entry}" : null)
                    .ToList();
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
}
