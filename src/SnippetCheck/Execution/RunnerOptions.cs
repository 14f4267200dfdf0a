using SnippetCheck.Configuration;

namespace SnippetCheck.Execution;

/// <summary>How runner processes are started.</summary>
internal sealed record RunnerOptions
{
    /// <summary>Variables a snippet may see (README.md, "How it works"). A trailing <c>*</c> matches a prefix.</summary>
    public static readonly IReadOnlyList<string> DefaultAllowedEnvironment = ["PATH", "HOME", "TMPDIR", "LANG", "DOTNET_*"];

    /// <summary>The runner assembly; by default <c>snippetcheck-runner.dll</c> beside the tool.</summary>
    public string RunnerPath { get; init; } = DefaultRunnerPath;

    public IReadOnlyList<string> AllowedEnvironment { get; init; } = DefaultAllowedEnvironment;

    /// <summary>
    /// For a runner of another framework than the tool's (a matrix), the runtime it runs on (<c>self-contained 8.0.31</c>):
    /// part of the result cache's key, as the tool's own runtime is. Null for the tool's framework.
    /// </summary>
    public string? Runtime { get; init; }

    /// <summary>What runners confine themselves to; the verifier turns it on (config <c>sandbox</c>, default auto).</summary>
    public Sandbox Sandbox { get; init; } = Sandbox.Off;

    /// <summary>
    /// <c>--untrusted</c>: a runner runs snippets of one document only, so that no post's snippet can reach another's
    /// verdict through a runner's state; and no runner gets the network.
    /// </summary>
    public bool PerDocument { get; init; }

    /// <summary>What the config granted every runner beyond the sandbox (<c>sandboxRead</c>, <c>environment</c>...), for the report.</summary>
    public IReadOnlyList<SandboxGrant> Grants { get; init; } = [];

    /// <summary>The GC heap hard limit of each runner: a snippet that allocates more gets an OutOfMemoryException.</summary>
    public long MemoryLimitBytes { get; init; } = Settings.MemoryLimit.DefaultOn();

    public static string DefaultRunnerPath =>
        Environment.GetEnvironmentVariable("SNIPPETCHECK_RUNNER") is { Length: > 0 } path
            ? path
            : Path.Combine(AppContext.BaseDirectory, "snippetcheck-runner.dll");

    /// <summary>The environment a runner starts with: the allow-list, then what makes runs deterministic.</summary>
    public Dictionary<string, string> BuildEnvironment(System.Collections.IDictionary current)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry entry in current)
        {
            var name = (string)entry.Key;
            if (IsAllowed(name)) environment[name] = entry.Value as string ?? "";
        }
        // A diagnostic port a profiler of the tool set up would make every runner wait for a connection, forever.
        environment.Remove("DOTNET_DiagnosticPorts");
        environment["TZ"] = "UTC";
        environment["DOTNET_GCHeapHardLimit"] = MemoryLimitBytes.ToString("X", System.Globalization.CultureInfo.InvariantCulture);
        // Snippet code is Debug IL, which the JIT compiles without optimizing whatever the tier, and the runner's own code
        // is ReadyToRun: without tiering nothing is compiled twice (figures: bench/README.md, "Merged compilation and the
        // settings that came with it").
        environment["DOTNET_TieredCompilation"] = "0";
        environment["DOTNET_TieredPGO"] = "0";
        // A small gen0 budget: a runner loads and unloads an assembly per snippet, and with the default budget
        // (sized from the CPU cache) unloaded contexts pile up before a collection frees them (bench/README.md).
        environment["DOTNET_GCgen0size"] = "400000";
        // W^X maps every page of code twice and flips it on each write: for a runner, which JITs and unloads every
        // snippet's code, that was half its system time in munmap and TLB flushes (bench/README.md). It hardens a
        // process against running code it did not mean to; a runner runs arbitrary code by design, in its sandbox.
        environment["DOTNET_EnableWriteXorExecute"] = "0";
        // Idle pool workers sleep at once instead of spinning on sched_yield (as in the tool's runtimeconfig).
        environment["DOTNET_ThreadPool_UnfairSemaphoreSpinLimit"] = "0";
        environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        // Crash dumps would slow every FailFast down and litter the disk.
        environment["DOTNET_DbgEnableMiniDump"] = "0";
        // No diagnostics socket in the temp folder: a killed runner could not remove it, and nothing may attach anyway.
        environment["DOTNET_EnableDiagnostics"] = "0";
        return environment;
    }

    public bool IsAllowed(string name) => AllowedEnvironment.Any(pattern =>
        pattern.EndsWith('*')
            ? name.StartsWith(pattern[..^1], StringComparison.Ordinal)
            : string.Equals(name, pattern, StringComparison.Ordinal));
}
