using System.Text.Json;

namespace SnippetCheck.Store;

/// <summary>
/// How the store reads and writes: every write lands whole (written beside its place under a temporary name, then renamed
/// into place), so a reader (another run sharing the cache, an editor with the post open) sees the old file or the new one,
/// never half of either; and a read of an entry that is missing, torn or of another format is a miss, never an error.
/// </summary>
public static class StoreFile
{
    /// <summary>Writes a cache entry, creating its folder.</summary>
    public static void Write(string path, ReadOnlySpan<byte> bytes)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        WriteThenRename(path, bytes, durable: false);
    }

    /// <summary>
    /// Replaces a user's file (a post being rewritten): through a symbolic link rather than over it, with the file's
    /// permissions kept, and on the disk before the rename, so a crash never leaves an empty post behind.
    /// </summary>
    public static void Replace(string path, ReadOnlySpan<byte> bytes)
    {
        var target = new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path;
        WriteThenRename(target, bytes, durable: true);
    }

    private static void WriteThenRename(string path, ReadOnlySpan<byte> bytes, bool durable)
    {
        // Same folder, so the rename stays on one volume; hidden, so a crash leaves nothing a glob of posts would pick up.
        var temporary = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, $".{Path.GetFileName(path)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(bytes);
                if (durable) stream.Flush(flushToDisk: true);
            }
            if (durable && !OperatingSystem.IsWindows()) File.SetUnixFileMode(temporary, File.GetUnixFileMode(path));
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    /// <summary>
    /// Makes a folder whole or not at all: <paramref name="fill"/> fills a sibling, which then replaces the folder. Called
    /// under the entry's <see cref="StoreLock"/> (held outside the folder, since the folder itself is replaced).
    /// </summary>
    internal static async Task ReplaceFolderAsync(string folder, Func<string, Task> fill)
    {
        var building = folder + ".building";
        if (Directory.Exists(building)) Directory.Delete(building, recursive: true);
        Directory.CreateDirectory(building);
        try
        {
            await fill(building).ConfigureAwait(false);
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
            Directory.Move(building, folder);
        }
        finally
        {
            if (Directory.Exists(building)) Directory.Delete(building, recursive: true);
        }
    }

    /// <summary>The entry at <paramref name="path"/> as <paramref name="read"/> makes it of the file's bytes; null when it is missing or unreadable.</summary>
    public static T? TryRead<T>(string path, Func<byte[], T?> read) where T : class
    {
        try
        {
            return File.Exists(path) ? read(File.ReadAllBytes(path)) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or ArgumentException)
        {
            // EndOfStreamException too: a torn entry is a miss.
            return null;
        }
    }
}
