using System.Runtime.InteropServices;
using System.Text;
using SnippetCheck.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SnippetCheck.Tests.Hardening;

/// <summary>
/// The kernel's shared objects (issue 53, items 4 to 6): a key in the tool's session keyring, a SysV shared memory
/// segment and message queue of the tool's user (mode 0600), and a private key in <c>/etc/ssl/private</c> are each the
/// test's own canary; a snippet tries to read and overwrite them and must leave each as it was. TLS's own files stay
/// readable: a snippet still loads the system's root certificates.
/// </summary>
public sealed class KernelObjectTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempFolder _folder = new();

    private CliResult Verify(string post)
    {
        var home = Path.Combine(_folder.Path, "home");
        Directory.CreateDirectory(home);
        // A process of its own, started from this thread: it inherits the thread's session keyring.
        var result = CliRunner.Run(_folder.Path, new Dictionary<string, string?> { ["HOME"] = home }, ["verify", post, "--no-cache", "-v"]);
        output.WriteLine($"$ snippetcheck verify {post} → exit {result.ExitCode}\n{result.Output}");
        return result;
    }

    /// <summary>The snippet's way to libc, and the system call numbers of this machine.</summary>
    private const string Libc = """
        static class Libc
        {
            public static readonly bool Arm = System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture == System.Runtime.InteropServices.Architecture.Arm64;
            [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)] public static extern long syscall(long number, long operation, long key, byte[] buffer, long length);
            [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)] public static extern nint shmat(int id, nint address, int flags);
            [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)] public static extern long msgrcv(int id, byte[] message, nint size, long type, int flags);
        }
        """;

    [SandboxFact(SandboxFeature.Sockets)]
    public void A_snippet_can_neither_read_nor_overwrite_a_key_in_the_tools_session_keyring()
    {
        Keyring.JoinNewSession();
        var serial = Keyring.Add($"snippetcheck-test-{Guid.NewGuid():N}", "TOKEN-CANARY");
        _folder.Write("post.md", $$"""
            ```csharp
            var keyctl = Libc.Arm ? 219 : 250;
            var buffer = new byte[64];
            var read = Libc.syscall(keyctl, 11, {{serial}}, buffer, buffer.Length); // KEYCTL_READ
            Console.WriteLine(read > 0 ? "LEAK " + System.Text.Encoding.ASCII.GetString(buffer, 0, (int)read) : "read denied");
            var forged = System.Text.Encoding.ASCII.GetBytes("FORGED");
            Console.WriteLine(Libc.syscall(keyctl, 2, {{serial}}, forged, forged.Length) == 0 ? "OVERWROTE" : "update denied"); // KEYCTL_UPDATE
            {{Libc}}
            ```

            ```output
            read denied
            update denied
            ```
            """);

        var result = Verify("post.md");

        Assert.Equal("TOKEN-CANARY", Keyring.Read(serial));
        Assert.DoesNotContain("LEAK", result.Output);
        Assert.True(result.ExitCode == 0, result.Output);
    }

    [SandboxFact(SandboxFeature.PidNamespace)]
    public void A_snippet_can_neither_attach_the_tools_shared_memory_nor_take_its_queued_message()
    {
        using var memory = SysV.SharedMemory("SHM-CANARY");
        using var queue = SysV.Queue("MSG-CANARY");
        _folder.Write("post.md", $$"""
            ```csharp
            var at = Libc.shmat({{memory.Id}}, 0, 0);
            if (at == -1) Console.WriteLine("shm denied");
            else
            {
                var seen = new byte[10];
                System.Runtime.InteropServices.Marshal.Copy(at, seen, 0, seen.Length);
                System.Runtime.InteropServices.Marshal.Copy(System.Text.Encoding.ASCII.GetBytes("FORGED"), 0, at, 6);
                Console.WriteLine("LEAK " + System.Text.Encoding.ASCII.GetString(seen));
            }
            var message = new byte[8 + 64];
            var taken = Libc.msgrcv({{queue.Id}}, message, 64, 0, 0x800); // IPC_NOWAIT
            Console.WriteLine(taken >= 0 ? "LEAK " + System.Text.Encoding.ASCII.GetString(message, 8, (int)taken) : "queue denied");
            {{Libc}}
            ```

            ```output
            shm denied
            queue denied
            ```
            """);

        var result = Verify("post.md");

        Assert.Equal("SHM-CANARY", memory.Read(10));
        Assert.Equal("MSG-CANARY", queue.Take());
        Assert.DoesNotContain("LEAK", result.Output);
        Assert.True(result.ExitCode == 0, result.Output);
    }

    [SandboxFact(SandboxFeature.AsRoot)]
    public void A_snippet_cannot_read_a_private_key_in_etc_ssl_private_yet_still_loads_the_root_certificates()
    {
        var canary = Path.Combine("/etc/ssl/private", $"snippetcheck-test-{Guid.NewGuid():N}.key");
        File.WriteAllText(canary, "PRIVATE-KEY-CANARY");
        try
        {
            if (OperatingSystem.IsLinux()) File.SetUnixFileMode(canary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            _folder.Write("post.md", $$"""
                ```csharp
                try { Console.WriteLine("LEAK " + File.ReadAllText("{{canary}}")); }
                catch (UnauthorizedAccessException) { Console.WriteLine("key denied"); }
                ```

                ```output
                key denied
                ```

                {{Roots("network", "a network snippet trusts the root certificates")}}

                {{Roots("run", "a snippet trusts the root certificates")}}
                """);

            var result = Verify("post.md");

            Assert.DoesNotContain("LEAK", result.Output);
            Assert.True(result.ExitCode == 0, result.Output);
        }
        finally
        {
            File.Delete(canary);
        }
    }

    /// <summary>A snippet that loads the system's root certificates and builds a chain to one, as a TLS client would.</summary>
    private static string Roots(string tags, string says) => $$"""
        ```csharp {{tags}}
        using System.Security.Cryptography.X509Certificates;
        using var roots = new X509Store(StoreName.Root, StoreLocation.LocalMachine);
        roots.Open(OpenFlags.ReadOnly);
        using var chain = new X509Chain { ChainPolicy = { RevocationMode = X509RevocationMode.NoCheck } };
        var valid = roots.Certificates.Find(X509FindType.FindByTimeValid, DateTime.Now, validOnly: false);
        Console.WriteLine(valid.Count > 0 && chain.Build(valid[0]) ? "{{says}}" : $"{roots.Certificates.Count} root certificates, none trusted");
        ```

        ```output
        {{says}}
        ```
        """;

    public void Dispose() => _folder.Dispose();

#pragma warning disable SYSLIB1054 // DllImport keeps the declarations plain; only integers and arrays cross.
    /// <summary>The test's own keys, through the system calls (no keyutils needed).</summary>
    private static class Keyring
    {
        private const long SessionKeyring = -3;
        private const long JoinSession = 1, ReadKey = 11;
        private static long AddKey => RuntimeInformation.ProcessArchitecture == Architecture.Arm64 ? 217 : 248;
        private static long Keyctl => RuntimeInformation.ProcessArchitecture == Architecture.Arm64 ? 219 : 250;

        /// <summary>Gives this thread (and the processes it starts) a new session keyring of its own, as a CI agent's job has.</summary>
        public static void JoinNewSession()
        {
            if (syscall(Keyctl, JoinSession, 0, 0, 0, 0) < 0) throw new InvalidOperationException($"keyctl(JOIN_SESSION_KEYRING): errno {Marshal.GetLastPInvokeError()}");
        }

        public static long Add(string description, string secret)
        {
            var payload = Encoding.ASCII.GetBytes(secret);
            var serial = add_key(AddKey, [.. "user"u8, 0], [.. Encoding.ASCII.GetBytes(description), 0], payload, payload.Length, SessionKeyring);
            return serial > 0 ? serial : throw new InvalidOperationException($"add_key: errno {Marshal.GetLastPInvokeError()}");
        }

        public static string Read(long serial)
        {
            var buffer = new byte[64];
            var length = read(Keyctl, ReadKey, serial, buffer, buffer.Length);
            return length >= 0 ? Encoding.ASCII.GetString(buffer, 0, (int)length) : $"unreadable (errno {Marshal.GetLastPInvokeError()})";
        }

        [DllImport("libc", SetLastError = true)]
        private static extern long syscall(long number, long a, long b, long c, long d, long e);

        [DllImport("libc", SetLastError = true, EntryPoint = "syscall")]
        private static extern long add_key(long number, byte[] type, byte[] description, byte[] payload, long length, long keyring);

        [DllImport("libc", SetLastError = true, EntryPoint = "syscall")]
        private static extern long read(long number, long operation, long serial, byte[] buffer, long length);
    }

    /// <summary>The test's own SysV objects, private (IPC_PRIVATE) and mode 0600, removed on dispose.</summary>
    private static class SysV
    {
        private const int Create = 0x200 | 0x180; // IPC_CREAT | 0600
        private const int Remove = 0, NoWait = 0x800;

        public static Segment SharedMemory(string text)
        {
            var id = shmget(0, 4096, Create);
            if (id < 0) throw new InvalidOperationException($"shmget: errno {Marshal.GetLastPInvokeError()}");
            var at = shmat(id, 0, 0);
            Marshal.Copy(Encoding.ASCII.GetBytes(text), 0, at, text.Length);
            shmdt(at);
            return new Segment(id);
        }

        public static MessageQueue Queue(string text)
        {
            var id = msgget(0, Create);
            if (id < 0) throw new InvalidOperationException($"msgget: errno {Marshal.GetLastPInvokeError()}");
            byte[] message = [1, 0, 0, 0, 0, 0, 0, 0, .. Encoding.ASCII.GetBytes(text)]; // mtype 1, then the text
            if (msgsnd(id, message, text.Length, 0) != 0) throw new InvalidOperationException($"msgsnd: errno {Marshal.GetLastPInvokeError()}");
            return new MessageQueue(id);
        }

        public sealed record Segment(int Id) : IDisposable
        {
            public string Read(int length)
            {
                var at = shmat(Id, 0, 0);
                var bytes = new byte[length];
                Marshal.Copy(at, bytes, 0, length);
                shmdt(at);
                return Encoding.ASCII.GetString(bytes);
            }

            public void Dispose() => shmctl(Id, Remove, 0);
        }

        public sealed record MessageQueue(int Id) : IDisposable
        {
            public string Take()
            {
                var message = new byte[8 + 64];
                var length = msgrcv(Id, message, 64, 0, NoWait);
                return length >= 0 ? Encoding.ASCII.GetString(message, 8, (int)length) : "(the queue is empty)";
            }

            public void Dispose() => msgctl(Id, Remove, 0);
        }

        [DllImport("libc", SetLastError = true)] private static extern int shmget(int key, nint size, int flags);
        [DllImport("libc", SetLastError = true)] private static extern nint shmat(int id, nint address, int flags);
        [DllImport("libc", SetLastError = true)] private static extern int shmdt(nint address);
        [DllImport("libc", SetLastError = true)] private static extern int shmctl(int id, int command, nint buffer);
        [DllImport("libc", SetLastError = true)] private static extern int msgget(int key, int flags);
        [DllImport("libc", SetLastError = true)] private static extern int msgsnd(int id, byte[] message, nint size, int flags);
        [DllImport("libc", SetLastError = true)] private static extern long msgrcv(int id, byte[] message, nint size, long type, int flags);
        [DllImport("libc", SetLastError = true)] private static extern int msgctl(int id, int command, nint buffer);
    }
#pragma warning restore SYSLIB1054
}
