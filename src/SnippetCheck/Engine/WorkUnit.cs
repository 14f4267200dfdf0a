using SnippetCheck.Programs;

namespace SnippetCheck.Engine;

/// <summary>
/// What <see cref="VerificationEngine"/> verifies in one go: one or more programs, how they become compilations
/// (<see cref="CompileStrategy"/>), and what their outcomes become (<see cref="JudgingPolicy"/>).
/// </summary>
internal sealed record WorkUnit(IReadOnlyList<SnippetProgram> Programs, CompileStrategy Strategy, JudgingPolicy Policy)
{
    /// <summary>A lone snippet's program, compiled on its own and judged for its verdict.</summary>
    public static WorkUnit Alone(SnippetProgram program, JudgingPolicy? policy = null) =>
        new([program], AloneStrategy.Instance, policy ?? JudgingPolicy.Verdicts);

    /// <summary>A session, or a fixture page: its blocks compiled as one program and run once.</summary>
    public static WorkUnit Session(SnippetProgram program) => new([program], SessionStrategy.Instance, JudgingPolicy.Verdicts);
}
