using System.Collections.Concurrent;
using System.Text.Json;
using SnippetCheck.Caching.Store;
using SnippetCheck.Execution;

namespace SnippetCheck.References;

/// <summary>
/// The newest stable version of a NuGet package on the sources a folder's NuGet.Config names: how <c>adopt</c> pins a
/// package it infers. The sources are listed once per folder (<c>dotnet nuget list source</c>, which merges the config
/// files as restore does); each HTTP source is asked for the ID's versions in its flat container (<c>PackageBaseAddress</c>,
/// the request <c>dotnet package search --exact-match</c> makes, without a process of its own per ID). A source that
/// HTTP cannot answer (a local folder, one that needs credentials, an error) is asked through
/// <c>dotnet package search ID --exact-match</c>. Each answer, "not found" included, is kept under the package cache
/// (<c>search/</c>), so a second <c>adopt</c> asks no source again; <c>snippetcheck</c>'s cache folder can be deleted
/// to ask afresh.
/// </summary>
/// <param name="maxAge">
/// How long a kept answer stands before the sources are asked again (<c>outdated</c> asks after a day, so a new release
/// is seen); null: for good, as <c>adopt</c> needs only some version that exists.
/// </param>
/// <param name="sandbox">What confines each <c>dotnet</c> it starts, as a restore is confined: the folder may be a pull request's.</param>
internal sealed class PackageSearch(string cacheRoot, TimeSpan? maxAge = null, BuildSandbox? sandbox = null)
{
    private readonly BuildSandbox _sandbox = sandbox ?? BuildSandbox.Auto();

    private static readonly TimeSpan SearchTimeout = TimeSpan.FromMinutes(2);

    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Searches at once: each is a <c>dotnet</c> process, and many at once time out on a small machine.</summary>
    private readonly SemaphoreSlim _running = new(4);

    private readonly ConcurrentDictionary<string, Lazy<Task<IReadOnlyList<string>?>>> _answers = new(StringComparer.OrdinalIgnoreCase);

    private readonly ConcurrentDictionary<string, Lazy<Task<IReadOnlyList<string>?>>> _sources = new(StringComparer.Ordinal);

    private readonly ConcurrentDictionary<string, Lazy<Task<string?>>> _flatContainers = new(StringComparer.Ordinal);

    /// <summary>The newest stable version of <paramref name="id"/>; null when no source has one.</summary>
    internal async Task<string?> LatestStableAsync(string id, string workingDirectory, CancellationToken cancellationToken) =>
        (await StableVersionsAsync(id, workingDirectory, cancellationToken).ConfigureAwait(false)).FirstOrDefault();

    /// <summary>
    /// The stable versions of <paramref name="id"/>, newest first; empty when no source has one. The newest may not
    /// restore for the framework a post runs on (a package that moved on to the next .NET), so callers try them in turn.
    /// </summary>
    public Task<IReadOnlyList<string>> StableVersionsAsync(string id, string workingDirectory, CancellationToken cancellationToken) =>
        VersionsAsync(id, workingDirectory, prerelease: false, cancellationToken);

    /// <summary>As <see cref="StableVersionsAsync"/>, with previews among them when <paramref name="prerelease"/> is true.</summary>
    public async Task<IReadOnlyList<string>> VersionsAsync(string id, string workingDirectory, bool prerelease, CancellationToken cancellationToken)
    {
        var key = $"{id}|{workingDirectory}";
        var asked = _answers.GetOrAdd(key, _ => new Lazy<Task<IReadOnlyList<string>?>>(() => SearchAsync(id, workingDirectory, cancellationToken)));
        // A search no source answered (a timeout, no network) is no "not found": the next page asks again, so adopt's proposal does not depend on it.
        if (await asked.Value.ConfigureAwait(false) is not { } all)
        {
            _answers.TryRemove(new KeyValuePair<string, Lazy<Task<IReadOnlyList<string>?>>>(key, asked));
            return [];
        }
        return prerelease ? all : [.. all.Where(v => !v.Contains('-', StringComparison.Ordinal))];
    }

    /// <summary>How many requests this search made to the sources (each HTTP request, each <c>dotnet package search</c>).</summary>
    public int Requests => _requests;

    private int _requests;

    /// <summary>The versions the sources list, newest first; null when they could not be asked.</summary>
    private async Task<IReadOnlyList<string>?> SearchAsync(string id, string workingDirectory, CancellationToken cancellationToken)
    {
        var nugetConfig = PackageCache.FindNuGetConfig(workingDirectory);
        var configText = nugetConfig is null ? null : await File.ReadAllTextAsync(nugetConfig, cancellationToken).ConfigureAwait(false);
        // Previews are kept too, and the answer's age is its file's.
        var file = Path.Combine(
            cacheRoot, "search", StoreKey.FolderName(new StoreKey().Add("id", id.ToLowerInvariant()).Add("nuget.config", configText).Hash())
            + ".txt");
        if (File.Exists(file) && (maxAge is not { } age || DateTime.UtcNow - File.GetLastWriteTimeUtc(file) < age)
            && StoreFile.TryRead(file, System.Text.Encoding.UTF8.GetString) is { } kept)
            return kept.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        var versions = await OverHttpAsync(id, workingDirectory, cancellationToken).ConfigureAwait(false);
        if (versions is null)
        {
            var result = await SearchWithCliAsync(id, workingDirectory, cancellationToken).ConfigureAwait(false);
            // A failed search (no network) is not an answer: it is asked again next time.
            if (!result.Succeeded) return null;
            versions = Versions(result.Stdout);
        }
        var newestFirst = NewestFirst(versions);
        StoreFile.Write(file, System.Text.Encoding.UTF8.GetBytes(string.Join('\n', newestFirst)));
        return newestFirst;
    }

    /// <summary>Every version the folder's sources list for the ID; null when a source could not be asked over HTTP.</summary>
    private async Task<IReadOnlyList<string>?> OverHttpAsync(string id, string workingDirectory, CancellationToken cancellationToken)
    {
        if (await SourcesAsync(workingDirectory, cancellationToken).ConfigureAwait(false) is not { Count: > 0 } sources) return null;
        var versions = new List<string>();
        foreach (var source in sources)
        {
            if (await FlatContainerAsync(source, cancellationToken).ConfigureAwait(false) is not { } container) return null;
            try
            {
                Interlocked.Increment(ref _requests);
                using var response =
                    await Http.GetAsync($"{container.TrimEnd('/')}/{id.ToLowerInvariant()}/index.json", cancellationToken).ConfigureAwait(false);
                if (response.StatusCode == System.Net.HttpStatusCode.NotFound) continue;
                if (!response.IsSuccessStatusCode) return null;
                using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
                versions.AddRange(document.RootElement.GetProperty("versions").EnumerateArray().Select(v => v.GetString()).OfType<string>());
            }
            catch (Exception e) when (IsUnanswered(e, cancellationToken))
            {
                return null;
            }
        }
        return versions;
    }

    /// <summary>The enabled sources for a folder, as restore merges its NuGet.Config files; null when the SDK cannot list them.</summary>
    private Task<IReadOnlyList<string>?> SourcesAsync(string workingDirectory, CancellationToken cancellationToken) =>
        _sources.GetOrAdd(PackageCache.FindNuGetConfig(workingDirectory) ?? "", _ => new Lazy<Task<IReadOnlyList<string>?>>(async () =>
        {
            var result = await RunAsync(["nuget", "list", "source", "--format", "short"], workingDirectory, cancellationToken).ConfigureAwait(false);
            if (!result.Succeeded) return null;
            // "E https://api.nuget.org/v3/index.json": E for enabled, D for disabled.
            return [.. result.Stdout.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("E ", StringComparison.Ordinal)).Select(
                l => l[2..].Trim())];
        })).Value;

    /// <summary>A v3 HTTP source's <c>PackageBaseAddress/3.0.0</c> from its service index; null for any other source or an error.</summary>
    private Task<string?> FlatContainerAsync(string source, CancellationToken cancellationToken) =>
        _flatContainers.GetOrAdd(source, _ => new Lazy<Task<string?>>(async () =>
        {
            if (!source.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
                && !source.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) return null;
            try
            {
                Interlocked.Increment(ref _requests);
                using var response = await Http.GetAsync(source, cancellationToken).ConfigureAwait(false);
                if (!response.IsSuccessStatusCode) return null;
                using var index = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
                return index.RootElement.GetProperty("resources").EnumerateArray()
                    .Where(r => r.TryGetProperty("@type", out var type) && type.GetString() == "PackageBaseAddress/3.0.0")
                    .Select(r => r.GetProperty("@id").GetString())
                    .FirstOrDefault();
            }
            catch (Exception e) when (IsUnanswered(e, cancellationToken))
            {
                return null;
            }
        })).Value;

    /// <summary>The source did not answer over HTTP (unreachable, timed out, or not a v3 feed's JSON): ask the CLI instead.</summary>
    private static bool IsUnanswered(Exception e, CancellationToken cancellationToken) =>
        e is HttpRequestException or JsonException or KeyNotFoundException or InvalidOperationException
        || e is TaskCanceledException && !cancellationToken.IsCancellationRequested;

    private async Task<DotnetResult> SearchWithCliAsync(string id, string workingDirectory, CancellationToken cancellationToken)
    {
        await _running.WaitAsync(cancellationToken).ConfigureAwait(false);
        Interlocked.Increment(ref _requests);
        try
        {
            return await RunAsync(["package", "search", id, "--exact-match", "--format", "json"], workingDirectory, cancellationToken)
                .ConfigureAwait(false);
        }
        finally
        {
            _running.Release();
        }
    }

    /// <summary>
    /// <c>dotnet ARGUMENTS</c> in <paramref name="workingDirectory"/> (its NuGet configs decide the sources), confined as a
    /// restore is: NuGet's config, credentials and sources, the folder's config files, nothing else of the job's.
    /// </summary>
    private Task<DotnetResult> RunAsync(IReadOnlyList<string> arguments, string workingDirectory, CancellationToken cancellationToken)
    {
        var reach = ProjectReach.OfFolder(workingDirectory);
        return DotnetCli.RunConfinedAsync(_sandbox, BuildStep.Restore, $"package sources of {workingDirectory}", reach, arguments,
            workingDirectory, SearchTimeout, cancellationToken, ProjectReach.ConfigText(reach));
    }

    /// <summary>The highest stable version: a post shows the package as its readers install it.</summary>
    internal static string? NewestStable(IEnumerable<string> versions) => StableNewestFirst(versions).FirstOrDefault();

    /// <summary>The stable versions, each once, highest first.</summary>
    internal static IReadOnlyList<string> StableNewestFirst(IEnumerable<string> versions) =>
        NewestFirst(versions.Where(text => !text.Contains('-', StringComparison.Ordinal)));

    /// <summary>
    /// The versions, each once, highest first; a preview comes just below its release (10.0.0 above 10.0.0-rc.1), and
    /// previews of one release by their label, compared ordinally (NuGet compares dotted parts; close enough to pick the newest).
    /// </summary>
    public static IReadOnlyList<string> NewestFirst(IEnumerable<string> versions) =>
    [
        .. versions
            .Select(text => text.Split('+')[0])
            .Select(text => (Text: text, Number: Version.TryParse(text.Split('-')[0], out var number) ? number : null, Label: text.Contains('-')
                ? text[(text.IndexOf('-') + 1)..] : null))
            .Where(v => v.Number is not null)
            .DistinctBy(v => (v.Number, v.Label))
            .OrderByDescending(v => v.Number)
            .ThenBy(v => v.Label is null ? 0 : 1)
            .ThenByDescending(v => v.Label, StringComparer.Ordinal)
            .Select(v => v.Text),
    ];

    /// <summary>The versions in <c>dotnet package search --format json</c>'s output.</summary>
    internal static IReadOnlyList<string> Versions(string json)
    {
        var start = json.IndexOf('{', StringComparison.Ordinal);
        if (start < 0) return [];
        using var document = JsonDocument.Parse(json[start..]);
        if (!document.RootElement.TryGetProperty("searchResult", out var sources)) return [];
        var versions = new List<string>();
        foreach (var source in sources.EnumerateArray())
        {
            if (!source.TryGetProperty("packages", out var packages)) continue;
            foreach (var package in packages.EnumerateArray())
            {
                if (package.TryGetProperty("version", out var v) && v.GetString() is { } text) versions.Add(text);
            }
        }
        return versions;
    }

    /// <summary>The highest stable version in <c>dotnet package search --format json</c>'s output; null for none.</summary>
    internal static string? Newest(string json) => NewestStable(Versions(json));
}
