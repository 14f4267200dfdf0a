namespace SnippetCheck.Caching;

/// <summary>
/// The tool's own folder, <c>.snippetcheck/</c>, where the result cache lives. It is created with a <c>.gitignore</c>
/// of <c>*</c>, as pytest's <c>.pytest_cache</c> and ruff's <c>.ruff_cache</c> are, so that <c>verify</c>, <c>adopt</c> and
/// <c>--watch</c> leave <c>git status</c> clean in a posts repository without anyone editing its own <c>.gitignore</c>.
/// </summary>
internal static class ToolFolder
{
    public const string Name = ".snippetcheck";

    /// <summary>What the folder's own <c>.gitignore</c> holds: everything, itself included.</summary>
    public const string GitIgnore = "# Created by snippetcheck: a cache, safe to delete.\n*\n";

    /// <summary>
    /// Creates <paramref name="directory"/> and its missing parents. When this creates the <c>.snippetcheck</c> folder the
    /// directory lies in (or the directory itself, for a <c>--cache-dir</c> outside any such folder), that folder gets its
    /// <c>.gitignore</c>; a folder that already exists is left as it is, and an existing <c>.gitignore</c> is never replaced.
    /// </summary>
    public static void Create(string directory)
    {
        var full = Path.GetFullPath(directory);
        var owner = OwnerOf(full);
        var creates = !Directory.Exists(owner);
        Directory.CreateDirectory(full);
        if (!creates) return;
        var ignore = Path.Combine(owner, ".gitignore");
        try
        {
            // CreateNew, not an existence check first: another run creating the folder at the same time wins cleanly.
            using var stream = new FileStream(ignore, FileMode.CreateNew, FileAccess.Write);
            stream.Write(System.Text.Encoding.UTF8.GetBytes(GitIgnore));
        }
        catch (IOException) when (File.Exists(ignore))
        {
        }
    }

    /// <summary>The nearest <c>.snippetcheck</c> folder at or above <paramref name="directory"/>, else the directory itself.</summary>
    private static string OwnerOf(string directory)
    {
        for (var folder = directory; folder is not null; folder = Path.GetDirectoryName(folder))
        {
            if (string.Equals(Path.GetFileName(folder), Name, StringComparison.Ordinal)) return folder;
        }
        return directory;
    }
}
