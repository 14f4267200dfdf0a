using SnippetCheck.Caching.Store;
using SnippetCheck.Model;

namespace SnippetCheck.Caching;

/// <summary>
/// The store as a tool built on the core keeps its own answers in it (render's block descriptions, <c>outdated</c>'s
/// newest versions): entries of bytes under a key of labelled parts, hashed as every key of the store is, written whole
/// (a reader never sees half an entry) and read as a miss when missing, torn or unreadable. The store's types stay the
/// core's own; a tool sees this one.
/// </summary>
/// <param name="folder">The cache folder; entries lie at <c>folder/kind/ab/abcdef…</c>.</param>
public sealed class ToolCache(string folder)
{
    /// <summary>
    /// This build of the core on this runtime: a key part for any entry whose content the core's code decides, so that an
    /// entry made by another build is never reused.
    /// </summary>
    public static string ToolIdentity => CacheKey.ToolIdentity;

    /// <summary>
    /// The key of <paramref name="parts"/>, in order: two different lists of parts never read alike (a null value is not an
    /// empty one, and no value can pass for a label). A value is text, a flag or a number, each written as the store writes
    /// it in every key (a number in the invariant culture), so a tool never formats one of its own.
    /// </summary>
    public static string Key(IEnumerable<(string Label, object? Value)> parts)
    {
        var key = new StoreKey();
        foreach (var (label, value) in parts)
        {
            _ = value switch
            {
                null or string => key.Add(label, (string?)value),
                bool flag => key.Add(label, flag),
                int or long => key.Add(label, Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)),
                _ => throw new ArgumentException($"key part '{label}' is a {value.GetType().Name}: give text, a flag or a number", nameof(parts)),
            };
        }
        return key.Hash();
    }

    /// <summary>The store's hash (SHA-256, lower-case hex) of <paramref name="bytes"/>: a content's fingerprint.</summary>
    public static string Hash(ReadOnlySpan<byte> bytes) => ContentHash.Of(bytes);

    /// <summary>
    /// The entry <paramref name="key"/> of <paramref name="kind"/>, as <paramref name="read"/> makes it of its bytes; null when
    /// it is missing, unreadable (<paramref name="read"/> may throw on a torn entry), or older than <paramref name="maxAge"/>.
    /// </summary>
    public T? TryGet<T>(string kind, string key, Func<byte[], T?> read, TimeSpan? maxAge = null) where T : class
    {
        var path = PathOf(kind, key);
        // One stat: a missing file's time is 1601, so it reads as too old, as a missing entry is a miss anyway.
        if (maxAge is { } age && DateTime.UtcNow - File.GetLastWriteTimeUtc(path) >= age) return null;
        return StoreFile.TryRead(path, read);
    }

    /// <summary>
    /// Keeps <paramref name="bytes"/> as the entry <paramref name="key"/> of <paramref name="kind"/>. The first write makes the
    /// folder (with a <c>.gitignore</c> when it is the tool's own); a write that fails is no error, since a cache only saves time.
    /// </summary>
    public void Set(string kind, string key, byte[] bytes)
    {
        try
        {
            if (!Directory.Exists(folder)) ToolFolder.Create(folder);
            StoreFile.Write(PathOf(kind, key), bytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A cache that cannot be written only costs time.
        }
    }

    /// <summary>
    /// A file a tool wrote outside the cache (render's manifest), as <paramref name="read"/> makes it of its bytes; null when
    /// it is missing or unreadable.
    /// </summary>
    public static T? TryRead<T>(string path, Func<byte[], T?> read) where T : class => StoreFile.TryRead(path, read);

    /// <summary>
    /// Writes <paramref name="relative"/> under <paramref name="root"/> (a folder the tool writes for the user: render's
    /// output) whole, creating its folders, but never through a symbolic link below <paramref name="root"/>: a link there
    /// (a pull request's <c>out/a.html -&gt; ~/.bashrc</c>) is left as it is. Returns why the file was not written, or null.
    /// </summary>
    public static string? WriteBelow(string root, string relative, ReadOnlySpan<byte> bytes)
    {
        try
        {
            StoreFile.WriteBelow(root, relative, bytes);
            return null;
        }
        catch (LinkedFileException e)
        {
            return e.Message;
        }
    }

    /// <summary>
    /// Refuses an output folder (render's <c>--out</c>) that is, or lies below, a symbolic link on the way from
    /// <paramref name="currentDirectory"/> (the whole way, when it is not below it): a pull request's <c>site -&gt; ~</c>
    /// would have the tool write there. SC3035, before anything runs.
    /// </summary>
    /// <exception cref="VerificationSetupException">When there is such a link.</exception>
    public static void RefuseLinkedOutput(string option, string folder, string currentDirectory)
    {
        if (StoreFile.LinkOnTheWay(folder, currentDirectory) is not { } link) return;
        throw new VerificationSetupException(DiagnosticCodes.LinkedOutput,
            $"{option}: {link.Link} is a symbolic link (to {link.Target}) on the way to {folder}, and the tool never writes through a link; " +
            "name the folder it points to");
    }

    private string PathOf(string kind, string key) => Path.Combine(folder, kind, key[..2], key);
}
