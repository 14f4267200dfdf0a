using SnippetCheck.Compilation;
using SnippetCheck.Execution;
using SnippetCheck.References;
using SnippetCheck.Programs;

namespace SnippetCheck.Engine;

/// <summary>
/// What verifying a program needs from the run (the runner pool and the dependency resolver), and the one way every
/// strategy resolves, compiles and runs a program (a merged chunk compiles and runs through <c>Engine/Merging/MergedStrategy</c>
/// with the same pool). What a program needs at run time (its input, arguments, network, references) is read from
/// the program here, never passed in, so no path can leave one out.
/// </summary>
/// <param name="CompileOnly">The run's <see cref="RunShape.CompileOnly"/>.</param>
/// <param name="Capture">For <c>render</c>: notes what the compiler knew of each identifier, from every compilation made.</param>
internal sealed record ProgramContext(RunnerPool Pool, DependencyResolver Dependencies, bool CompileOnly = false, SemanticCapture? Capture = null)
{
    /// <summary>The program's packages, projects, <c>#:sdk</c> and <c>#:property</c> directives, resolved.</summary>
    public Task<ProgramDependencies> ResolveAsync(SnippetProgram program, CancellationToken cancellationToken) =>
        Dependencies.ResolveAsync(program.Document, program.Blocks, program.Session, cancellationToken);

    /// <summary>Preludes and blocks assembled into one program (<see cref="ProgramAssembler"/>) and compiled.</summary>
    /// <param name="markBlocks">Mark where each block starts, so that a session's output is told apart by block.</param>
    /// <param name="check">For a <c>check</c> block: which part it is, and what the post's other blocks declare.</param>
    /// <param name="bindPastSyntax">For a <c>compile-fail</c> block that lists IDs (<see cref="CompilationResult.PastSyntax"/>).</param>
    public CompilationResult Compile(IReadOnlyList<ParsedPart> preludes, IReadOnlyList<ParsedPart> blocks, CompileSettings settings, bool markBlocks,
        CancellationToken cancellationToken, CheckScope? check = null, bool bindPastSyntax = false) =>
        SnippetCompiler.Compile(
            ProgramAssembler.Assemble(preludes, blocks, settings, markBlocks), [.. preludes, .. blocks], settings, cancellationToken, Capture, check,
            bindPastSyntax);

    /// <summary>Runs a compiled program (a lone snippet, or a session's <paramref name="blocks"/>) with its own input and arguments.</summary>
    public Task<RunResult> RunAsync(SnippetProgram program, CompilationResult compiled, IReadOnlyList<int> blocks, ProgramDependencies dependencies,
        TimeSpan timeout, CancellationToken cancellationToken) =>
        Pool.RunAsync(new ProgramImage(compiled.Image!) { TestTypes = program.RunsTests(blocks) ? compiled.TestTypes : [] }, program.Stdin(blocks),
            program.Args,
            dependencies.RuntimePaths, program.Network, OwnerOf(program, blocks), timeout, cancellationToken);

    /// <summary>Whose code runs: the program's document, and the blocks that run.</summary>
    public static RunOwner OwnerOf(SnippetProgram program, IReadOnlyList<int> blocks) =>
        new(program.Document.DisplayPath, [.. blocks.Select(i => program.Blocks[i].Location)]);
}
