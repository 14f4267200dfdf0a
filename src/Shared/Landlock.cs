// Shared by the tool and the runner (linked into both): Linux Landlock through raw system calls, so no native helper
// ships with the tool. The tool asks which ABI the kernel offers; the runner builds a ruleset and confines itself.
using System.Runtime.InteropServices;

namespace SnippetCheck.Execution;

/// <summary>
/// The Landlock system calls (Documentation/userspace-api/landlock.rst). Rights are masked to what the kernel's ABI
/// knows, so the same policy degrades rule by rule on older kernels instead of failing.
/// </summary>
internal static class Landlock
{
    // The generic syscall table numbers, the same on x86-64 and arm64.
    private const long SysCreateRuleset = 444, SysAddRule = 445, SysRestrictSelf = 446, SysOpenat2 = 437;
    private const uint CreateRulesetVersion = 1;
    // A network-port rule (type 2) opens one TCP port (a restore's package sources); a runner needs none.
    private const int RulePathBeneath = 1, RuleNetPort = 2;
    private const int PrSetNoNewPrivs = 38;
    private const int OPath = 0x200000, OCloexec = 0x80000, AtFdcwd = -100, Eloop = 40;
    private const ulong ResolveNoSymlinks = 0x04;

    // Filesystem rights (ABI 1 unless noted).
    public const ulong Execute = 1UL << 0, WriteFile = 1UL << 1, ReadFile = 1UL << 2, ReadDir = 1UL << 3,
        RemoveDir = 1UL << 4, RemoveFile = 1UL << 5, MakeChar = 1UL << 6, MakeDir = 1UL << 7, MakeReg = 1UL << 8,
        MakeSock = 1UL << 9, MakeFifo = 1UL << 10, MakeBlock = 1UL << 11, MakeSym = 1UL << 12,
        Refer = 1UL << 13 /* ABI 2 */, Truncate = 1UL << 14 /* ABI 3 */, IoctlDev = 1UL << 15 /* ABI 5 */;

    /// <summary>The rights that may be granted on a file (the others only make sense on a directory).</summary>
    public const ulong FileRights = Execute | WriteFile | ReadFile | Truncate | IoctlDev;

    public const ulong ReadAndExecute = Execute | ReadFile | ReadDir;

    // Network rights (ABI 4) and scopes (ABI 6).
    public const ulong BindTcp = 1UL << 0, ConnectTcp = 1UL << 1;
    public const ulong ScopeAbstractUnixSocket = 1UL << 0, ScopeSignal = 1UL << 1;

    public const int FirstWithNetwork = 4, FirstWithScopes = 6;

    private static int? _abi;

    /// <summary>The Landlock ABI version the kernel offers; 0 where there is none (another OS, an old or a locked-down kernel).</summary>
    public static int Abi => _abi ??= QueryAbi();

    private static int QueryAbi()
    {
        if (!OperatingSystem.IsLinux()) return 0;
        try
        {
            var version = syscall(SysCreateRuleset, null, 0, CreateRulesetVersion);
            return version > 0 ? (int)version : 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return 0;
        }
    }

    /// <summary>Every filesystem right the given ABI knows: these are handled, so whatever no rule grants is denied.</summary>
    public static ulong FilesystemRights(int abi)
    {
        const ulong abi1 = (MakeSym << 1) - 1; // Execute through MakeSym
        return abi1 | (abi >= 2 ? Refer : 0) | (abi >= 3 ? Truncate : 0) | (abi >= 5 ? IoctlDev : 0);
    }

    /// <summary>A ruleset being built; <see cref="RestrictSelf"/> applies it to the calling thread's process.</summary>
    public sealed class Ruleset : IDisposable
    {
        private readonly int _fd;
        private readonly ulong _handledFs;

        /// <param name="handledNet">TCP rights to deny (0 to leave the network alone).</param>
        /// <param name="scoped">Scopes to apply (signals, abstract UNIX sockets).</param>
        public Ruleset(int abi, ulong handledNet, ulong scoped)
        {
            _handledFs = FilesystemRights(abi);
            // The attribute grew with the ABI: 8 bytes up to ABI 3, 16 with networking, 24 with scopes.
            var size = abi >= FirstWithScopes ? 24 : abi >= FirstWithNetwork ? 16 : 8;
            ulong[] attribute = [_handledFs, abi >= FirstWithNetwork ? handledNet : 0, abi >= FirstWithScopes ? scoped : 0];
            var fd = syscall(SysCreateRuleset, attribute, size, 0);
            _fd = fd >= 0 ? (int)fd : throw new InvalidOperationException($"landlock_create_ruleset failed (errno {Marshal.GetLastPInvokeError()})");
        }

        /// <summary>Grants <paramref name="rights"/> beneath <paramref name="path"/>; false when the path does not exist.</summary>
        /// <param name="followLinks">
        /// False for a path a pull request may have linked (a build's <c>obj/</c>): the rule is added to what the path
        /// opens as, so a link in it would grant where it points; opened with RESOLVE_NO_SYMLINKS (openat2, Linux 5.6, older
        /// than any Landlock), a link anywhere in it is refused here, at open time, with <see cref="LinkedGrantException"/>.
        /// </param>
        public bool Allow(string path, ulong rights, bool followLinks = true)
        {
            var fd = followLinks ? open(path, OPath | OCloexec) : OpenNoLinks(path);
            if (fd < 0) return false;
            try
            {
                var isDirectory = Directory.Exists(path);
                var allowed = rights & _handledFs & (isDirectory ? ulong.MaxValue : FileRights);
                if (allowed == 0) return true;
                // struct landlock_path_beneath_attr is packed: a u64 then an s32.
                var attribute = new byte[12];
                BitConverter.TryWriteBytes(attribute, allowed);
                BitConverter.TryWriteBytes(attribute.AsSpan(8), fd);
                if (syscall(SysAddRule, _fd, RulePathBeneath, attribute, 0) < 0)
                    throw new InvalidOperationException($"landlock_add_rule failed for '{path}' (errno {Marshal.GetLastPInvokeError()})");
                return true;
            }
            finally
            {
                close(fd);
            }
        }

        private static int OpenNoLinks(string path)
        {
            // struct open_how: flags, mode, resolve (three u64s).
            ulong[] how = [(ulong)(OPath | OCloexec), 0, ResolveNoSymlinks];
            var fd = syscall(SysOpenat2, AtFdcwd, path, how, how.Length * sizeof(ulong));
            if (fd < 0 && Marshal.GetLastPInvokeError() == Eloop) throw new LinkedGrantException(path);
            return (int)fd;
        }

        /// <summary>Grants TCP <paramref name="rights"/> (<see cref="ConnectTcp"/>, <see cref="BindTcp"/>) on one port; needs ABI 4.</summary>
        public void AllowPort(int port, ulong rights)
        {
            // struct landlock_net_port_attr is packed: two u64s, the rights then the port.
            var attribute = new byte[16];
            BitConverter.TryWriteBytes(attribute, rights);
            BitConverter.TryWriteBytes(attribute.AsSpan(8), (ulong)port);
            if (syscall(SysAddRule, _fd, RuleNetPort, attribute, 0) < 0)
                throw new InvalidOperationException($"landlock_add_rule failed for TCP port {port} (errno {Marshal.GetLastPInvokeError()})");
        }

        /// <summary>Confines the calling process (every thread, and every process it starts) for good.</summary>
        public void RestrictSelf()
        {
            if (prctl(PrSetNoNewPrivs, 1, 0, 0, 0) != 0)
                throw new InvalidOperationException($"prctl(PR_SET_NO_NEW_PRIVS) failed (errno {Marshal.GetLastPInvokeError()})");
            if (syscall(SysRestrictSelf, _fd, 0, 0) != 0)
                throw new InvalidOperationException($"landlock_restrict_self failed (errno {Marshal.GetLastPInvokeError()})");
        }

        public void Dispose() => close(_fd);
    }

#pragma warning disable SYSLIB1054 // DllImport keeps the declarations plain; none of these marshal anything but integers.
    // Blittable arrays are passed pinned, as pointers to their first element.
    [DllImport("libc", SetLastError = true)]
    private static extern long syscall(long number, ulong[]? attribute, long size, long flags);

    [DllImport("libc", SetLastError = true)]
    private static extern long syscall(long number, long fd, long flags, long unused);

    [DllImport("libc", SetLastError = true)]
    private static extern long syscall(long number, long fd, long type, byte[] attribute, long flags);

    [DllImport("libc", SetLastError = true)]
    private static extern long syscall(long number, long dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, ulong[] how, long size);

    [DllImport("libc", SetLastError = true)]
    private static extern int prctl(int option, ulong a, ulong b, ulong c, ulong d);

    [DllImport("libc", SetLastError = true, CharSet = CharSet.Ansi)]
    private static extern int open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc")]
    private static extern int close(int fd);
#pragma warning restore SYSLIB1054
}

/// <summary>A write grant that is, or passes through, a symbolic link: granting it would grant the link's target.</summary>
internal sealed class LinkedGrantException(string path) : InvalidOperationException(
    $"'{path}' is or passes through a symbolic link, and a build writes there: it would write where the link points. Remove the link " +
    "(a pull request's obj -> ../.git would plant a git hook)")
{
    public string Path { get; } = path;
}
