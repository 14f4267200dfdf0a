using SnippetCheck.Model;

namespace SnippetCheck.Extraction.Discovery;

/// <summary>What discovery found: the files, and what it says about the file set (a glob that matched nothing, generated files left out).</summary>
/// <param name="LeftOut">Files found but left out by an <c>exclude</c> glob or as generated, with why: for the message of a run that found
/// none.</param>
internal sealed record Discovered(IReadOnlyList<DocumentPath> Files, IReadOnlyList<Diagnostic> Notes, IReadOnlyList<string> LeftOut)
{
    /// <summary>Whether a folder argument (or the current directory) was searched with the include globs.</summary>
    public bool SearchedFolders { get; init; }
}
