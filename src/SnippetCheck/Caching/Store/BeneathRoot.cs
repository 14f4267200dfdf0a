using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace SnippetCheck.Caching.Store;

/// <summary>
/// The write-then-rename of a file the tool writes below a root it was named from (a post <c>--accept</c> rewrites, a page of
/// render's site), with every link below the root refused when each file is opened, not by a look at the path before: the
/// folder is opened from the root with <c>openat2(RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS)</c>, the temporary file is created
/// in that open folder and renamed there (<c>renameat</c>), so a link planted on the way between a check and the write
/// cannot carry the write outside. The machine's own links above the root are followed as before.
/// Linux only (openat2, Linux 5.6); elsewhere <see cref="TryOpenFolder"/> returns null and the caller writes by path.
/// </summary>
internal static class BeneathRoot
{
    private const long SysOpenat2 = 437;
    private const int OPath = 0x200000, OCloexec = 0x80000, OWronly = 1, OCreat = 0x40, OExcl = 0x80, AtFdcwd = -100;
    private const int Eloop = 40, Exdev = 18;
    private const ulong ResolveNoSymlinks = 0x04, ResolveBeneath = 0x08;

    /// <summary>
    /// <paramref name="folder"/>, below or at <paramref name="root"/>, opened without following a link below the root; null
    /// off Linux. Throws <see cref="LinkedFileException"/> when a link stands on the way.
    /// </summary>
    public static SafeFileHandle? TryOpenFolder(string root, string folder)
    {
        if (!OperatingSystem.IsLinux()) return null;
        var top = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        if (full != top && !full.StartsWith(top + "/", StringComparison.Ordinal)) return null;
        using var rootHandle = Open(AtFdcwd, top, OPath | OCloexec, 0, 0);
        if (rootHandle.IsInvalid) return null;
        var relative = full == top ? "." : full[(top.Length + 1)..];
        var handle = Open((int)rootHandle.DangerousGetHandle(), relative, OPath | OCloexec, 0, ResolveBeneath | ResolveNoSymlinks);
        if (!handle.IsInvalid) return handle;
        var error = Marshal.GetLastPInvokeError();
        handle.Dispose();
        if (error is Eloop or Exdev) throw new LinkedFileException(full, "(a link below the folder it was named from)");
        return null;
    }

    /// <summary>A new file <paramref name="name"/> in <paramref name="folder"/>, opened for writing; never through a link.</summary>
    public static FileStream Create(SafeFileHandle folder, string name)
    {
        var handle = Open((int)folder.DangerousGetHandle(), name, OWronly | OCreat | OExcl | OCloexec, 0b110_100_100,
            ResolveBeneath | ResolveNoSymlinks);
        if (handle.IsInvalid)
        {
            var error = Marshal.GetLastPInvokeError();
            handle.Dispose();
            throw new IOException($"cannot create {name}: errno {error}");
        }
        return new FileStream(handle, FileAccess.Write);
    }

    /// <summary>Renames <paramref name="from"/> to <paramref name="to"/> inside the open <paramref name="folder"/>.</summary>
    public static void Rename(SafeFileHandle folder, string from, string to)
    {
        var fd = (int)folder.DangerousGetHandle();
        if (renameat(fd, from, fd, to) != 0) throw new IOException($"cannot rename {from} to {to}: errno {Marshal.GetLastPInvokeError()}");
    }

    /// <summary>Removes <paramref name="name"/> from the open <paramref name="folder"/>, if it is there.</summary>
    public static void Delete(SafeFileHandle folder, string name) => _ = unlinkat((int)folder.DangerousGetHandle(), name, 0);

    private static SafeFileHandle Open(int directory, string path, int flags, ulong mode, ulong resolve)
    {
        // struct open_how: flags, mode, resolve (three u64s).
        ulong[] how = [(ulong)flags, mode, resolve];
        var fd = syscall(SysOpenat2, directory, path, how, how.Length * sizeof(ulong));
        return new SafeFileHandle((IntPtr)fd, ownsHandle: fd >= 0);
    }

#pragma warning disable SYSLIB1054 // The runner's Landlock calls are declared the same way.
    [DllImport("libc", SetLastError = true)]
    private static extern long syscall(long number, long dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, ulong[] how, long size);

    [DllImport("libc", SetLastError = true)]
    private static extern int renameat(int olddirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string oldpath, int newdirfd,
        [MarshalAs(UnmanagedType.LPUTF8Str)] string newpath);

    [DllImport("libc", SetLastError = true)]
    private static extern int unlinkat(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);
#pragma warning restore SYSLIB1054
}
