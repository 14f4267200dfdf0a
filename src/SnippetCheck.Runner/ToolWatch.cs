using System.IO.Pipes;
using System.Runtime.InteropServices;
using SnippetCheck.Execution;

namespace SnippetCheck.Runner;

/// <summary>
/// Ends the runner's process group once the tool that started it is gone, even if the tool died without a word
/// (SIGKILL) while a snippet hangs. It waits for the pipe to hang up rather than polling the parent: in a PID
/// namespace of its own the runner's parent is the namespace's init, not the tool.
/// </summary>
internal static class ToolWatch
{
    private const short PollRdHup = 0x2000;

    public static void Start(NamedPipeClientStream pipe)
    {
        if (!OperatingSystem.IsLinux()) return;
        var fd = (int)pipe.SafePipeHandle.DangerousGetHandle();
        var watch = new Thread(() =>
        {
            // No POLLIN: requests arriving must not wake this thread, only the other end closing.
            var poll = new PollFd { Fd = fd, Events = PollRdHup };
            while (true)
            {
                var ready = PollOnce(ref poll);
                if (ready > 0) break;
                // Anything but an interrupted call means this thread cannot watch; the tool's own kill still applies.
                if (ready < 0 && Marshal.GetLastPInvokeError() != 4 /* EINTR */) return;
            }
            ProcessGroups.KillOwnGroup();
        })
        { IsBackground = true, Name = "snippetcheck tool watch" };
        watch.Start();
    }

    private static int PollOnce(ref PollFd poll) => PollNative(ref poll, 1, -1);

    [StructLayout(LayoutKind.Sequential)]
    private struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

#pragma warning disable SYSLIB1054
    [DllImport("libc", EntryPoint = "poll", SetLastError = true)]
    private static extern int PollNative(ref PollFd fds, ulong count, int timeout);
#pragma warning restore SYSLIB1054
}
