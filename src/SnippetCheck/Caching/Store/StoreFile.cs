using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SnippetCheck.Caching.Store;

/// <summary>
/// How the store reads and writes: every write lands whole (written beside its place under a temporary name, then renamed
/// into place), so a reader (another run sharing the cache, an editor with the post open) sees the old file or the new one,
/// never half of either; and a read of an entry that is missing, torn or of another format is a miss, never an error.
/// </summary>
internal static partial class StoreFile
{
    /// <summary>Writes a cache entry, creating its folder.</summary>
    public static void Write(string path, ReadOnlySpan<byte> bytes)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        WriteThenRename(path, bytes, durable: false);
    }

    /// <summary>
    /// Replaces a user's file (a post being rewritten) with its permissions kept, and on the disk before the rename, so a
    /// crash never leaves an empty post behind. Never through a symbolic link (<see cref="LinkedFileException"/>): a
    /// pull request's <c>posts/a.md -&gt; ~/.bashrc</c> must not make <c>--accept</c> write outside the checkout.
    /// </summary>
    /// <param name="root">
    /// The folder the file was named from (the run's folder): every folder between it and the file, and the file, must be
    /// no link. A file outside <paramref name="root"/> has every folder up to the file system's root checked.
    /// </param>
    public static void Replace(string path, ReadOnlySpan<byte> bytes, string root)
    {
        RefuseLinks(path, root);
        WriteThenRename(path, bytes, durable: true, root);
    }

    /// <summary>
    /// Writes <paramref name="relative"/> under <paramref name="root"/> (a folder the tool writes for the user: render's
    /// output), creating its folders; never through a symbolic link below <paramref name="root"/>.
    /// </summary>
    public static void WriteBelow(string root, string relative, ReadOnlySpan<byte> bytes)
    {
        var path = Path.GetFullPath(Path.Combine(root, relative));
        RefuseLinks(path, root);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        WriteThenRename(path, bytes, durable: false, root);
    }

    /// <summary>Throws <see cref="LinkedFileException"/> when the file or a folder between it and <paramref name="root"/> is a link.</summary>
    private static void RefuseLinks(string path, string root)
    {
        if (LinkOnTheWay(path, root) is { } link) throw new LinkedFileException(link.Link, link.Target);
    }

    /// <summary>
    /// The first symbolic link among <paramref name="path"/> and the folders between it and <paramref name="root"/> (every
    /// folder up to the file system's root when it is not below <paramref name="root"/>), with where it points; or null.
    /// </summary>
    public static (string Link, string Target)? LinkOnTheWay(string path, string root)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        var top = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        var below = full.StartsWith(top + Path.DirectorySeparatorChar, StringComparison.Ordinal);
        for (var at = full; at is not null && (!below || at.Length > top.Length); at = Path.GetDirectoryName(at))
        {
            if (LinkTarget(at) is { } target) return (at, target);
        }
        return null;
    }

    /// <summary>
    /// Where the link at <paramref name="path"/> points (a dangling one too); null for a file or folder that is no link, or nothing.
    /// </summary>
    private static string? LinkTarget(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null; // a file render is about to create
        }
    }

    /// <param name="root">
    /// The folder the file was named from, when there is one: the file is then created and renamed in its folder as opened
    /// from there with no link followed (<see cref="BeneathRoot"/>), so a link planted after <see cref="RefuseLinks"/>
    /// looked still carries nothing outside.
    /// </param>
    private static void WriteThenRename(string path, ReadOnlySpan<byte> bytes, bool durable, string? root = null)
    {
        // Same folder, so the rename stays on one volume; hidden, so a crash leaves nothing a glob of posts would pick up.
        // A kill between the two leaves it: SweepTemporaries removes it on a later run. Its name is TemporaryName's.
        var full = Path.GetFullPath(path);
        var name = $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, name);
        using var folder = root is null ? null : BeneathRoot.TryOpenFolder(root, Path.GetDirectoryName(full)!);
        var hold = durable ? ReplaceHold.ForNext() : null;
        try
        {
            using (var stream = folder is null
                ? new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None) : BeneathRoot.Create(folder, name))
            {
                var half = bytes.Length / 2;
                stream.Write(bytes[..half]);
                hold?.At(ReplaceHold.MidWrite, stream);
                stream.Write(bytes[half..]);
                if (durable && !OperatingSystem.IsWindows() && File.Exists(full))
                    File.SetUnixFileMode(stream.SafeFileHandle, File.GetUnixFileMode(full));
                if (durable) stream.Flush(flushToDisk: true);
            }
            hold?.At(ReplaceHold.BeforeRename, null);
            if (folder is null) File.Move(temporary, full, overwrite: true);
            else BeneathRoot.Rename(folder, name, Path.GetFileName(full));
        }
        finally
        {
            if (folder is not null) BeneathRoot.Delete(folder, name);
            else if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    /// <summary>
    /// Removes from <paramref name="folder"/> (a folder of posts) the temporary files of writes whose process was killed
    /// between writing and renaming (a SIGKILLed <c>--accept</c>): only names exactly as <see cref="WriteThenRename"/> gives
    /// them, <c>.NAME.PID.GUID.tmp</c>, and only when no process of that id is alive. A linked folder is not swept.
    /// </summary>
    public static void SweepTemporaries(string folder)
    {
        try
        {
            if (new DirectoryInfo(folder).LinkTarget is not null) return;
            foreach (var file in Directory.EnumerateFiles(folder, ".*.tmp"))
            {
                if (TemporaryName().Match(Path.GetFileName(file)) is { Success: true } name && !IsAlive(name.Groups["pid"].Value)) File.Delete(file);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Another user's folder or file: not this run's to insist on.
        }
    }

    private static bool IsAlive(string pid)
    {
        if (!int.TryParse(pid, NumberStyles.None, CultureInfo.InvariantCulture, out var id)) return false;
        if (id == Environment.ProcessId) return true;
        if (OperatingSystem.IsLinux()) return Directory.Exists($"/proc/{id}");
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(id);
            return !process.HasExited;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"^\..+\.(?<pid>[0-9]{1,10})\.[0-9a-f]{32}\.tmp$")]
    private static partial Regex TemporaryName();

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

    /// <summary>
    /// The entry at <paramref name="path"/> as <paramref name="read"/> makes it of the file's bytes; null when it is missing or unreadable.
    /// </summary>
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
