namespace SnippetCheck.Execution;

/// <summary>
/// One <c>dotnet</c> command a run started on a post's behalf (the restore or the build of a <c>#:project</c>, of a
/// <c>.csproj</c> argument, of a package set whose packages bring build targets), and what it was granted: the facts a
/// reader of <c>-v</c> or of the JSON report needs to see every build that ran, confined or not (SECURITY.md).
/// </summary>
/// <param name="Step"><c>restore</c>, <c>build</c>, or <c>sdk</c> (<c>dotnet --version</c> where a global.json picks the SDK).</param>
/// <param name="Subject">The project built or restored, as a full path.</param>
/// <param name="Confined">True when it ran inside the sandbox (Landlock, the environment allow-list, namespaces where they work).</param>
/// <param name="Network">True when it could open TCP connections (<see cref="Reach"/> says to which ports).</param>
/// <param name="Reach">What it could reach, in words: its network, its credentials, its HOME; or why it was not confined.</param>
internal sealed record BuildGrant(string Step, string Subject, bool Confined, bool Network, string Reach)
{
    /// <summary>One line: <c>build of /repo/Lib/Lib.csproj: confined, no network, no credentials, private HOME</c>.</summary>
    public string Describe() => $"{Step} of {Subject}: {(Confined ? "confined" : "NOT confined")}, {Reach}";

    /// <summary>
    /// As a line of the sandbox report's grants: <c>confined: no network, ... to build of /repo/Lib/Lib.csproj (a post's project)</c>.
    /// </summary>
    public SandboxGrant AsSandboxGrant() =>
        new($"{Step} of {Subject}", $"{(Confined ? "confined" : "NOT confined")}: {Reach}", "a post's project, package or library");
}
