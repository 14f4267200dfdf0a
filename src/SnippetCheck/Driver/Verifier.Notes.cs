using SnippetCheck.Compilation;
using SnippetCheck.Extraction.Snippets;

namespace SnippetCheck.Driver;

/// <summary>
/// The verifier's compiler notes, for <c>render</c>: what the compiler knew of each name of a block, gathered from the
/// run's own compilations (the observer stays the core's). They stay readable after the verifier is disposed.
/// </summary>
public sealed partial class Verifier
{
    /// <summary>Whether the run notes what the compiler knew of each identifier as it compiles (<c>render</c>).</summary>
    public bool CapturesNotes { get => Capture is not null; init => Capture = value ? new SemanticCapture() : null; }

    private SemanticCapture Notes => Capture ?? throw new InvalidOperationException("the verifier captures no notes: set CapturesNotes");

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
