namespace SnippetCheck.Caching.Store;

/// <summary>A write refused because the file, or a folder on its way, is a symbolic link (<see cref="StoreFile.Replace"/>).</summary>
/// <param name="link">The link: the file itself or a folder above it.</param>
/// <param name="target">Where the link points.</param>
internal sealed class LinkedFileException(string link, string target)
    : IOException($"'{link}' is a symbolic link (to '{target}'); SnippetCheck never writes through a link, so the file and its target are left as " +
    $"they are")
{
    /// <summary>The link: the file itself or a folder above it.</summary>
    public string Link => link;
}
