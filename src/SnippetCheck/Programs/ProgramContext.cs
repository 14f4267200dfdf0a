using SnippetCheck.Compilation;
using SnippetCheck.Execution;
using SnippetCheck.Packages;

namespace SnippetCheck.Programs;

/// <summary>
/// What verifying a program needs from the run (the runner pool and the dependency resolver), and the one way every
/// path resolves, compiles and runs a program: lone, session, merged and stale, and so <c>adopt</c> and the language
/// server, which verify through them. What a program needs at run time (its input, arguments, network, references)
/// is read from the program here, never passed in, so no path can leave one out.
/// </summary>
/// <param name="CompileOnly">Judge only what compiling decides; a block that would run gets a pending verdict.</param>
/// <param name="Capture">For <c>render</c>: notes what the compiler knew of each identifier, from every compilation made.</param>
internal sealed record ProgramContext(RunnerPool Pool, DependencyResolver Dependencies, bool CompileOnly = false, Compilation.SemanticCapture? Capture = null)
{
    /// <summary>The program's packages, projects, <c>#:sdk</c> and <c>#:property</c> directives, resolved.</summary>
    public Task<ProgramDependencies> ResolveAsync(SnippetProgram program, CancellationToken cancellationToken) =>
        Dependencies.ResolveAsync(program.Document, program.Blocks, program.Session, cancellationToken);

    /// <summary>Preludes and blocks assembled into one program (<see cref="ProgramAssembler"/>) and compiled.</summary>
    /// <param name="markBlocks">Mark where each block starts, so that a session's output is told apart by block.</param>
    /// <param name="check">For a <c>check</c> block: which part it is, and what the post's other blocks declare.</param>
    public CompilationResult Compile(IReadOnlyList<ParsedPart> preludes, IReadOnlyList<ParsedPart> blocks, CompileSettings settings, bool markBlocks,
        CancellationToken cancellationToken, CheckScope? check = null) =>
        SnippetCompiler.Compile(ProgramAssembler.Assemble(preludes, blocks, settings, markBlocks), [.. preludes, .. blocks], settings, cancellationToken, Capture, check);

    /// <summary>
    /// Candidates of one group compiled into one assembly (<see cref="MergedCompiler"/>), under the group's settings
    /// and shared references (<see cref="MergeCandidate.GroupKey"/>).
    /// </summary>
    public MergedCompilationResult CompileMerged(IReadOnlyList<MergeCandidate> members, CancellationToken cancellationToken) =>
        MergedCompiler.Compile([.. members.Select(m => m.Mergeable)], members[0].Shared.Apply(members[0].Program.Settings), cancellationToken, Capture);

    /// <summary>Runs a compiled program (a lone snippet, or a session's <paramref name="blocks"/>) with its own input and arguments.</summary>
    public Task<RunResult> RunAsync(SnippetProgram program, CompilationResult compiled, IReadOnlyList<int> blocks, ProgramDependencies dependencies,
        TimeSpan timeout, CancellationToken cancellationToken) =>
        Pool.RunAsync(new ProgramImage(compiled.Image!) { TestTypes = program.RunsTests(blocks) ? compiled.TestTypes : [] }, program.Stdin(blocks), program.Args, dependencies.RuntimePaths, program.Network, timeout, cancellationToken);

    /// <summary>
    /// Runs member <paramref name="index"/> of a merged assembly, and reads its run as it would read alone
    /// (<see cref="StackTraces.Unwrapped"/>). A merged program never uses the network: such a program is not merged.
    /// </summary>
    public async Task<RunResult> RunMemberAsync(MergeCandidate member, MergedCompilationResult compiled, int index, CancellationToken cancellationToken)
    {
        var program = member.Program;
        var image = compiled.Image! with { EntryType = compiled.EntryTypes[index]! };
        var wrapped = await Pool.RunAsync(image, program.Stdin([0]), program.Args, member.Shared.RuntimePaths, network: false, program.Timeouts[0], cancellationToken)
            .ConfigureAwait(false);
        return StackTraces.Unwrapped(wrapped, ProgramAssembler.MergedNamespacePrefix + index, member.Mergeable.TopLevelSignature is not null);
    }
}
