namespace SnippetCheck.Execution;

/// <summary>A restore's environment and network, confined (SECURITY.md): NuGet's own settings, its sources' credentials, its sources alone.</summary>
internal sealed partial class BuildSandbox
{
    /// <summary>
    /// NuGet's settings a restore reads from the environment (NuGet's "CLI environment variables" and the plugin and
    /// retry settings of NuGet.Client), and the CA bundles TLS reads. Never a wildcard: <c>NUGET_API_KEY</c> is for a
    /// push, and a CI job keeps its other secrets in names anyone may pick.
    /// </summary>
    private static readonly string[] RestoreEnvironment =
    [
        "NUGET_PACKAGES", "NUGET_FALLBACK_PACKAGES", "NUGET_HTTP_CACHE_PATH", "NUGET_PLUGINS_CACHE_PATH", "NUGET_SCRATCH",
        "NUGET_CERT_REVOCATION_MODE", "NUGET_XMLDOC_MODE", "NUGET_PLUGIN_PATHS", "NUGET_NETCORE_PLUGIN_PATHS", "NUGET_NETFX_PLUGIN_PATHS",
        "NUGET_PLUGIN_HANDSHAKE_TIMEOUT_IN_SECONDS", "NUGET_PLUGIN_REQUEST_TIMEOUT_IN_SECONDS", "NUGET_PLUGIN_IDLE_TIMEOUT_IN_SECONDS",
        "NUGET_OBSERVE_RETRY_AFTER", "NUGET_MAX_RETRY_AFTER_DELAY_SECONDS", "NUGET_ENABLE_ENHANCED_HTTP_RETRY",
        "NUGET_ENHANCED_MAX_NETWORK_TRY_COUNT", "NUGET_ENHANCED_NETWORK_RETRY_DELAY_MILLISECONDS", "NUGET_EXE_NO_PROMPT",
        "SSL_CERT_FILE", "SSL_CERT_DIR",
    ];

    /// <summary>The proxies of the tool's environment: a restore without a proxy of the tool's uses them itself.</summary>
    private static readonly string[] ProxyEnvironment =
        ["HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "no_proxy", "all_proxy"];

    /// <summary>
    /// A restore's network and credentials. Where namespaces work it runs in a network namespace of its own (no UDP, no
    /// DNS, only loopback) whose one way out is the tool's <see cref="RestoreProxy"/>, which lets through the hosts and
    /// ports of the sources its configs declare; elsewhere Landlock's rule on TCP ports is all there is, and the grant says so.
    /// Returns the TCP ports Landlock allows, the proxy (null without) and the grant's words for the network.
    /// </summary>
    private (int[] Ports, RestoreProxy? Proxy, string Network) RestoreNetwork(
        string subject, BuildReach reach, string? nugetConfigText, string userHome, System.Collections.IDictionary current,
        Dictionary<string, string> environment)
    {
        var sources = PackageSources.Declared([nugetConfigText, .. ConfigFilesIn(reach), .. PackageSources.UserConfigTexts(userHome)]);
        foreach (var (name, value) in PackageSources.Credentials(current, sources)) environment[name] = value;
        if (!Sandbox.NamespacesWork)
        {
            foreach (var name in ProxyEnvironment.Where(n => current[n] is string)) environment[name] = (string)current[name]!;
            var ports = RestorePorts(nugetConfigText, current);
            return ([.. ports], null, $"network: TCP ports {string.Join(", ", ports)} of any host, and UDP (no network namespace here; " +
                "the package sources are on those ports)");
        }
        var endpoints = PackageSources.Endpoints(sources);
        var proxy = RestoreProxy.Start(endpoints, () => PackageSources.ServiceEndpoints(sources));
        proxy.Finished = refused => _grants.Enqueue(new BuildGrant(Name(BuildStep.Restore), subject, true, true,
            $"refused {string.Join(", ", refused)}: not a configured package source"));
        var address = $"http://127.0.0.1:{SandboxPolicy.RestoreProxyPort}";
        // NuGet reads http_proxy itself; the runtime's HttpClient (credential providers) the others. Nothing bypasses it:
        // the author's own proxies and NO_PROXY (passed on with their environment) would only lead to a dead end here.
        foreach (var name in ProxyEnvironment) environment.Remove(name);
        foreach (var name in (string[])["http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY"]) environment[name] = address;
        var reachable = endpoints.Count == 0 ? "nothing" : string.Join(", ", endpoints);
        return ([SandboxPolicy.RestoreProxyPort], proxy,
            $"network: {reachable} only (the configured package sources), through the tool's proxy; no UDP");
    }

    /// <summary>The NuGet config files among <paramref name="reach"/>'s reads: those above a project, which its restore reads.</summary>
    private static IEnumerable<string> ConfigFilesIn(BuildReach reach) =>
        reach.Read.Where(p => Path.GetFileName(p).Equals("nuget.config", StringComparison.OrdinalIgnoreCase) && File.Exists(p))
            .Select(File.ReadAllText);
}
