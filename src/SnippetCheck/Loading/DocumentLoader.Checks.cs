using SnippetCheck.Caching.Store;
using SnippetCheck.Configuration;
using SnippetCheck.Extraction.Discovery;
using SnippetCheck.Extraction.Snippets;
using SnippetCheck.Model;

namespace SnippetCheck.Loading;

/// <summary>The loader's checks of a document's blocks once read: tags <c>--untrusted</c> refuses, scrubbers no one defines, sessions.</summary>
internal sealed partial class DocumentLoader
{
    /// <summary>
    /// Under <c>--untrusted</c>, a block whose tags widen the sandbox (<c>network</c>) fails for its tags without running
    /// (<see cref="Snippet.HasAnnotationErrors"/>), with the refusal at its fence.
    /// </summary>
    private static Snippet RefuseWideningTags(Snippet snippet)
    {
        var refusals = snippet.Tags.SettingTags
            .Select(tag => (Setting: tag.Key, Grant: tag.Key.WideningOfTag(tag.Value)))
            .Where(r => r.Grant is not null)
            .Select(r => Model.Diagnostic.Error(DiagnosticCodes.UntrustedRefused,
                Untrusted.Message($"the '{r.Setting.Tag?.Word}' tag", r.Grant!), snippet.Location))
            .ToList();
        return refusals.Count == 0 ? snippet : snippet with { Annotations = [.. snippet.Annotations, .. refusals] };
    }

    /// <summary>
    /// Under <c>--untrusted</c>, a post that is a symbolic link or lies in a linked folder below the run's folder is not read
    /// (a pull request could plant one): <c>posts/key.md -&gt; ~/.ssh/id_rsa</c> would be verified, and rendered into a site. SC3017 at the post.
    /// </summary>
    private Diagnostic? RefuseLinkedPost(DocumentPath path) =>
        StoreFile.LinkOnTheWay(path.FullPath, options.CurrentDirectory) is { } link
            ? FileError(path.DisplayPath, 1, DiagnosticCodes.UntrustedRefused, Untrusted.Message(
                $"the post {path.DisplayPath}", $"is read through the symbolic link {link.Link}, which may point outside the checkout"))
            : null;

    /// <summary>A problem of a whole file (unreadable, bad front matter, unknown scrubber): an error at column 1 of a line.</summary>
    private static Diagnostic FileError(string file, int line, string code, string message) =>
        Diagnostic.Error(code, message, new SourceLocation(file, line, 1));

    /// <summary>Each <c>scrub=</c> name must be a scrubber (SC1016): a typo would silently leave a value unscrubbed.</summary>
    private static SnippetDocument CheckScrubberNames(SnippetDocument document, SnippetCheckConfig config, string file, List<Diagnostic> fileErrors)
    {
        if (config.Scrub is { } fileNames && ConfigReader.UnknownScrubber(fileNames, config.Scrubbers) is { } inFile)
            fileErrors.Add(FileError(file, 1, DiagnosticCodes.UnknownScrubber, UnknownScrubberMessage(inFile, config)));
        return document with
        {
            Snippets = [.. document.Snippets.Select(snippet =>
                ConfigReader.UnknownScrubber([.. snippet.Tags.Scrub ?? [], .. snippet.Output?.Scrub ?? []], config.Scrubbers) is { } unknown
                    ? snippet with { Annotations = [.. snippet.Annotations, Model.Diagnostic.Error(DiagnosticCodes.UnknownScrubber,
                        UnknownScrubberMessage(unknown, config), snippet.Tags.Scrub?.Contains(unknown) == true ? snippet.Location
                        : snippet.Output!.Block.Location)] }
                    : snippet)],
        };
    }

    private static string UnknownScrubberMessage(string name, SnippetCheckConfig config)
    {
        var known = ConfigReader.ScrubberNames(config.Scrubbers);
        return $"'scrub={name}' names no scrubber{EditDistance.DidYouMean(EditDistance.NearMiss(name, known))} (known: {string.Join(", ", known)})";
    }
}
