using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Text.Json;
using Microsoft.CodeAnalysis;
using SnippetCheck.Compilation;
using SnippetCheck.Execution;
using SnippetCheck.Model;
using SnippetCheck.Caching.Store;

namespace SnippetCheck.References;

/// <summary>
/// The packs of the frameworks a matrix names, made once per machine and kept in the package cache
/// (<c>&lt;cache&gt;/frameworks/</c>). The SDK's own restore picks them, as for a project of that target framework:
/// its reference pack, and when <c>dotnet --list-runtimes</c> lacks the runtime, its runtime pack for this machine's
/// RID. The runner is then built for the framework (<see cref="RunnerBuild"/>). Within a process each is made once.
/// </summary>
internal sealed class FrameworkPacks(string cacheRoot, string? nugetConfig, string? nugetPackages = null)
{
    private const int FormatVersion = 1;

    private readonly string _cacheRoot = Path.GetFullPath(cacheRoot);
    private readonly ConcurrentDictionary<TargetFramework, Lazy<Task<FrameworkPack>>> _packs = new();

    /// <summary>
    /// The pack of <paramref name="framework"/>. Throws <see cref="VerificationSetupException"/> when it cannot be restored or built.
    /// </summary>
    /// <param name="toolRunnerPath">The runner the tool ships, which serves its own framework.</param>
    public async Task<FrameworkPack> GetAsync(TargetFramework framework, string toolRunnerPath, CancellationToken cancellationToken)
    {
        if (framework.IsTool) return new FrameworkPack(
            framework, ReferenceAssemblies.Default, toolRunnerPath, $"shared runtime {Environment.Version}");
        // Shared by every run of a long-lived host (--watch, the language server): made without any one run's token, and
        // forgotten when it fails, so that a later run tries again (the network may be back).
        var making = _packs.GetOrAdd(framework, f => new Lazy<Task<FrameworkPack>>(() => MakeAsync(f, CancellationToken.None)));
        try
        {
            return await making.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (making.Value.IsFaulted)
        {
            _packs.TryRemove(new KeyValuePair<TargetFramework, Lazy<Task<FrameworkPack>>>(framework, making));
            throw;
        }
    }

    /// <summary>
    /// The newest installed shared runtime of the framework's major version, as <c>dotnet --list-runtimes</c> lists it; null without one.
    /// </summary>
    public static string? InstalledRuntime(TargetFramework framework)
    {
        var root = Path.Combine(DotnetInstallation.Root, "shared", "Microsoft.NETCore.App");
        if (!Directory.Exists(root)) return null;
        // As the host lists them: a version folder counts only with the framework's deps.json in it.
        return Directory.GetDirectories(root)
            .Where(d => File.Exists(Path.Combine(d, "Microsoft.NETCore.App.deps.json")))
            .Select(Path.GetFileName)
            .Select(name => (Name: name!, Version: Version.TryParse(name!.Split('-')[0], out var v) ? v : null))
            .Where(r => r.Version is { } v && v.Major == framework.Major && !r.Name.Contains('-', StringComparison.Ordinal))
            .OrderByDescending(r => r.Version)
            .Select(r => r.Name)
            .FirstOrDefault();
    }

    private async Task<FrameworkPack> MakeAsync(TargetFramework framework, CancellationToken cancellationToken)
    {
        var shared = InstalledRuntime(framework);
        var restored = await RestoreAsync(framework, selfContained: shared is null, cancellationToken).ConfigureAwait(false);
        var references = ImmutableArray.CreateRange(restored.References.Select(path => (MetadataReference)MetadataReference.CreateFromFile(path)));
        var runner = await RunnerBuild.EnsureAsync(framework, references, restored, shared, Path.Combine(_cacheRoot, "frameworks"), cancellationToken)
            .ConfigureAwait(false);
        return new FrameworkPack(
            framework, references, runner, shared is not null ? $"shared runtime {shared}" : $"self-contained {restored.RuntimeVersion}");
    }

    /// <summary>The restore's result: reference assemblies, and for a self-contained runner the runtime pack's files.</summary>
    internal sealed record Restored(int Version, string Key, string[] References, RuntimeAsset[] RuntimeAssets, string? RuntimeVersion);

    /// <summary>A file of the runtime pack and where it goes in the runner's folder.</summary>
    internal sealed record RuntimeAsset(string Path, string Destination);

    private async Task<Restored> RestoreAsync(TargetFramework framework, bool selfContained, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_cacheRoot);
        var sdk = await DotnetCli.SdkVersionAsync(_cacheRoot, _cacheRoot, BuildSandbox.Auto(nugetPackages)).ConfigureAwait(false);
        var nugetConfigText = await GeneratedRestore.NuGetConfigTextAsync(nugetConfig, cancellationToken).ConfigureAwait(false);
        var rid = RuntimeInformation.RuntimeIdentifier;
        var key = new StoreKey()
            .Add("framework", framework.Moniker)
            .Add("sdk", sdk)
            .Add("rid", selfContained ? rid : null)
            .Add("nuget.config", nugetConfigText)
            .Hash();
        var folder = Path.Combine(_cacheRoot, "frameworks", StoreKey.FolderName(key));
        var packsPath = Path.Combine(folder, "packs.json");
        var lockTimeout = StepTimeout.Restore;
        var (packs, _) = await StoreEntry.GetOrCreateAsync(Path.Combine(folder, ".lock"), lockTimeout, () => TryRead(packsPath, key), async () =>
        {
            var result = await GeneratedRestore.RunAsync(
                BuildSandbox.Auto(nugetPackages), $"the {framework} packs", folder, ProjectText(framework, selfContained ? rid : null),
                nugetConfigText,
                ["ReferencePath", "RuntimePackAsset"], StepTimeout.Restore, cancellationToken).ConfigureAwait(false);
            if (!result.Succeeded)
                throw new VerificationSetupException(DiagnosticCodes.TargetingPackMissing,
                    $"the {framework} packs could not be restored for the framework matrix: {result.Explain()}");

            var pack = Parse(GeneratedRestore.JsonPart(result.Stdout), key);
            if (pack.References.Length == 0 || (selfContained && pack.RuntimeAssets.Length == 0))
                throw new VerificationSetupException(
                    DiagnosticCodes.TargetingPackMissing, $"the restore of the {framework} packs named no " +
                    $"{(pack.References.Length == 0 ? "reference assemblies" : "runtime files")}");
            StoreFile.Write(packsPath, JsonSerializer.SerializeToUtf8Bytes(pack));
            return pack;
        }, cancellationToken).ConfigureAwait(false);
        return packs;
    }

    /// <summary>A console project that compiles nothing: the SDK restores the packs a project of the framework would use.</summary>
    internal static string ProjectText(TargetFramework framework, string? selfContainedRid) =>
        $"""
        <!-- Generated by snippetcheck to restore the {framework} packs of a framework matrix. -->
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>{framework.Moniker}</TargetFramework>
            <OutputType>Exe</OutputType>
            <EnableDefaultItems>false</EnableDefaultItems>
            <NuGetAudit>false</NuGetAudit>
        {SelfContained(selfContainedRid)}  </PropertyGroup>
        </Project>

        """;

    private static string SelfContained(string? rid) =>
        rid is null ? "" : $"    <RuntimeIdentifier>{rid}</RuntimeIdentifier>\n    <SelfContained>true</SelfContained>\n";

    private static Restored Parse(string json, string key)
    {
        using var document = JsonDocument.Parse(json);
        var items = document.RootElement.GetProperty("Items");
        IEnumerable<JsonElement> Items(string name) => items.TryGetProperty(name, out var list) ? list.EnumerateArray() : [];
        string? Metadata(JsonElement item, string name) => item.TryGetProperty(name, out var value) ? value.GetString() : null;

        var references = Items("ReferencePath")
            .Where(i => Metadata(i, "FrameworkReferenceName") == "Microsoft.NETCore.App")
            .Select(i => Metadata(i, "FullPath")!).Order(StringComparer.Ordinal).ToArray();
        var runtime = Items("RuntimePackAsset")
            .Where(i => Metadata(i, "NuGetPackageId") is { } id && id.StartsWith("Microsoft.NETCore.App.Runtime", StringComparison.Ordinal))
            .Select(i => new RuntimeAsset(Metadata(i, "FullPath")!, Metadata(i, "DestinationSubPath") ?? Path.GetFileName(Metadata(i, "FullPath")!)))
            .ToArray();
        var version = Items("RuntimePackAsset").Select(i => Metadata(i, "NuGetPackageVersion")).FirstOrDefault(v => v is not null);
        return new Restored(FormatVersion, key, references, runtime, version);
    }

    /// <summary>The kept restore, when its files are all still there: a cleaned NuGet cache takes them away, and then it is made again.</summary>
    private static Restored? TryRead(string path, string key) => StoreFile.TryRead(path, bytes =>
        JsonSerializer.Deserialize<Restored>(bytes) is { Version: FormatVersion } pack && pack.Key == key && pack.References.All(File.Exists)
        && pack.RuntimeAssets.All(a => File.Exists(a.Path))
            ? pack
            : null);
}
