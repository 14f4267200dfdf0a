using System.Runtime.InteropServices;

namespace SnippetCheck.Execution;

/// <summary>
/// Whether a path is a UNIX socket. .NET's file APIs call a socket a plain file, so this asks the kernel through
/// statx(2), whose buffer has the same layout on every architecture.
/// </summary>
internal static class UnixSocketPath
{
    private const int AtFdCwd = -100, StatxType = 1;
    private const ushort TypeMask = 0xF000, Socket = 0xC000;
    private const int ModeOffset = 28; // struct statx: stx_mask, stx_blksize, stx_attributes, stx_nlink, stx_uid, stx_gid, then stx_mode

    public static bool Is(string path)
    {
        if (!OperatingSystem.IsLinux()) return false;
        var buffer = new byte[256];
        try
        {
            if (statx(AtFdCwd, path, 0, StatxType, buffer) != 0) return false;
        }
        catch (EntryPointNotFoundException)
        {
            return false; // a C library older than glibc 2.28
        }
        return (BitConverter.ToUInt16(buffer, ModeOffset) & TypeMask) == Socket;
    }

#pragma warning disable SYSLIB1054 // a plain declaration: a string in, a pinned buffer out
    [DllImport("libc", SetLastError = true)]
    private static extern int statx(int directory, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte[] buffer);
#pragma warning restore SYSLIB1054
}
