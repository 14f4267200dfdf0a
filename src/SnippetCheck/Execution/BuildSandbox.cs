using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace SnippetCheck.Execution;

/// <summary>
/// Starts every <c>dotnet</c> command that runs a post's code (SECURITY.md, "What a build may reach") as a snippet's
/// runner is started: through the runner's <c>--confine</c> mode, which applies <see cref="Sandbox.PolicyForBuild"/> to
/// itself and then becomes the command, inside <c>unshare</c>'s namespaces. A restore is NuGet's own code: it reads the
/// NuGet config (feed credentials) and reaches the package sources alone (<see cref="RestoreNetwork"/>); a build is the post's code: no
/// network, a HOME of its own, and an environment allow-list, but for the author's own project in a trusted run, which sees the
/// author's environment as <c>dotnet build</c> in their shell would (MSBuild reads variables as properties, so the author's build depends on them).
/// Each command it prepares is kept in <see cref="Grants"/> for the run's report.
/// </summary>
internal sealed partial class BuildSandbox(Sandbox sandbox)
{
    /// <summary>Confined as far as this machine allows (the default: <c>sandbox</c> auto).</summary>
    public static BuildSandbox Auto(string? packagesFolder = null) => new(Sandbox.Auto([], [])) { PackagesFolder = packagesFolder };

    /// <summary>NuGet's packages folder the run's steps use (<c>VerifyOptions.NuGetPackagesDirectory</c>); null for NuGet's default.</summary>
    public string? PackagesFolder { get; init; }

    private readonly ConcurrentQueue<BuildGrant> _grants = new();

    /// <summary>Every restore and build prepared so far, in order.</summary>
    public IReadOnlyList<BuildGrant> Grants => [.. _grants];

    /// <summary>Variables every step may see: what the SDK needs to find itself and speak plainly.</summary>
    private static readonly string[] BuildEnvironment = ["PATH", "LANG", "LC_ALL", "DOTNET_*", "NUGET_PACKAGES", "NUGET_FALLBACK_PACKAGES"];

    /// <summary>Never passed on: a profiler's port would make the SDK wait for a connection; the CLI's home is set here.</summary>
    private static readonly string[] NeverPassed = ["DOTNET_DiagnosticPorts", "DOTNET_CLI_HOME", "DOTNET_STARTUP_HOOKS"];

    /// <summary>
    /// The command that runs <c>dotnet ARGUMENTS</c> for <paramref name="subject"/> confined to <paramref name="reach"/>
    /// (and to the local feeds and fallback folders of <paramref name="nugetConfigText"/>; for a restore, to NuGet's folders and its sources).
    /// </summary>
    /// <param name="authorsEnvironment">
    /// The author's project in a trusted run: the step sees the tool's whole environment (<see cref="NeverPassed"/> aside), the
    /// author's secrets included, as their own <c>dotnet build</c> would; else the allow-lists (<c>--untrusted</c>, a package's targets).
    /// </param>
    public ConfinedCommand Prepare(
        BuildStep step, string subject, BuildReach reach, string host, IReadOnlyList<string> arguments, string? nugetConfigText = null,
        bool authorsEnvironment = false)
    {
        if (!sandbox.Enabled)
        {
            _grants.Enqueue(new BuildGrant(Name(step), subject, false, true, $"sandbox off: {sandbox.OffReason}"));
            // Unconfined, a step inherits this process's environment: but for the run's own packages folder, when it has one.
            return new ConfinedCommand(host, arguments, PackagesFolder is null ? null : WithPackagesFolder(PackagesFolder), null);
        }
        var privateFolder = Path.Combine(Path.GetTempPath(), $"snippetcheck-{System.Environment.ProcessId}-{Guid.NewGuid():N}");
        var home = Path.Combine(privateFolder, "home");
        var temp = Path.Combine(privateFolder, "tmp");
        Directory.CreateDirectory(home);
        Directory.CreateDirectory(temp);
        var current = System.Environment.GetEnvironmentVariables();
        var restore = step == BuildStep.Restore;
        var environment = PassedOn(current, restore, authorsEnvironment);
        var userHome = NuGetHome();
        var packages = PackagesFolder ?? GlobalPackagesFolder(userHome);
        Directory.CreateDirectory(packages);
        SetStepVariables(environment, packages, temp, home);

        // A config's local feeds and fallback folders (References.LocalFeeds, in reach.Read) are read by the restore and,
        // for packages it resolved there, the build.
        List<string> read = [.. reach.Read, packages, .. FallbackFolders(current)];
        List<string> write = [.. reach.Write];
        if (restore) OpenToNuGet(userHome, home, packages, current, environment, read, write);
        var (ports, proxy, network) = restore ? RestoreNetwork(subject, reach, nugetConfigText, userHome, current, environment) : (null, null, "");
        var runner = RunnerOptions.DefaultRunnerPath;
        var policy = sandbox.PolicyForBuild(
            runner, privateFolder, read.Distinct(StringComparer.Ordinal), write.Distinct(StringComparer.Ordinal), ports, proxy?.SocketPath);
        using var encoded = new MemoryStream();
        using (var writer = new BinaryWriter(encoded, System.Text.Encoding.UTF8, leaveOpen: true)) policy.WriteTo(writer);
        var (program, runnerArguments) =
            RunnerProcess.Command(runner, ["--confine", Convert.ToBase64String(encoded.ToArray()), "--", host, .. arguments]);
        // Behind the proxy a restore gets a network namespace of its own, as a build does; without one, the machine's.
        (program, runnerArguments) = sandbox.LaunchBuild(program, runnerArguments, network: restore && proxy is null);
        _grants.Enqueue(new BuildGrant(Name(step), subject, true, restore, (restore
            ? $"{network}, reads NuGet's config and the credentials of its sources, {EnvironmentWords(restore, authorsEnvironment)}, " +
              "private HOME, writes the NuGet caches and obj/"
            : $"no network, {EnvironmentWords(restore, authorsEnvironment)}, private HOME, writes only obj/ and its output") + Feeds(reach)));
        return new ConfinedCommand(program, runnerArguments, environment, privateFolder, WatchesStdin: Sandbox.NamespacesWork) { Proxy = proxy };
    }

    private static string Name(BuildStep step) => step switch { BuildStep.Restore => "restore", BuildStep.Build => "build", _ => "sdk" };

    /// <summary>
    /// The variables of <paramref name="current"/> a step may see: all of them for the author's build
    /// (<paramref name="authorsEnvironment"/>); else the allow-list (a restore more: NuGet's settings and credentials).
    /// </summary>
    private static Dictionary<string, string> PassedOn(System.Collections.IDictionary current, bool restore, bool authorsEnvironment)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry entry in current)
        {
            var name = (string)entry.Key;
            if (NeverPassed.Contains(name, StringComparer.Ordinal)) continue;
            if (authorsEnvironment || Matches(BuildEnvironment, name) || (restore && Matches(RestoreEnvironment, name)))
                environment[name] = entry.Value as string ?? "";
        }
        return environment;
    }

    /// <summary>The grant's words for a step's environment: the sandbox line says which a build saw.</summary>
    private static string EnvironmentWords(bool restore, bool authorsEnvironment) => authorsEnvironment
        ? "the author's environment (a trusted run's own project)"
        : restore ? "environment: an allow-list (NuGet's own settings)"
        : "environment: an allow-list (PATH, LANG, DOTNET_*; no credentials)";

    /// <summary>What every step is given outright: the packages folder, its own HOME and temp folder, and the SDK kept quiet and alone.</summary>
    private static void SetStepVariables(Dictionary<string, string> environment, string packages, string temp, string home)
    {
        // The packages' one folder, named outright: a build's HOME is its own, and its SDK resolvers must find them.
        environment["NUGET_PACKAGES"] = packages;
        environment["TMPDIR"] = temp;
        environment["MSBUILDDISABLENODEREUSE"] = "1";
        environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        // The CLI's first-run checks write sentinels in ~/.dotnet, which a restore may not write (the user's tools live there).
        environment["DOTNET_SKIP_WORKLOAD_INTEGRITY_CHECK"] = "true";
        environment["DOTNET_CLI_WORKLOAD_UPDATE_NOTIFY_DISABLE"] = "true";
        environment["DOTNET_GENERATE_ASPNET_CERTIFICATE"] = "false";
        environment["DOTNET_EnableWriteXorExecute"] = "0";
        environment["DOTNET_ADD_GLOBAL_TOOLS_TO_PATH"] = "false";
        // Each step gets a HOME of its own (the CLI writes its first-run files there). A restore's holds links to the
        // user's NuGet config and credential providers, which Landlock lets it read, and nothing else of the user's.
        environment["HOME"] = home;
    }

    /// <summary>
    /// A restore's reach beyond a build's: NuGet's own settings and credential providers are read (linked into its
    /// <paramref name="home"/>); its caches and the packages folder written.
    /// </summary>
    private static void OpenToNuGet(
        string userHome, string home, string packages, System.Collections.IDictionary current, Dictionary<string, string> environment,
        List<string> read, List<string> write)
    {
        foreach (var name in (string[])["NuGet", "plugins"])
        {
            var users = Path.Combine(userHome, ".nuget", name);
            if (!Directory.Exists(users)) continue;
            Directory.CreateDirectory(Path.Combine(home, ".nuget"));
            Directory.CreateSymbolicLink(Path.Combine(home, ".nuget", name), users);
            read.Add(users);
        }
        read.AddRange(["/etc/opt/NuGet", "/etc/xdg/NuGet"]);
        var nugetData = Path.Combine(userHome, ".local", "share", "NuGet");
        var httpCache = current["NUGET_HTTP_CACHE_PATH"] as string ?? Path.Combine(nugetData, "http-cache");
        var pluginsCache = current["NUGET_PLUGINS_CACHE_PATH"] as string ?? Path.Combine(nugetData, "plugin-cache");
        environment["NUGET_HTTP_CACHE_PATH"] = httpCache;
        environment["NUGET_PLUGINS_CACHE_PATH"] = pluginsCache;
        Directory.CreateDirectory(httpCache);
        Directory.CreateDirectory(pluginsCache);
        // NuGet locks each package it extracts with a file in its scratch folder, by default under TMPDIR, which is each
        // step's own: two restores extracting one package into the shared packages folder at once then race, and one fails
        // ("Could not find file '…/humanizer.core/3.0.10/e3bdawwp.jis'") only on a cold cache. Every restore,
        // and the user's own, takes its locks in the user's scratch folder.
        var scratch = current["NUGET_SCRATCH"] as string is { Length: > 0 } set ? Path.GetFullPath(set) : NuGetScratch();
        environment["NUGET_SCRATCH"] = scratch;
        Directory.CreateDirectory(scratch);
        write.AddRange([packages, httpCache, pluginsCache, scratch]);
    }

    /// <summary>NuGet's own scratch folder where <c>NUGET_SCRATCH</c> names none: <c>$TMPDIR/NuGetScratch&lt;user&gt;</c> on Unix.</summary>
    private static string NuGetScratch() => Path.Combine(Path.GetTempPath(), "NuGetScratch" + System.Environment.UserName);

    private static bool Matches(string[] patterns, string name) => patterns.Any(pattern =>
        pattern.EndsWith('*') ? name.StartsWith(pattern[..^1], StringComparison.Ordinal) : string.Equals(name, pattern, StringComparison.Ordinal));

    /// <summary>The folder NuGet takes for the user's home: <c>DOTNET_CLI_HOME</c>, else HOME.</summary>
    private static string NuGetHome() =>
        System.Environment.GetEnvironmentVariable("DOTNET_CLI_HOME") is { Length: > 0 } cliHome ? cliHome
            : System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile);

    /// <summary>This process's environment, with <c>NUGET_PACKAGES</c> set to <paramref name="packages"/>.</summary>
    private static Dictionary<string, string> WithPackagesFolder(string packages)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry entry in System.Environment.GetEnvironmentVariables())
            environment[(string)entry.Key] = entry.Value as string ?? "";
        environment["NUGET_PACKAGES"] = packages;
        return environment;
    }

    /// <summary>NuGet's global packages folder: <c>NUGET_PACKAGES</c>, else <c>~/.nuget/packages</c>.</summary>
    internal static string GlobalPackagesFolder(string? home = null) =>
        System.Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } packages ? Path.GetFullPath(packages)
            : Path.Combine(home ?? NuGetHome(), ".nuget", "packages");

    private static IEnumerable<string> FallbackFolders(System.Collections.IDictionary current) =>
        current["NUGET_FALLBACK_PACKAGES"] is string folders ? folders.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries) : [];

    /// <summary>The local feeds a step reads, for its grant: what a nuget.config opened is named in the run's report.</summary>
    private static string Feeds(BuildReach reach) => reach.Feeds.Count == 0 ? "" : $", reads the local feeds {string.Join(", ", reach.Feeds)}";

    /// <summary>
    /// TCP 80 and 443, and the ports of the config's http sources and of the proxies in the environment: a restore's
    /// network where it gets no namespace of its own (<see cref="RestoreNetwork"/>).
    /// </summary>
    private static SortedSet<int> RestorePorts(string? nugetConfigText, System.Collections.IDictionary current)
    {
        SortedSet<int> ports = [80, 443];
        var urls = (nugetConfigText is null ? [] : SourceValue().Matches(nugetConfigText).Select(m => m.Groups["value"].Value))
            .Concat(new[] { "HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy", "ALL_PROXY", "all_proxy" }.Select(
                n => current[n] as string ?? ""));
        foreach (var url in urls)
        {
            if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Port > 0) ports.Add(uri.Port);
        }
        return ports;
    }

    [GeneratedRegex(@"<add\b[^>]*\bvalue\s*=\s*""(?<value>[^""]*)""", RegexOptions.IgnoreCase)]
    private static partial Regex SourceValue();
}
