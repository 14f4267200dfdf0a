using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using SnippetCheck.Execution;

namespace SnippetCheck.Runner;

/// <summary>
/// A restore's one way out, to its sources alone: it runs in a network namespace of its own, where only loopback is, and NuGet's
/// proxy is 127.0.0.1:<see cref="SandboxPolicy.RestoreProxyPort"/>. The bridge listens there and carries each connection,
/// unread, to the tool's proxy on a pathname UNIX socket (a pathname crosses network namespaces), which decides which
/// package source it may reach. The confining runner starts it before it confines itself: the restore can neither make
/// the UNIX socket itself (the socket filter), nor ptrace or signal the bridge (Landlock's domain), nor replace the
/// socket (its folder is the tool's).
/// </summary>
internal static class RestoreBridge
{
    public const string Flag = "--restore-bridge";

    /// <summary>Starts the bridge to <paramref name="socket"/>, a process of this namespace, and returns once it listens.</summary>
    public static void Start(string socket)
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("the runner cannot name its own program");
        var start = Path.GetFileNameWithoutExtension(self) == "dotnet"
            ? new ProcessStartInfo(self, ["exec", typeof(RestoreBridge).Assembly.Location, Flag, socket])
            : new ProcessStartInfo(self, [Flag, socket]);
        start.RedirectStandardInput = true;
        start.RedirectStandardOutput = true;
        start.UseShellExecute = false;
        using var bridge = Process.Start(start)!;
        var ready = bridge.StandardOutput.ReadLine();
        if (ready != "ready") throw new InvalidOperationException($"the restore's proxy bridge did not start ({ready ?? "it ended"})");
    }

    /// <summary>The bridge itself (<c>--restore-bridge SOCKET</c>): serves until its namespace ends.</summary>
    public static int Serve(string socket)
    {
        try
        {
            BringLoopbackUp();
            using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            listener.Bind(new IPEndPoint(IPAddress.Loopback, SandboxPolicy.RestoreProxyPort));
            listener.Listen(64);
            Console.Out.WriteLine("ready");
            Console.Out.Flush();
            while (true)
            {
                var client = listener.Accept();
                _ = Task.Run(() => CarryAsync(client, socket));
            }
        }
        catch (Exception e) when (e is SocketException or InvalidOperationException)
        {
            Console.Out.WriteLine(e.Message);
            return 1;
        }
    }

    private static async Task CarryAsync(Socket client, string socket)
    {
        using (client)
        using (var tool = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified))
        {
            try
            {
                await tool.ConnectAsync(new UnixDomainSocketEndPoint(socket)).ConfigureAwait(false);
                await SocketRelay.RunAsync(client, tool).ConfigureAwait(false);
            }
            catch (SocketException)
            {
                // The tool's proxy is gone: the restore is over, or ending.
            }
        }
    }

    private const int SiocGetFlags = 0x8913, SiocSetFlags = 0x8914, FlagsOffset = 16, InterfaceUp = 0x1;

    /// <summary>A new network namespace's loopback is down: up it goes (the bridge is root of its user namespace, which owns this one).</summary>
    private static void BringLoopbackUp()
    {
        using var control = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        var request = new byte[40]; // struct ifreq: the name, then the flags as a short
        "lo"u8.CopyTo(request);
        var fd = (int)control.Handle;
        if (ioctl(fd, SiocGetFlags, request) != 0)
            throw new InvalidOperationException($"cannot read loopback's flags (errno {Marshal.GetLastPInvokeError()})");
        request[FlagsOffset] |= InterfaceUp;
        if (ioctl(fd, SiocSetFlags, request) != 0)
            throw new InvalidOperationException($"cannot bring loopback up (errno {Marshal.GetLastPInvokeError()})");
    }

#pragma warning disable SYSLIB1054 // a plain call with an integer and a pinned buffer
    [DllImport("libc", SetLastError = true)]
    private static extern int ioctl(int fd, ulong request, byte[] argument);
#pragma warning restore SYSLIB1054
}
