namespace SnippetCheck.Authoring;

/// <summary>Replaces a file's bytes all at once: a reader sees the old file or the new one, never half of each.</summary>
internal static class AtomicFile
{
    public static void Write(string path, byte[] bytes)
    {
        // Write through a symbolic link, not over it.
        var target = new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path;
        var directory = Path.GetDirectoryName(target)!;
        // Same folder, so the move is a rename on the same volume.
        var temp = Path.Combine(directory, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.snippetcheck-tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temp, File.GetUnixFileMode(target));
            File.Move(temp, target, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }
}
