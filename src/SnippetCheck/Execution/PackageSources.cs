using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace SnippetCheck.Execution;

/// <summary>One <c>&lt;add key="NAME" value="URL-OR-FOLDER" /&gt;</c> of a NuGet config's <c>packageSources</c>.</summary>
internal sealed record PackageSource(string Name, string Url);

/// <summary>
/// The package sources a restore may use, so that its network is those and no other: those the NuGet config files declare, read as XML (comments and
/// other sections are not sources), the user's and the machine's files included; and what follows from them: the
/// <c>host:port</c>s its network is, and which credential variables it sees.
/// </summary>
internal static partial class PackageSources
{
    /// <summary>What NuGet writes into a user's config when there is none.</summary>
    private const string DefaultConfig =
        """<configuration><packageSources><add key="nuget.org" value="https://api.nuget.org/v3/index.json" /></packageSources></configuration>""";

    private const string CredentialPrefix = "NuGetPackageSourceCredentials_", FeedEndpoints = "VSS_NUGET_EXTERNAL_FEED_ENDPOINTS";

    /// <summary>The sources of <paramref name="configTexts"/> (each a file's text, or several joined), in order.</summary>
    public static IReadOnlyList<PackageSource> Declared(IEnumerable<string?> configTexts)
    {
        var sources = new List<PackageSource>();
        foreach (var text in configTexts.OfType<string>())
        {
            foreach (Match configuration in Configuration().Matches(text))
            {
                XDocument document;
                try
                {
                    document = XDocument.Parse(configuration.Value);
                }
                catch (XmlException)
                {
                    continue; // NuGet would refuse the file too
                }
                sources.AddRange(document.Descendants().Where(e => e.Name.LocalName.Equals("packageSources", StringComparison.OrdinalIgnoreCase))
                    .SelectMany(section => section.Elements().Where(e => e.Name.LocalName == "add"))
                    .Select(add => new PackageSource((string?)add.Attribute("key") ?? "", (string?)add.Attribute("value") ?? ""))
                    .Where(source => source.Name.Length > 0 && source.Url.Length > 0));
            }
        }
        return sources;
    }

    /// <summary>
    /// The texts of the user's and the machine's NuGet configs, which every restore reads besides a project's; NuGet's
    /// default (nuget.org) when the user has none, as NuGet would write it.
    /// </summary>
    public static IEnumerable<string> UserConfigTexts(string userHome)
    {
        var folder = Path.Combine(userHome, ".nuget", "NuGet");
        var user = new[] { "NuGet.Config", "nuget.config", "NuGet.config" }.Select(name => Path.Combine(folder, name)).FirstOrDefault(File.Exists);
        if (user is null) yield return DefaultConfig;
        var machine = new[] { Path.Combine(folder, "config"), "/etc/opt/NuGet/Config", "/etc/xdg/NuGet" }.Where(Directory.Exists)
            .SelectMany(f => Directory.EnumerateFiles(f, "*.config", SearchOption.AllDirectories));
        foreach (var file in (user is null ? machine : machine.Prepend(user)).Order(StringComparer.Ordinal))
        {
            string? text = null;
            try
            {
                text = File.ReadAllText(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Unreadable here is unreadable to the restore too.
            }
            if (text is not null) yield return text;
        }
    }

    /// <summary>The <c>host:port</c> of each http(s) source, once each, in order: all a restore behind the proxy may reach.</summary>
    public static IReadOnlyList<string> Endpoints(IEnumerable<PackageSource> sources) =>
        [.. sources
            .Select(source => Uri.TryCreate(source.Url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? Endpoint(uri) : null)
            .OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase)];

    /// <summary>
    /// The <c>host:port</c>s the service indexes of <paramref name="sources"/> name for their resources (nuget.org's search
    /// is on other hosts than its packages: <c>dotnet package search</c> asks them): read once per run by the tool, which
    /// sends no credential with it, and a source that does not answer in time gives none.
    /// </summary>
    public static IReadOnlyList<string> ServiceEndpoints(IEnumerable<PackageSource> sources) =>
        [.. sources.Where(s => s.Url.EndsWith("/index.json", StringComparison.OrdinalIgnoreCase) && Uri.TryCreate(s.Url, UriKind.Absolute, out var u)
                && u.Scheme is "http" or "https")
            .SelectMany(s => Indexes.GetOrAdd(s.Url, ReadIndexEndpoints).Value).Distinct(StringComparer.OrdinalIgnoreCase)];

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<IReadOnlyList<string>>> Indexes = new();

    private static Lazy<IReadOnlyList<string>> ReadIndexEndpoints(string url) => new(() =>
    {
        try
        {
            using var client = new System.Net.Http.HttpClient { Timeout = TimeSpan.FromSeconds(15) };
            var index = JsonNode.Parse(client.GetStringAsync(url).GetAwaiter().GetResult());
            return [.. (index?["resources"] as JsonArray ?? []).Select(r => r?["@id"]?.GetValueKind() == System.Text.Json.JsonValueKind.String
                    && Uri.TryCreate((string)r["@id"]!, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? Endpoint(uri) : null)
                .OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase)];
        }
        catch (Exception e) when (e is System.Net.Http.HttpRequestException or TaskCanceledException or System.Text.Json.JsonException
            or InvalidOperationException)
        {
            return [];
        }
    });

    /// <summary><c>host:port</c> of <paramref name="uri"/>, its host in lower case (an IPv6 address in brackets).</summary>
    public static string Endpoint(Uri uri) => $"{uri.Host.ToLowerInvariant()}:{uri.Port}";

    /// <summary>
    /// The credential variables of <paramref name="current"/> that belong to <paramref name="sources"/>: each
    /// <c>NuGetPackageSourceCredentials_NAME</c> whose NAME a config declares, and of <c>VSS_NUGET_EXTERNAL_FEED_ENDPOINTS</c>
    /// the endpoints a config names as a source. Nothing else of a credential passes.
    /// </summary>
    public static IEnumerable<KeyValuePair<string, string>> Credentials(System.Collections.IDictionary current, IReadOnlyList<PackageSource> sources)
    {
        foreach (System.Collections.DictionaryEntry entry in current)
        {
            if (entry.Key is string name && name.StartsWith(CredentialPrefix, StringComparison.Ordinal) && entry.Value is string value
                && sources.Any(source => source.Name == name[CredentialPrefix.Length..])) yield return new(name, value);
        }
        if (current[FeedEndpoints] is string endpoints && NamedEndpoints(endpoints, sources) is { } kept) yield return new(FeedEndpoints, kept);
    }

    /// <summary>
    /// The JSON of <c>VSS_NUGET_EXTERNAL_FEED_ENDPOINTS</c> with only the endpoints that are sources; null when none is, or it is not that JSON.
    /// </summary>
    private static string? NamedEndpoints(string json, IReadOnlyList<PackageSource> sources)
    {
        static string Plain(string url) => url.Trim().TrimEnd('/');
        var urls = sources.Select(source => Plain(source.Url)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        try
        {
            if (JsonNode.Parse(json) is not JsonObject root || root["endpointCredentials"] is not JsonArray all) return null;
            JsonNode?[] kept = [.. all.Where(e => e?["endpoint"]?.GetValueKind() == System.Text.Json.JsonValueKind.String
                && urls.Contains(Plain((string)e["endpoint"]!))).Select(e => e!.DeepClone())];
            return kept.Length == 0 ? null : new JsonObject { ["endpointCredentials"] = new JsonArray(kept) }.ToJsonString();
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"<configuration\b.*?</configuration\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Configuration();
}
