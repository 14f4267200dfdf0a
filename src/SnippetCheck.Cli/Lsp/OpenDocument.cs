using SnippetCheck.Editor;
using SnippetCheck.Extraction;
using SnippetCheck.Results;

namespace SnippetCheck.Cli.Lsp;

/// <summary>What the server last knew about a document: the verdicts, the text they were computed on, and its version.</summary>
/// <param name="Document">The text as verified, for ranges and for edits that must apply to exactly that text.</param>
/// <param name="Full">True when snippets were run (a save), false for a compile-only check.</param>
/// <param name="Adoptable">Untagged blocks (by their code) that pass with the tag given; found after a save, kept while the code stays.</param>
/// <param name="Rot">Untagged blocks (by their code) with evidence of rot (SC2016); found after a save, kept while the code stays.</param>
internal sealed record DocumentCheck(int Version, SourceDocument Document, IReadOnlyList<SnippetResult> Results,
    IReadOnlyList<EditorFinding> Findings, bool Full, TimeSpan Duration)
{
    public IReadOnlyDictionary<string, string> Adoptable { get; init; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, SuspectedRot> Rot { get; init; } = new Dictionary<string, SuspectedRot>();
}

/// <summary>
/// A document the client has open: its text (always the client's, never the file on disk), its version, the check in
/// flight, and what the last check found. Every field is read and written under the instance's lock.
/// </summary>
internal sealed class OpenDocument(string uri, string fullPath, string text, int version)
{
    private CancellationTokenSource? _check;

    public string Uri { get; } = uri;
    public string FullPath { get; } = fullPath;
    public string Text { get; set; } = text;
    public int Version { get; set; } = version;

    /// <summary>The latest check that matched the text when it finished; null before the first.</summary>
    public DocumentCheck? Latest { get; set; }

    /// <summary>The last full run's run-time failures, shown again while the blocks they belong to stay unchanged.</summary>
    public RunMemory Memory { get; } = new();

    /// <summary>Publishing is one at a time, so an older check's diagnostics never land after a newer one's.</summary>
    public SemaphoreSlim PublishLock { get; } = new(1, 1);

    /// <summary>
    /// Cancels the check in flight (its runner is killed) and returns the token of the next one. Sources are not
    /// disposed: a check may still look at its token after the next one started.
    /// </summary>
    public CancellationToken Restart()
    {
        _check?.Cancel();
        _check = new CancellationTokenSource();
        return _check.Token;
    }

    public void Cancel()
    {
        _check?.Cancel();
        _check = null;
    }
}
