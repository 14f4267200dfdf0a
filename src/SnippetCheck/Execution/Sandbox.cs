using System.Diagnostics;
using System.Runtime.InteropServices;

namespace SnippetCheck.Execution;

/// <summary>
/// What the tool asks of runners (SECURITY.md, "The sandbox"): each confines itself to read the runtime, itself,
/// the system libraries and its snippets' packages, to write only its own work and temp folders, and, unless its
/// kind allows the network, to open no TCP connection. Where unprivileged namespaces work, each runner also starts
/// as a child of its own PID namespace's init, so whatever a snippet starts dies with it.
/// </summary>
/// <param name="Enabled">False for <c>"sandbox": "off"</c>, <c>--no-sandbox</c>, or a platform with nothing to confine with.</param>
/// <param name="OffReason">Why it is off, for <c>-v</c> and the report.</param>
/// <param name="Read">Paths granted by config <c>sandboxRead</c>, absolute.</param>
/// <param name="Write">Paths granted by config <c>sandboxWrite</c>, absolute.</param>
internal sealed record Sandbox(bool Enabled, string? OffReason, IReadOnlyList<string> Read, IReadOnlyList<string> Write)
{
    /// <summary>Never confined: what tests of the runner itself and <c>--no-sandbox</c> use.</summary>
    public static readonly Sandbox Off = new(false, "turned off (--no-sandbox or \"sandbox\": \"off\")", [], []);

    /// <summary>What system libraries and the runtime read: nothing in them is a secret of the user's.</summary>
    private static readonly string[] SystemRead =
    [
        "/usr", "/lib", "/lib64", "/lib32", "/bin", "/sbin", "/opt/dotnet",
        "/etc/ld.so.cache", "/etc/ld.so.conf", "/etc/ld.so.conf.d",
        // What TLS reads (OpenSSL's config, the CA certificates and bundles of Debian, Alpine, SUSE and Fedora), never a
        // folder that keeps private keys: /etc/ssl/private, /etc/pki/tls/private.
        "/etc/ssl/certs", "/etc/ssl/openssl.cnf", "/etc/ssl/cert.pem", "/etc/ssl/ca-bundle.pem", "/etc/ca-certificates",
        "/etc/pki/tls/certs", "/etc/pki/tls/cert.pem", "/etc/pki/tls/openssl.cnf", "/etc/pki/ca-trust", "/etc/crypto-policies",
        "/etc/localtime", "/etc/timezone", "/etc/os-release", "/etc/passwd", "/etc/group", "/etc/nsswitch.conf",
        "/etc/hosts", "/etc/host.conf", "/etc/resolv.conf", "/etc/gai.conf", "/etc/services", "/etc/protocols",
        "/etc/mime.types", "/etc/alternatives",
        "/proc/self", "/proc/meminfo", "/proc/stat", "/proc/cpuinfo", "/sys/fs/cgroup", "/sys/devices/system/cpu",
        "/dev/urandom", "/dev/random", "/dev/zero",
    ];

    private static readonly string[] SystemReadWrite = ["/dev/null"];

    /// <summary>The sandbox <c>auto</c> gives on this machine, with the config's grants.</summary>
    public static Sandbox Auto(IReadOnlyList<string> read, IReadOnlyList<string> write)
    {
        if (!OperatingSystem.IsLinux()) return new Sandbox(
            false, $"auto means off on {RuntimeInformation.OSDescription}: the sandbox needs Linux (Landlock)", [], []);
        if (Landlock.Abi == 0 && !NamespacesWork) return new Sandbox(
            false, "this kernel offers neither Landlock nor unprivileged user namespaces", [], []);
        return new Sandbox(true, null, read, write);
    }

    /// <summary>
    /// Why this sandbox cannot hold a pull request's snippets (<c>--untrusted</c>), or null when it can: it must be on,
    /// and Landlock must confine the filesystem (namespaces alone leave every file the tool can read readable).
    /// </summary>
    public string? CannotHoldUntrusted =>
        !Enabled ? OffReason
        : Landlock.Abi == 0 ? "this kernel offers no Landlock, so snippets could read every file the tool can"
        : null;

    /// <summary>The policy a runner of one kind confines itself to.</summary>
    /// <param name="workRoot">The runner's own folder: its snippets' working and temp folders are in it.</param>
    /// <param name="cgroups">The runner's control groups (<see cref="RunnerCgroups"/>), none where they cannot be made.</param>
    public SandboxPolicy PolicyFor(RunnerKind kind, string runnerPath, string workRoot, string[]? cgroups = null)
    {
        if (!Enabled) return SandboxPolicy.Off;
        string[] runtime = [DotnetInstallation.Root, RuntimeEnvironment.GetRuntimeDirectory(), Path.GetDirectoryName(Path.GetFullPath(runnerPath))!];
        return new SandboxPolicy(Confine: true, kind.Network,
            [.. SystemRead, .. runtime, .. kind.ReadPaths, .. Read],
            [.. SystemReadWrite, workRoot, .. Write],
            OwnNamespaces: NamespacesWork, cgroups ?? [], GrantsSocket);
    }

    /// <summary>
    /// The policy a restore or a build of a post's project confines itself to (<see cref="BuildSandbox"/>): the system,
    /// the SDK and the runner that applies it, plus <paramref name="read"/>; writes only to <paramref name="write"/> and the
    /// step's own private folder (its HOME and TMPDIR). A build gets no network; a restore, TCP to
    /// <paramref name="restorePorts"/> only: the port of its <paramref name="proxySocket"/>'s bridge in a network namespace
    /// of its own, or without one, its package sources' ports and UDP (DNS). No UNIX sockets either way, so MSBuild runs
    /// without worker nodes. Config's <c>sandboxRead</c>/<c>sandboxWrite</c> are a snippet's, not a build's.
    /// </summary>
    public SandboxPolicy PolicyForBuild(
        string runnerPath, string privateFolder, IEnumerable<string> read, IEnumerable<string> write, int[]? restorePorts,
        string? proxySocket = null)
    {
        if (!Enabled) return SandboxPolicy.Off;
        string[] runtime = [DotnetInstallation.Root, RuntimeEnvironment.GetRuntimeDirectory(), Path.GetDirectoryName(Path.GetFullPath(runnerPath))!];
        // A build starts processes of its own (the compiler), whose /proc/self a rule on the runner's /proc/self misses. The
        // rest of /proc shows no other process's environment or memory: Landlock denies ptrace access out of the domain,
        // and in a PID namespace of its own the build sees no process but its own.
        return new SandboxPolicy(Confine: true, Network: restorePorts is not null,
            [.. SystemRead, "/proc", "/sys/devices/system/node", .. runtime, .. read],
            // Opened by the runner without following a link; the machine's links above each are resolved here (WriteGrants).
            [.. SystemReadWrite, .. new[] { privateFolder, RuntimeSharedFolder }.Concat(write).Select(WriteGrants.Anchored)],
            OwnNamespaces: NamespacesWork, [], UnixSockets: false, restorePorts, proxySocket);
    }

    /// <summary>
    /// The folder .NET keeps its named mutexes in, whatever TMPDIR says (NuGet and MSBuild take some): a build writes it.
    /// Inside the build's namespaces it is a tmpfs of its own; without them, the machine's.
    /// </summary>
    public const string RuntimeSharedFolder = "/tmp/.dotnet";

    /// <summary>
    /// How a restore or build is started: as <see cref="Launch"/> starts a runner, with an IPC namespace of its own too,
    /// and an empty <see cref="RuntimeSharedFolder"/> mounted over the machine's, so no build touches another's mutexes.
    /// It dies with the tool: the init's watcher reads the standard input the tool holds open (<see cref="ConfinedCommand.WatchesStdin"/>)
    /// and, when it hangs up (the tool ended, even by SIGKILL, or stopped the command), kills every process in the namespace.
    /// </summary>
    public (string Program, string[] Arguments) LaunchBuild(string program, string[] arguments, bool network)
    {
        if (!Enabled || !NamespacesWork) return (program, arguments);
        // The runtime makes shm/ by renaming a folder from /tmp, which the build may not write: it is made here.
        const string init =
            "mkdir -p " + RuntimeSharedFolder + " 2>/dev/null; mount -t tmpfs snippetcheck " + RuntimeSharedFolder + " || exit 125; " +
            "mkdir -m 1777 " + RuntimeSharedFolder + "/shm " + RuntimeSharedFolder + "/lockfiles || exit 125; unset PWD OLDPWD; " +
            "exec 3<&0 </dev/null; (read -r _ <&3; kill -KILL -1) & \"$@\" 3<&-; s=$?; kill -KILL $! 2>/dev/null; exit $s";
        return (UnsharePath!, [.. NamespaceArguments(network), "--ipc", "--", "/bin/sh", "-c", init, "snippetcheck-init", program, .. arguments]);
    }

    /// <summary>
    /// True when <c>sandboxWrite</c> names a UNIX socket (the Docker socket, for a post about Docker's API): runners may
    /// then make AF_UNIX sockets. The socket filter sees an address only as a pointer, so that opens every socket
    /// path the runner can name, not just the granted one (SECURITY.md).
    /// </summary>
    public bool GrantsSocket => Write.Any(UnixSocketPath.Is);

    /// <summary>How a runner is started: inside <c>unshare</c>'s namespaces when they work, else as it is.</summary>
    public (string Program, string[] Arguments) Launch(string program, string[] arguments, RunnerKind kind)
    {
        if (!Enabled || !NamespacesWork) return (program, arguments);
        // A shell is the namespace's init and the runner its child: init ignores the signals its own namespace sends it
        // (a snippet's Process.Kill of itself, a FailFast's abort), which a runner must not. The shell passes the
        // runner's exit status on, 128 + the signal when one ended it, as a plain child's would be.
        return (UnsharePath!,
            [.. NamespaceArguments(kind.Network), "--", "/bin/sh", "-c", "unset PWD OLDPWD; \"$@\"; exit $?", "snippetcheck-init", program,
                .. arguments]);
    }

    /// <summary>
    /// A runner's namespaces: its own user, PID and mount namespaces, an IPC namespace of its own (the host's SysV shared
    /// memory, semaphores and message queues, and POSIX message queues, are out of sight) and, unless its kind allows
    /// the network, a network namespace with nothing in it. The probe (<see cref="NamespacesWork"/>) asks for the same.
    /// </summary>
    private static string[] NamespaceArguments(bool network) =>
        ["--user", "--map-current-user", "--pid", "--ipc", "--fork", "--kill-child", "--mount-proc", .. network ? Array.Empty<string>() : ["--net"]];

    /// <summary>What a runner of the default kind will report, for a run that starts none (everything cached).</summary>
    public SandboxReport Expected()
    {
        if (!Enabled) return SandboxReport.Disabled(OffReason!);
        var abi = Landlock.Abi;
        var namespaces = NamespacesWork;
        return new SandboxReport(true, abi, abi > 0, namespaces || abi >= Landlock.FirstWithNetwork,
            namespaces || abi >= Landlock.FirstWithScopes, namespaces, RunnerCgroups.LimitsTasks ? RunnerCgroups.TaskLimit : 0, null,
            UnixSockets: SocketFilter.Supported && !GrantsSocket, Udp: namespaces || SocketFilter.Supported);
    }

    /// <summary>util-linux's <c>unshare</c>, found once on the PATH (a runner's environment may have another PATH).</summary>
    private static readonly string? UnsharePath = (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin")
        .Split(':', StringSplitOptions.RemoveEmptyEntries)
        .Select(directory => Path.Combine(directory, "unshare"))
        .FirstOrDefault(File.Exists);

    /// <summary>Unprivileged user, PID, mount and network namespaces, tried once per process with the same command runners get.</summary>
    public static bool NamespacesWork => LazyNamespacesWork.Value;

    private static readonly Lazy<bool> LazyNamespacesWork = new(ProbeNamespaces);

    private static bool ProbeNamespaces()
    {
        if (!OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable("SNIPPETCHECK_NO_NAMESPACES") == "1") return false;
        try
        {
            if (UnsharePath is null) return false;
            var start = new ProcessStartInfo(UnsharePath, [.. NamespaceArguments(network: false), "--", "/bin/sh", "-c", "exit 0"])
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            using var probe = Process.Start(start)!;
            if (!probe.WaitForExit(TimeSpan.FromSeconds(10)))
            {
                probe.Kill(entireProcessTree: true);
                return false;
            }
            return probe.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false; // unshare could not be started
        }
    }
}
