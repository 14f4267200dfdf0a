using SnippetCheck.Extraction;
using SnippetCheck.Extraction.Snippets;
using SnippetCheck.Model;

namespace SnippetCheck.Programs;

/// <summary>
/// A document read and ready to verify: a tool holds it, reads its <see cref="Document"/> and <see cref="Blocks"/>, and asks
/// the questions in PreparedDocumentQuestions.cs; what it was read into (snippets, preludes, settings) stays the core's.
/// </summary>
public sealed partial record PreparedDocument
{
    internal PreparedDocument(SnippetDocument snippets, FileSettings settings, bool skip, IReadOnlyList<Diagnostic> errors)
    {
        Snippets = snippets;
        Settings = settings;
        Skip = skip;
        Errors = errors;
    }

    internal SnippetDocument Snippets { get; init; }

    internal FileSettings Settings { get; init; }

    /// <summary>True when the run leaves the document out (<see cref="SkipReason"/>).</summary>
    public bool Skip { get; init; }

    internal IReadOnlyList<Diagnostic> Errors { get; init; }

    /// <summary>The file as read.</summary>
    public SourceDocument Document => Snippets.Source.Document;

    /// <summary>Its C# blocks, in line order.</summary>
    public IReadOnlyList<Snippet> Blocks => Snippets.Snippets;

    /// <summary>Why <see cref="Skip"/>: front matter's <c>snippetcheck: skip</c>, or a refusal of <c>--untrusted</c>.</summary>
    public string SkipReason { get; init; } = "skipped by 'snippetcheck: skip' in front matter";
}
