using SnippetCheck.Compilation;
using SnippetCheck.Extraction.Snippets;
using SnippetCheck.Results;

namespace SnippetCheck.Driver;

/// <summary>
/// What a host watches of a verifier's runs (<see cref="Verifier.Observer"/>): how many snippets a run will verify, each
/// program's results as it finishes, and for <c>render</c>, what the compiler knew of each name in the run's own
/// compilations. Every member does nothing unless overridden or asked for. The observer holds what it collected, so it
/// stays readable after the verifier is disposed.
/// </summary>
public abstract class RunObserver
{
    /// <param name="capturesNotes">
    /// Note what the compiler knew of each identifier as the run compiles (<c>render</c>). A cached verdict then counts
    /// only with its notes kept beside it; otherwise the program compiles again.
    /// </param>
    protected RunObserver(bool capturesNotes = false) => Capture = capturesNotes ? new SemanticCapture() : null;

    /// <summary>The observer of the run's compilations; null when the observer takes no notes.</summary>
    internal SemanticCapture? Capture { get; }

    private SemanticCapture Notes => Capture ?? throw new InvalidOperationException("this observer takes no notes: pass capturesNotes");

    /// <summary>Called once per run (or trial pass), before anything compiles, with how many snippets it will verify.</summary>
    public virtual void Planned(int snippets)
    {
    }

    /// <summary>Called as each program finishes, with its blocks' results (progress displays); on any thread.</summary>
    public virtual void ResultsReady(IReadOnlyList<SnippetResult> results)
    {
    }

    /// <summary>
    /// Notes a block no run compiled (untagged or ignored): its text alone, bound against the framework with the
    /// implicit usings, as an editor would colour it.
    /// </summary>
    public void CollectUnverifiedNotes(Snippet snippet, CancellationToken cancellationToken) => Notes.CollectUnverified(snippet, cancellationToken);

    /// <summary>True when some compilation of the run, or a kept one, noted a name on one of <paramref name="snippet"/>'s lines.</summary>
    public bool HasNotesOn(Snippet snippet) => Notes.HasNotesOn(snippet);

    /// <summary>
    /// The cache key of the program whose kept notes cover <paramref name="snippet"/>: what its notes are a function of,
    /// known without reading them. Null when its notes were taken from a compilation that kept nothing.
    /// </summary>
    public string? KeptProgramOf(Snippet snippet) => Notes.KeptProgramOf(snippet);

    /// <summary>The notes on the lines of <paramref name="snippet"/> (what <c>render</c> colours it with).</summary>
    public IReadOnlyList<SymbolNote> NotesOn(Snippet snippet) => Notes.NotesOn(snippet);
}
