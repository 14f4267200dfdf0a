using SnippetCheck.Extraction;
using SnippetCheck.Extraction.Snippets;

namespace SnippetCheck.Adoption.Inference;

/// <summary>
/// Where a page sits among the run's pages, by its path in the run. Two notions, each with its users:
/// <list type="bullet">
/// <item><see cref="Of(SnippetDocument)"/>, the set a page shares receivers and models with: the topmost folder, from the
/// run's root down to the page's own, that holds a page of the run directly. A library's docs with pages at their root
/// (<c>quick-start.md</c>) are one set with their sub-folders (<c>tutorial/</c>, <c>packages/</c>): a scheduler the quick
/// start declares is the one the tutorial calls. A corpus of one repository per top folder, with no page at its root
/// (<c>Owner__Repo/...</c> in the realworld corpus), is one set per repository.</item>
/// <item><see cref="FoldersOf(SnippetDocument)"/>, where its package evidence is looked for after its own: its folder,
/// then each ancestor up to the run's root, nearest first. A library's docs install it once at the root
/// (<c>getting-started.md</c>) and call it in sub-folders (<c>pipelines/</c>); a corpus of one repository per top folder,
/// with nothing at its root, keeps each repository's evidence to itself.</item>
/// </list>
/// </summary>
/// <param name="run">The run's pages: which folders hold one directly.</param>
internal sealed class DocSet(IEnumerable<SnippetDocument> run)
{
    private readonly IReadOnlyList<SnippetDocument> _run = [.. run];

    private readonly HashSet<string> _pageFolders = run.Select(FolderOf).ToHashSet(StringComparer.Ordinal);

    /// <summary>The run's pages of the doc set <paramref name="key"/> (<see cref="Of(SnippetDocument)"/>).</summary>
    public IEnumerable<SnippetDocument> PagesOf(string key) => _run.Where(d => Of(d) == key);

    /// <summary>The doc set a page shares receivers and models with (see <see cref="DocSet"/>).</summary>
    public string Of(SnippetDocument document) => Of(document.Source.Document.DisplayPath);

    /// <summary>The doc set of the page shown as <paramref name="displayPath"/> (<see cref="Of(SnippetDocument)"/>).</summary>
    public string Of(string displayPath)
    {
        var folder = FolderOf(displayPath);
        return Ancestry(folder).Reverse().FirstOrDefault(_pageFolders.Contains) ?? folder;
    }

    /// <summary>The folder of a page, as its path in the run shows it (<c>""</c> for the run's own folder).</summary>
    public static string FolderOf(SnippetDocument document) => FolderOf(document.Source.Document.DisplayPath);

    private static string FolderOf(string displayPath)
    {
        var path = Normalized(displayPath);
        var slash = path.LastIndexOf('/');
        return slash < 0 ? "" : path[..slash];
    }

    /// <summary>The page's folder, then each ancestor folder up to the run's root (<c>""</c>), nearest first.</summary>
    public static IEnumerable<string> FoldersOf(SnippetDocument document) => Ancestry(FolderOf(document));

    private static IEnumerable<string> Ancestry(string folder)
    {
        while (true)
        {
            yield return folder;
            if (folder.Length == 0 || folder == "/") yield break;
            var slash = folder.LastIndexOf('/');
            folder = slash < 0 ? "" : slash == 0 ? "/" : folder[..slash];
        }
    }

    private static string Normalized(string displayPath)
    {
        var path = displayPath.Replace('\\', '/');
        while (path.StartsWith("./", StringComparison.Ordinal)) path = path[2..];
        return path;
    }

    /// <summary>Markdown and MDX pages, as against C# files whose doc comments adopt reads.</summary>
    internal static bool IsMarkdown(string path) =>
        path.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".markdown", StringComparison.OrdinalIgnoreCase)
        || SourceDocument.IsMdxPath(path);
}
