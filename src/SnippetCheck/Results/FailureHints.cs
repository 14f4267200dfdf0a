using SnippetCheck.Compilation;
using SnippetCheck.Execution;
using SnippetCheck.Extraction.Snippets;

namespace SnippetCheck.Results;

/// <summary>
/// The hint a failed verdict carries: the well-known cause of a failure and how to fix it, said beside the compiler's
/// or the runtime's own words. One home for every failure's hint; <see cref="Judge"/> asks it, and each hint is
/// tried for real where it can be (a mismatch hint re-compares), so a hint never sends an author the wrong way.
/// </summary>
internal static class FailureHints
{
    /// <param name="internalMember">The error names a member that exists but is internal
    /// (<see cref="CompilerDiagnostic.NamesInternalMember"/>).</param>
    public static string? ForCompileError(string id, string message, bool internalMember, Snippet snippet) => id switch
    {
        "CS0106" or "CS9348" when !snippet.Tags.Members =>
            "a member outside a type: tag the block 'members' to compile it inside a class the tool adds",
        "CS0227" or "CS0214" or "CS4004" when !snippet.Tags.Unsafe => "unsafe code: add the 'unsafe' tag",
        "CS8635" or "CS1525" or "CS1002" or "CS1513" when id == "CS8635" || snippet.Block.Content.Contains("...", StringComparison.Ordinal) =>
            snippet.Kind.Rule().Holes
            ? "a '...' placeholder where C# has no statement, whole argument list or value: only those are left out; write it so, or tag the block " +
            "'ignore'"
            : "a '...' placeholder: tag the block 'check' to check what is around it (a statement, a whole argument list or a value left out), tag " +
            "it 'ignore', or put the missing code in a prelude",
        "CS8803" => "top-level statements must come before types and namespaces in a C# file: move the declarations below them",
        "CS0400" or "CS0246" when snippet.DocumentedNamespace is { } ns && message.Contains($"'{ns.Split('.')[0]}'", StringComparison.Ordinal) =>
            $"the namespace '{ns}' of the documented code is in no assembly this example compiles against: verify the library's project " +
            $"('snippetcheck verify path/to/Library.csproj') rather than one of its files, or name it with '--reference path/to/Library.csproj'",
        "CS0122" or "CS0117" or "CS1061" when (id == "CS0122" || internalMember)
                && (snippet.DocumentedNamespace is not null || snippet.Location.File.EndsWith(".cs", StringComparison.OrdinalIgnoreCase)) =>
            "an example in a doc comment uses the library as its users do: internal and private members are out of reach; show the public API, or " +
            "tag the example 'ignore'",
        _ => null,
    };

    /// <summary>A snippet that wrote to its runner's channel: its verdict is the tool's, never what the channel said.</summary>
    public const string ForChannelWrite =
        "hint: the snippet wrote to a file descriptor of the process that runs it (the tool's channel to the runner); a snippet's verdict comes "
        + "from what the tool sees, so it fails, and its runner is discarded";

    /// <summary>
    /// When the sandbox is what the snippet ran into (access denied to a file, or to the network), says so and how
    /// to allow it, so the author does not hunt for a bug in the snippet.
    /// </summary>
    public static string? ForSandbox(RunResult run)
    {
        if (run.Confinement is not { } sandbox || run.ExceptionType is not { } type) return null;
        var denied = (run.ExceptionMessage ?? "").Contains("denied", StringComparison.OrdinalIgnoreCase);
        if (type is "System.Net.Sockets.SocketException" or "System.Net.Http.HttpRequestException" && ForSockets(sandbox) is { } socketHint)
            return socketHint;
        if (sandbox.Filesystem
            && (type == "System.UnauthorizedAccessException" || (type.StartsWith("System.IO.", StringComparison.Ordinal) && denied)))
            return "the sandbox lets a snippet write only its working and temp folders, and read only the runtime, system libraries and its " +
                "packages; " +
                "grant a path with \"sandboxRead\" or \"sandboxWrite\" in snippetcheck.json (SECURITY.md)";
        return null;
    }

    /// <summary>What the sandbox blocks of the network and sockets, and how each is allowed.</summary>
    private static string? ForSockets(SandboxStatus sandbox)
    {
        List<string> blocked = [];
        if (sandbox.NetworkBlocked) blocked.Add("TCP connections");
        if (sandbox.UdpBlocked) blocked.Add("UDP");
        if (blocked.Count > 0 && sandbox.UnixSocketsBlocked) blocked.Add("UNIX sockets");
        if (blocked.Count == 0) return sandbox.UnixSocketsBlocked
            ? "the sandbox blocks UNIX sockets; grant a socket's path with \"sandboxWrite\" in snippetcheck.json (SECURITY.md)" : null;
        var allow = "tag the snippet 'network', or set \"network\": true in front matter or snippetcheck.json";
        if (sandbox.UnixSocketsBlocked) allow += " (for a UNIX socket, grant its path with \"sandboxWrite\")";
        return $"the sandbox blocks {string.Join(", ", blocked[..^1])}{(blocked.Count > 1 ? " and " : "")}{blocked[^1]}; {allow} (SECURITY.md)";
    }

    /// <summary>
    /// When a proxy-based mocking library (Castle DynamicProxy, under NSubstitute, Moq and FakeItEasy) could not implement a
    /// type because the program does not make it public, says how to make it so.
    /// </summary>
    public static string? ForProxyAccess(string? message) =>
        message is not null
        && (message.Contains("is not accessible", StringComparison.Ordinal) || message.Contains("inaccessible interface", StringComparison.Ordinal)
            || message.Contains("DynamicProxyGenAssembly2", StringComparison.Ordinal))
            ? "a mocking library's proxy can only implement a public type: declare the type 'public' (in a 'members' block a public type is public " +
            "in the program); " +
              "a type without 'public', or nested in a class of the post's own that is not public, stays out of its reach"
            : null;

    /// <summary>
    /// Where authors trip on a mismatch: a <c>...</c> line without <c>ellipsis</c>, lines that differ only in order,
    /// or values that a scrubber not in force would have matched. Each is tried for real, so a hint always works.
    /// </summary>
    public static string? ForMismatch(ExpectedOutput block, string output, Scrubbing scrubbing)
    {
        var hints = new List<string>();
        if (block.Mode != OutputMatchMode.Ellipsis && OutputComparer.Normalize(block.Text).Any(l => l.Trim() == OutputComparer.Ellipsis))
            hints.Add("add `ellipsis` to the output block to use `...` as a wildcard");
        if (block.Mode == OutputMatchMode.Exact && OutputComparer.Compare(block.Text, output, OutputMatchMode.Unordered, scrubbing).Matches)
            hints.Add("only the order of the lines differs: add `unordered` to the output block if the order does not matter");
        if (scrubbing.IsOff)
        {
            if (OutputComparer.Compare(block.Text, output, block.Mode, Scrubbing.Default).Matches)
                hints.Add("only GUIDs, dates or the snippet's folders differ, which scrubbing replaces, but scrubbing is off (`scrub=none`) here: " +
                    "remove it");
        }
        // One number that differs (1 against 2) is most likely a real regression: 'number' would hide it. Several
        // differing numbers look like timings or ids.
        else if (Scrubbers.OptIn.FirstOrDefault(
            s => !scrubbing.Has(s.Name) && OutputComparer.Compare(block.Text, output, block.Mode, scrubbing.With(s)).Matches &&
                     (s != Scrubbers.Number || Scrubbers.DifferingNumbers(block.Text, output) >= 2)) is { } scrubber)
        {
            hints.Add($"only {Describe(scrubber)} differ: add `scrub={scrubber.Name}` to the output block to compare them as placeholders");
        }
        return hints.Count == 0 ? null : string.Join("; ", hints);
    }

    private static string Describe(Scrubber scrubber) => scrubber.Name switch
    {
        "duration" => "durations",
        "hex" => "hex values (addresses, hash codes)",
        "hashcode" => "hash codes",
        _ => "numbers",
    };
}
