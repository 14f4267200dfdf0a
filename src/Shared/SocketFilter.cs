// Shared by the tool and the runner (linked into both): a seccomp filter on socket(2), the layer that closes what
// Landlock's rules do not govern (connect() to a pathname UNIX socket, UDP, raw and other families).
using System.Runtime.InteropServices;

namespace SnippetCheck.Execution;

/// <summary>
/// Which sockets a confined runner may create, as systemd's <c>RestrictAddressFamilies=</c> decides it: a seccomp
/// filter on <c>socket(2)</c>, synchronised to every thread of the runner and inherited by every process it starts.
/// <list type="bullet">
/// <item>TCP over IPv4 and IPv6 (protocol 0 or IPPROTO_TCP): Landlock's TCP rules, or the network namespace, decide
/// where it may go.</item>
/// <item>UDP and every other IPv4/IPv6 socket (raw, ICMP, SCTP, MPTCP): only for a runner of the <c>network</c> kind.</item>
/// <item>AF_UNIX: only where config's <c>sandboxWrite</c> grants a socket (the filter cannot tell one path from
/// another, since seccomp sees the address only as a pointer).</item>
/// <item>AF_NETLINK: always (interface lists; the kernel is the only peer).</item>
/// <item>Every other family is denied, and so is <c>io_uring_setup</c>, whose IORING_OP_SOCKET would make a socket
/// without the system call.</item>
/// <item>The kernel's keyrings are out of reach: <c>add_key</c>, <c>request_key</c> and <c>keyctl</c> are denied, since the
/// runner keeps the tool's session keyring, where CI agents and credential helpers keep tokens, and neither Landlock nor
/// the namespaces cover keys.</item>
/// </list>
/// A denied call fails with EACCES, so a snippet gets its ordinary <c>SocketException</c> (access denied).
/// <c>socketpair(2)</c> stays allowed: its two ends are connected to each other and to nothing else.
/// </summary>
internal static class SocketFilter
{
    private const int AfUnix = 1, AfInet = 2, AfInet6 = 10, AfNetlink = 16;
    private const int SockStream = 1, SockTypeMask = 0xF, IpProtoTcp = 6;
    private const uint Eacces = 13;

    // BPF opcodes (linux/bpf_common.h) and seccomp return values (linux/seccomp.h).
    private const ushort LoadWord = 0x20, JumpEqual = 0x15, JumpGreaterOrEqual = 0x35, AndConstant = 0x54, Return = 0x06;
    private const uint Allow = 0x7FFF0000, DenyWithErrno = 0x00050000;
    // Offsets in struct seccomp_data: nr, arch, then the arguments as u64s (their low half first: x86-64 and arm64 are little-endian).
    private const uint NumberOffset = 0, ArchOffset = 4, FirstArgument = 16, SecondArgument = 24, ThirdArgument = 32;
    private const uint X32Bit = 0x40000000;

    private const int SeccompSetModeFilter = 1, SeccompFilterFlagTsync = 1, PrSetNoNewPrivs = 38;

    /// <summary>The system call numbers of an architecture the filter knows, and its audit value.</summary>
    internal sealed record SyscallTable(
        uint Audit, long Seccomp, uint Socket, uint IoUringSetup, uint AddKey, uint RequestKey, uint Keyctl, bool HasX32);

    private static readonly SyscallTable? Current = RuntimeInformation.ProcessArchitecture switch
    {
        Architecture.X64 =>
            new SyscallTable(0xC000003E, Seccomp: 317, Socket: 41, IoUringSetup: 425, AddKey: 248, RequestKey: 249, Keyctl: 250, HasX32: true),
        Architecture.Arm64 =>
            new SyscallTable(0xC00000B7, Seccomp: 277, Socket: 198, IoUringSetup: 425, AddKey: 217, RequestKey: 218, Keyctl: 219, HasX32: false),
        _ => null,
    };

    /// <summary>True where the filter can be installed (Linux on x86-64 or arm64); elsewhere no socket layer applies.</summary>
    public static bool Supported => OperatingSystem.IsLinux() && Current is not null;

    /// <summary>
    /// Installs the filter on every thread of this process, for good. Throws where the kernel refuses it (no
    /// seccomp, or a filter that forbids more filters).
    /// </summary>
    /// <param name="udp">UDP and the other IPv4/IPv6 sockets are allowed (a <c>network</c> runner).</param>
    /// <param name="unix">AF_UNIX sockets are allowed (<c>sandboxWrite</c> grants a socket).</param>
    public static void Install(bool udp, bool unix)
    {
        var architecture = Current ?? throw new InvalidOperationException($"no socket filter for {RuntimeInformation.ProcessArchitecture}");
        var program = Program(architecture, udp, unix);
        var filters = GCHandle.Alloc(program, GCHandleType.Pinned);
        try
        {
            // struct sock_fprog: a u16 count, padding, then the pointer to the instructions.
            var fprog = new long[] { program.Length, filters.AddrOfPinnedObject() };
            if (prctl(PrSetNoNewPrivs, 1, 0, 0, 0) != 0)
                throw new InvalidOperationException($"prctl(PR_SET_NO_NEW_PRIVS) failed (errno {Marshal.GetLastPInvokeError()})");
            if (syscall(architecture.Seccomp, SeccompSetModeFilter, SeccompFilterFlagTsync, fprog) != 0)
                throw new InvalidOperationException($"seccomp(SECCOMP_SET_MODE_FILTER) failed (errno {Marshal.GetLastPInvokeError()})");
        }
        finally
        {
            filters.Free();
        }
    }

    /// <summary>The filter's instructions, each a struct sock_filter packed in a u64: code, jt, jf, k.</summary>
    internal static ulong[] Program(SyscallTable table, bool udp, bool unix)
    {
        var deny = DenyWithErrno | Eacces;
        // What an IPv4 or IPv6 socket must be: anything for a network runner, plain TCP for the others. It ends where
        // the filter's last instruction, the denial, begins.
        ulong[] internet = udp
            ? [Ret(Allow)]
            :
            [
                Load(SecondArgument),
                Alu(AndConstant, SockTypeMask), // without SOCK_NONBLOCK and SOCK_CLOEXEC
                Jump(JumpEqual, SockStream, 0, 4),
                Load(ThirdArgument),
                Jump(JumpEqual, 0, 1, 0),
                Jump(JumpEqual, IpProtoTcp, 0, 1),
                Ret(Allow),
            ];
        var code = new List<ulong>
        {
            // A system call of another ABI (32-bit x86 on an x86-64 kernel) has other numbers: deny it whole.
            Load(ArchOffset),
            Jump(JumpEqual, table.Audit, 1, 0),
            Ret(deny),
            Load(NumberOffset),
        };
        if (table.HasX32) code.AddRange([Jump(JumpGreaterOrEqual, X32Bit, 0, 1), Ret(deny)]);
        code.AddRange(
        [
            // io_uring_setup and the keyring calls: each jumps to the denial after the last of them.
            Jump(JumpEqual, table.IoUringSetup, 3, 0),
            Jump(JumpEqual, table.AddKey, 2, 0),
            Jump(JumpEqual, table.RequestKey, 1, 0),
            Jump(JumpEqual, table.Keyctl, 0, 1),
            Ret(deny),
            Jump(JumpEqual, table.Socket, 1, 0),
            Ret(Allow),
            // socket(family, type, protocol)
            Load(FirstArgument),
            Jump(JumpEqual, AfNetlink, 0, 1),
            Ret(Allow),
            Jump(JumpEqual, AfUnix, 0, 1),
            Ret(unix ? Allow : deny),
            Jump(JumpEqual, AfInet, 1, 0),
            Jump(JumpEqual, AfInet6, 0, (byte)internet.Length),
            .. internet,
            Ret(deny),
        ]);
        return [.. code];
    }

    private static ulong Instruction(ushort code, byte jumpTrue, byte jumpFalse, uint k) =>
        code | (ulong)jumpTrue << 16 | (ulong)jumpFalse << 24 | (ulong)k << 32;

    private static ulong Load(uint offset) => Instruction(LoadWord, 0, 0, offset);

    private static ulong Jump(ushort condition, uint value, byte whenTrue, byte whenFalse) => Instruction(condition, whenTrue, whenFalse, value);

    private static ulong Alu(ushort operation, uint value) => Instruction(operation, 0, 0, value);

    private static ulong Ret(uint value) => Instruction(Return, 0, 0, value);

#pragma warning disable SYSLIB1054 // DllImport keeps the declarations plain; only integers and a pinned array cross.
    [DllImport("libc", SetLastError = true)]
    private static extern long syscall(long number, long operation, long flags, long[] program);

    [DllImport("libc", SetLastError = true)]
    private static extern int prctl(int option, ulong a, ulong b, ulong c, ulong d);
#pragma warning restore SYSLIB1054
}
