using SnippetCheck.Execution;

namespace SnippetCheck.Engine;

/// <summary>
/// How a run executes, decided once by whoever starts it (a plain run, or an editor's session): whether its programs run
/// or only compile, and on whose runners.
/// </summary>
/// <param name="CompileOnly">
/// Judge only what compiling decides, and run nothing (an editor's check as the user types); a block that would run gets a
/// pending verdict (<see cref="VerificationEngine"/> decides it).
/// </param>
/// <param name="KeptRunners">
/// The runners kept between runs (a session's), asked for as a run on the tool's framework starts; null: each run starts and
/// ends its own.
/// </param>
internal sealed record RunShape(bool CompileOnly = false, Func<RunnerPool>? KeptRunners = null)
{
    /// <summary>A plain run: it runs what it compiles, on runners of its own.</summary>
    public static readonly RunShape Plain = new();

    /// <summary>The same shape on runners of the run's own (a pass on another framework than the tool's).</summary>
    public RunShape OnOwnRunners => this with { KeptRunners = null };
}
