using System.Runtime.InteropServices;

namespace SnippetCheck.Execution;

/// <summary>
/// A confined build's write grants as its runner is to open them, no further: the runner follows no symbolic link on a write
/// grant (<see cref="Landlock.Ruleset.Allow"/>), since Landlock grants where a link points, and a pull request's
/// <c>obj -&gt; ../.git</c> would let a build plant a git hook. Links above the checkout are the machine's (a <c>/home</c>
/// that links to <c>/var/home</c>, a <c>~/.cache</c> on another disk), so each path's part above its anchor is resolved
/// here; the part below is left for the runner to refuse a link in, at open time.
/// </summary>
internal static class WriteGrants
{
    /// <summary>
    /// <paramref name="path"/> with its anchor resolved: the outermost folder above it holding <c>.git</c> (the checkout,
    /// which git never lets a tree link above), else the deepest of the machine's own folders it is in (the temp folder,
    /// HOME, the caches the environment names), else nothing (every link in it refused).
    /// </summary>
    public static string Anchored(string path)
    {
        var full = Path.GetFullPath(path);
        var anchor = CheckoutRoot(full) ?? MachineFolders().Where(folder => Contains(folder, full)).MaxBy(folder => folder.Length);
        return anchor is not null && RealPath(anchor) is { } real ? Path.Join(real, Path.GetRelativePath(anchor, full)) : full;
    }

    private static string? CheckoutRoot(string path)
    {
        string? root = null;
        for (var above = Path.GetDirectoryName(path); above is not null; above = Path.GetDirectoryName(above))
        {
            if (Path.Exists(Path.Combine(above, ".git"))) root = above;
        }
        return root;
    }

    private static IEnumerable<string> MachineFolders()
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        string?[] folders =
        [
            Path.GetTempPath(), home, Path.Combine(home, ".cache"), Path.Combine(home, ".nuget", "packages"),
            Environment.GetEnvironmentVariable("XDG_CACHE_HOME"), Environment.GetEnvironmentVariable("SNIPPETCHECK_PACKAGE_CACHE"),
            Environment.GetEnvironmentVariable("NUGET_PACKAGES"),
        ];
        return folders.Where(f => !string.IsNullOrEmpty(f) && Path.IsPathRooted(f))
            .Select(f => Path.TrimEndingDirectorySeparator(Path.GetFullPath(f!)));
    }

    private static bool Contains(string folder, string path) =>
        path == folder || path.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>The path with every link in it resolved (realpath(3)); null when it does not exist.</summary>
    private static string? RealPath(string path)
    {
        var resolved = realpath(path, IntPtr.Zero);
        if (resolved == IntPtr.Zero) return null;
        try
        {
            return Marshal.PtrToStringUTF8(resolved);
        }
        finally
        {
            free(resolved);
        }
    }

#pragma warning disable SYSLIB1054 // two plain calls
    [DllImport("libc", SetLastError = true)]
    private static extern IntPtr realpath([MarshalAs(UnmanagedType.LPUTF8Str)] string path, IntPtr resolved);

    [DllImport("libc")]
    private static extern void free(IntPtr pointer);
#pragma warning restore SYSLIB1054
}
