using System.Runtime.InteropServices;
using SnippetCheck.Execution;

namespace SnippetCheck.Runner;

/// <summary>
/// The runner's second mode (<c>--confine POLICY -- PROGRAM ARGS</c>): it confines itself to the policy, as it does before
/// running snippets, and then becomes <c>PROGRAM</c> (a <c>dotnet restore</c> or <c>dotnet build</c> of a post's project)
/// through <c>execve</c>. Landlock and the seccomp filter outlive <c>execve</c>, so the build and everything it starts
/// stay inside; no native helper ships with the tool for it.
/// </summary>
internal static class ConfinedExec
{
    public const string Flag = "--confine";

    /// <summary>Confines this thread's process and replaces it with the program; returns only when either fails.</summary>
    public static int Run(string encodedPolicy, string program, IReadOnlyList<string> arguments)
    {
        using var reader = new BinaryReader(new MemoryStream(Convert.FromBase64String(encodedPolicy)));
        var policy = SandboxPolicy.ReadFrom(reader);
        try
        {
            // A restore's way to the tool's proxy is made before the restore is confined (RestoreBridge).
            if (policy.ProxySocket is { } socket) RestoreBridge.Start(socket);
            // Landlock binds the calling thread: execve comes from this same thread, so the program inherits it.
            var status = Confinement.Apply(policy, refuseLinkedWrites: true);
            if (policy.Confine && !status.Filesystem && Landlock.Abi > 0)
            {
                Console.Error.WriteLine($"snippetcheck-runner: the build could not be confined: {status.Off}");
                return 126;
            }
        }
        catch (InvalidOperationException e)
        {
            Console.Error.WriteLine($"snippetcheck-runner: the build could not be confined: {e.Message}");
            return 126;
        }
        var environment = Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .Select(e => $"{e.Key}={e.Value}").Append(null).ToArray();
        string?[] argv = [program, .. arguments, null];
        execve(program, argv, environment);
        Console.Error.WriteLine($"snippetcheck-runner: could not start '{program}' (errno {Marshal.GetLastPInvokeError()})");
        return 127;
    }

#pragma warning disable SYSLIB1054 // a plain call with two null-terminated string arrays (LPStr is UTF-8 on Unix)
    [DllImport("libc", SetLastError = true)]
    private static extern int execve([MarshalAs(UnmanagedType.LPUTF8Str)] string path,
        [MarshalAs(UnmanagedType.LPArray, ArraySubType = UnmanagedType.LPStr)] string?[] argv,
        [MarshalAs(UnmanagedType.LPArray, ArraySubType = UnmanagedType.LPStr)] string?[] envp);
#pragma warning restore SYSLIB1054
}
