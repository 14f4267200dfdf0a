using SnippetCheck.Extraction.Snippets;

namespace SnippetCheck.Adoption;

/// <summary>
/// Where a page sits among the run's pages, by its path in the run. Two notions, each with its users:
/// <list type="bullet">
/// <item><see cref="Of(SnippetDocument)"/>, the set a page shares receivers and models with: the first folder of its path
/// (<c>Owner__Repo/...</c> in the realworld corpus), or the run's own folder for a page directly in it.</item>
/// <item><see cref="FoldersOf(SnippetDocument)"/>, where its package evidence is looked for after its own: its folder,
/// then each ancestor up to the run's root, nearest first. A library's docs install it once at the root
/// (<c>getting-started.md</c>) and call it in sub-folders (<c>pipelines/</c>); a corpus of one repository per top folder,
/// with nothing at its root, keeps each repository's evidence to itself.</item>
/// </list>
/// </summary>
internal static class DocSet
{
    /// <summary>The doc set a page shares receivers and models with (see <see cref="DocSet"/>).</summary>
    public static string Of(SnippetDocument document) => Of(document.Source.Document.DisplayPath);

    /// <summary>The doc set of the page shown as <paramref name="displayPath"/> (<see cref="Of(SnippetDocument)"/>).</summary>
    public static string Of(string displayPath)
    {
        var path = Normalized(displayPath);
        var slash = path.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 || path.StartsWith("../", StringComparison.Ordinal) || Path.IsPathRooted(path) ? "" : path[..slash];
    }

    /// <summary>The folder of a page, as its path in the run shows it (<c>""</c> for the run's own folder).</summary>
    public static string FolderOf(SnippetDocument document)
    {
        var path = Normalized(document.Source.Document.DisplayPath);
        var slash = path.LastIndexOf('/');
        return slash < 0 ? "" : path[..slash];
    }

    /// <summary>The page's folder, then each ancestor folder up to the run's root (<c>""</c>), nearest first.</summary>
    public static IEnumerable<string> FoldersOf(SnippetDocument document)
    {
        var folder = FolderOf(document);
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
}
