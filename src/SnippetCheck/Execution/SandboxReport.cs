namespace SnippetCheck.Execution;

/// <summary>
/// The confinement runners were under (SECURITY.md): reported by <c>-v</c> and as the JSON report's <c>"sandbox"</c>.
/// </summary>
/// <param name="Enabled">False when runners ran snippets unconfined: turned off, or they could not confine themselves (<paramref name="Note"/> says
/// which).</param>
/// <param name="LandlockAbi">The Landlock ABI in force; 0 when Landlock was not used.</param>
/// <param name="Filesystem">Snippets read only the runtime, system libraries and their packages, and write only their own folders.</param>
/// <param name="Network">TCP connect and bind are denied (snippets tagged <c>network</c> excepted).</param>
/// <param name="Signals">Snippets cannot signal processes outside their runner (Landlock ABI 6, or a PID namespace).</param>
/// <param name="PidNamespace">Each runner has a PID namespace of its own: whatever a snippet starts dies with it.</param>
/// <param name="ProcessLimit">The RLIMIT_NPROC of each runner; 0 when none applies.</param>
/// <param name="Note">Why the sandbox is off, or what it lacks.</param>
/// <param name="UnixSockets">Snippets can make no UNIX socket, so they reach no socket outside (the Docker socket, an ssh-agent, D-Bus): the socket
/// filter, unless <c>sandboxWrite</c> grants a socket.</param>
/// <param name="Udp">UDP (and raw IP) cannot leave the runner: the socket filter, or a network namespace of its own (snippets tagged <c>network</c>
/// excepted).</param>
internal sealed record SandboxReport(
    bool Enabled, int LandlockAbi, bool Filesystem, bool Network, bool Signals, bool PidNamespace, int ProcessLimit, string? Note,
    bool UnixSockets = false, bool Udp = false)
{
    /// <summary>
    /// Every widening of the default runner's confinement this run made, and to whom: runners of <c>network</c> blocks,
    /// the config's <c>sandboxRead</c>, <c>sandboxWrite</c> and <c>environment</c>, a sandbox turned off. The fields
    /// above describe the default runner; these say where the run went beyond it. A process the tool starts on a
    /// post's behalf (a build) adds its own entry.
    /// </summary>
    internal IReadOnlyList<SandboxGrant> Grants { get; init; } = [];

    /// <summary>The report of a run whose runners were not confined, and why.</summary>
    public static SandboxReport Disabled(string reason) => new(false, 0, false, false, false, false, 0, reason);

    /// <summary>One line: what was confined, or why nothing was, then every grant beyond it.</summary>
    public string Describe() =>
        Grants.Count == 0 ? DescribeDefault() : $"{DescribeDefault()}; granted: {string.Join("; ", Grants.Select(g => g.Describe()))}";

    private string DescribeDefault()
    {
        if (!Enabled) return $"sandbox: off: {Note}";
        var parts = new List<string>
        {
            LandlockAbi > 0 ? $"Landlock ABI {LandlockAbi}" : "no Landlock",
            Filesystem ? "filesystem confined" : "filesystem NOT confined",
            Network ? "no network" : "network NOT blocked",
            UnixSockets ? "no UNIX sockets" : "UNIX sockets NOT blocked",
            Udp ? "no UDP" : "UDP NOT blocked",
            Signals ? "signals scoped" : "signals NOT scoped",
            PidNamespace ? "PID namespace" : "process group only (no PID namespace)",
        };
        if (ProcessLimit > 0) parts.Add($"at most {ProcessLimit} processes");
        if (Note is not null) parts.Add(Note);
        return "sandbox: " + string.Join(", ", parts);
    }
}

/// <summary>One widening of the sandbox in a run (<see cref="SandboxReport.Grants"/>).</summary>
/// <param name="To">Who got it: <c>every runner</c>, <c>runners of network blocks</c>, <c>build of X.csproj</c>.</param>
/// <param name="What">What: <c>network</c>, <c>read PATH</c>, <c>read and write PATH</c>, <c>environment NAME</c>, <c>unconfined</c>,
/// <c>confined</c>.</param>
/// <param name="From">What asked for it: a setting's file and line (<c>snippetcheck.json:3</c>), the blocks (<c>post.md:12</c>), an option.</param>
internal sealed record SandboxGrant(string To, string What, string From)
{
    /// <summary><c>network to runners of network blocks (post.md:12)</c>.</summary>
    public string Describe() => $"{What} to {To} ({From})";
}
