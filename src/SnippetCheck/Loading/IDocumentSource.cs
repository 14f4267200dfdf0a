using SnippetCheck.Configuration;
using SnippetCheck.Extraction;
using SnippetCheck.Extraction.Discovery;
using SnippetCheck.Model;

namespace SnippetCheck.Loading;

/// <summary>
/// Where a run's documents and their text come from; the loader reads whatever a source gives the same way
/// (<see cref="DocumentLoader"/>). A run over files reads the disk (<see cref="DiskDocuments"/>); an editor's check, or
/// <c>adopt</c>'s trial of its pins, gives the texts it holds (<see cref="GivenTexts"/>).
/// </summary>
internal interface IDocumentSource
{
    /// <summary>The run's documents, and what finding them noted (globs that matched nothing, generated files left out).</summary>
    /// <exception cref="VerificationSetupException">No document at all.</exception>
    (IReadOnlyList<DocumentPath> Documents, IReadOnlyList<Diagnostic> Notes) Find(LoadOptions options, SnippetCheckConfig config, FileSet set);

    /// <summary>The text of one of the documents <see cref="Find"/> gave.</summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    SourceDocument Read(DocumentPath path);

    /// <summary>The paths and globs the run was given, as its report names them (the hint's commands repeat them).</summary>
    IReadOnlyList<string> PathsOf(LoadOptions options);
}

/// <summary>A document's text as an editor holds it, for a run that must not read the file.</summary>
/// <param name="FullPath">The file's absolute path: it decides the extractor (<c>.cs</c> or Markdown) and the path shown.</param>
/// <param name="Text">The document's current text, verified in place of the file's.</param>
internal sealed record DocumentText(string FullPath, string Text);

/// <summary>
/// Documents given as text (an editor's unsaved buffers, <c>adopt</c>'s pins tried in memory), never read from disk. They
/// are the run: no discovery and no shard, but the same exclude globs and generated-file rule, so the editor never shows
/// findings for a file the CLI and the build leave out.
/// </summary>
internal sealed class GivenTexts(IReadOnlyList<DocumentText> texts) : IDocumentSource
{
    public (IReadOnlyList<DocumentPath> Documents, IReadOnlyList<Diagnostic> Notes) Find(
        LoadOptions options, SnippetCheckConfig config, FileSet set) =>
        ([.. texts.Where(t => set.Matching(set.Exclude, t.FullPath, Path.GetDirectoryName(t.FullPath)!) is null
                && (set.IncludeGenerated || !FileSet.IsGeneratedText(t.FullPath, t.Text)))
            .Select(t => new DocumentPath(t.FullPath, DocumentDiscovery.DisplayPath(t.FullPath, options.CurrentDirectory)))], []);

    public SourceDocument Read(DocumentPath path) =>
        SourceDocument.FromText(path.FullPath, path.DisplayPath, texts.First(t => t.FullPath == path.FullPath).Text);

    /// <summary>None: the texts are not paths a user gave.</summary>
    public IReadOnlyList<string> PathsOf(LoadOptions options) => [];
}
