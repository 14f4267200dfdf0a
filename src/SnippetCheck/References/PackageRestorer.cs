using SnippetCheck.Extraction.Snippets;
using System.Collections.Concurrent;
using System.Security;
using System.Text;
using SnippetCheck.Model;
using SnippetCheck.Caching.Store;
using SnippetCheck.Execution;

namespace SnippetCheck.References;

/// <summary>
/// Resolves package sets through the SDK's own restore: for each distinct set a tiny project is written to
/// <c>&lt;cache&gt;/packages/&lt;hash&gt;/</c>, and <c>dotnet build -t:ResolveReferences</c> restores it and
/// resolves its assets (transitive packages, framework conflicts and RID-specific assets included). The
/// result is kept in <c>assets.json</c> beside the project, keyed on the set, the target framework, the SDK
/// version and the NuGet configuration, so later runs never restore again; within a run each set is
/// resolved once. A failure is never cached: a package missing offline may be there tomorrow.
/// </summary>
internal sealed class PackageRestorer
{
    private static readonly TimeSpan LockTimeout = TimeSpan.FromMinutes(10);

    private readonly string _cacheRoot;
    private readonly string? _nugetConfig;
    private readonly TargetFramework _framework;
    private readonly ConcurrentDictionary<(string Packages, bool Web), Lazy<Task<ResolveOutcome>>> _resolutions = new();

    /// <param name="cacheRoot">The folder that holds <c>packages/</c> and <c>projects/</c>; see <see cref="PackageCache"/>.</param>
    /// <param name="nugetConfig">The NuGet.Config nearest the posts, copied beside each generated project so its sources apply.</param>
    /// <param name="framework">The target framework the packages' assets are resolved for; the tool's own by default.</param>
    public PackageRestorer(string cacheRoot, string? nugetConfig, TargetFramework? framework = null)
    {
        _cacheRoot = Path.GetFullPath(cacheRoot);
        _nugetConfig = nugetConfig;
        _framework = framework ?? TargetFramework.Tool;
    }

    /// <summary>What confines each restore and each resolution, whose packages' build targets run (<see cref="BuildSandbox"/>).</summary>
    internal BuildSandbox Sandbox { get; init; } = BuildSandbox.Auto();

    /// <summary>The run's checkout: no local feed opens its root or a folder above it (<see cref="LocalFeeds"/>).</summary>
    internal Checkout? Checkout { get; init; }

    /// <summary>Resolves a set once per process; concurrent callers for the same set share one restore.</summary>
    public Task<ResolveOutcome> ResolveAsync(PackageSet packages, bool web, CancellationToken cancellationToken) =>
        packages.IsEmpty && !web
            ? Task.FromResult(new ResolveOutcome(ResolvedAssets.None, null))
            : _resolutions.GetOrAdd((packages.Key, web),
                _ => new Lazy<Task<ResolveOutcome>>(() => ResolveCoreAsync(packages, web, cancellationToken))).Value;

    private async Task<ResolveOutcome> ResolveCoreAsync(PackageSet packages, bool web, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_cacheRoot);
        var sdk = await DotnetCli.SdkVersionAsync(_cacheRoot, _cacheRoot, Sandbox).ConfigureAwait(false);
        var nugetConfigText = await GeneratedRestore.NuGetConfigTextAsync(_nugetConfig, cancellationToken).ConfigureAwait(false);
        var key = new StoreKey()
            .Add("tfm", _framework.Moniker)
            .Add("sdk", sdk)
            .Add("web", web)
            .Add("nuget.config", nugetConfigText)
            .Add("packages", packages.Key)
            .Hash();
        var folder = Path.Combine(_cacheRoot, "packages", StoreKey.FolderName(key));
        return await AssetCache.GetOrResolveAsync(folder, key, LockTimeout, async () =>
        {
            // A failure NuGet gives no lasting reason for (a timeout under load, an I/O error, a source that did not
            // answer) is tried once more: adopt's proposal must not depend on it.
            var outcome = await RestoreOnceAsync(packages, web, folder, nugetConfigText, cancellationToken).ConfigureAwait(false);
            return outcome.Succeeded || outcome.FailedForGood
                ? outcome : await RestoreOnceAsync(packages, web, folder, nugetConfigText, cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<ResolveOutcome> RestoreOnceAsync(
        PackageSet packages, bool web, string folder, string? nugetConfigText, CancellationToken cancellationToken)
    {
        var result = await GeneratedRestore.RunAsync(Sandbox, "packages " + (packages.IsEmpty ? "of ASP.NET Core" : Describe(packages)), folder,
            ProjectText(packages, web, _framework), nugetConfigText,
            ["ReferencePath", "RuntimeCopyLocalItems", "RuntimeTargetsCopyLocalItems", "ResourceCopyLocalItems"], StepTimeout.Restore,
            cancellationToken, Checkout).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            return ResolveOutcome.Failed(result.TimedOut
                ? $"the restore of {Describe(packages)} did not finish within {StepTimeout.Describe(StepTimeout.Restore)}"
                : result.Explain());
        }
        return new ResolveOutcome(ResolvedAssets.FromMSBuildItems(GeneratedRestore.JsonPart(result.Stdout), [], []), null);
    }

    private static string Describe(PackageSet packages) => string.Join(", ", packages.Packages.Select(p => $"{p.Id} {p.Version}"));

    /// <summary>The generated project: a console app (so runtime assets are resolved) that compiles nothing.</summary>
    internal static string ProjectText(PackageSet packages, bool web, TargetFramework framework)
    {
        var text = new StringBuilder();
        text.Append("<!-- Generated by snippetcheck to resolve a snippet's packages: ").Append(SecurityElement.Escape(packages.Key)).Append(" -->\n");
        text.Append("<Project Sdk=\"").Append(web ? "Microsoft.NET.Sdk.Web" : "Microsoft.NET.Sdk").Append("\">\n");
        text.Append("  <PropertyGroup>\n");
        text.Append("    <TargetFramework>").Append(framework.Moniker).Append("</TargetFramework>\n");
        text.Append("    <OutputType>Exe</OutputType>\n");
        text.Append("    <EnableDefaultItems>false</EnableDefaultItems>\n");
        text.Append("    <ImplicitUsings>disable</ImplicitUsings>\n");
        // Vulnerability audits need the network and say nothing about whether a snippet works.
        text.Append("    <NuGetAudit>false</NuGetAudit>\n");
        text.Append("  </PropertyGroup>\n");
        text.Append("  <ItemGroup>\n");
        foreach (var package in packages.Packages)
        {
            text.Append("    <PackageReference Include=\"").Append(SecurityElement.Escape(package.Id))
                .Append("\" Version=\"").Append(SecurityElement.Escape(package.Version)).Append("\" />\n");
        }
        text.Append("  </ItemGroup>\n");
        text.Append("</Project>\n");
        return text.ToString();
    }
}
