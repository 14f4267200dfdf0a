using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

using SnippetCheck.Execution;

namespace SnippetCheck.Compilation;

/// <summary>
/// The reference assemblies of the shared framework the tool runs on, loaded once per process.
/// They come from the SDK's targeting pack (<c>packs/Microsoft.NETCore.App.Ref/&lt;version&gt;/ref/net10.0</c>),
/// exactly what a <c>net10.0</c> project compiles against.
/// </summary>
internal static class ReferenceAssemblies
{
    internal const string TargetFramework = "net10.0";

    private static readonly Lazy<ImmutableArray<MetadataReference>> NetCore = new(() => Load("Microsoft.NETCore.App.Ref"));
    private static readonly Lazy<ImmutableArray<MetadataReference>> AspNetCore = new(() => Load("Microsoft.AspNetCore.App.Ref"));

    /// <summary>Microsoft.NETCore.App reference assemblies. Throws <see cref="TargetingPackMissingException"/>.</summary>
    internal static ImmutableArray<MetadataReference> Default => NetCore.Value;

    /// <summary>Microsoft.AspNetCore.App reference assemblies, for <c>#:sdk Microsoft.NET.Sdk.Web</c>.</summary>
    public static ImmutableArray<MetadataReference> Web => AspNetCore.Value;

    /// <summary>The implicit usings the Web SDK adds to a project's (SDK's Microsoft.NET.Sdk.Web targets).</summary>
    public static readonly IReadOnlyList<string> WebUsings =
    [
        "System.Net.Http.Json", "Microsoft.AspNetCore.Builder", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Http",
        "Microsoft.AspNetCore.Routing", "Microsoft.Extensions.Configuration", "Microsoft.Extensions.DependencyInjection",
        "Microsoft.Extensions.Hosting", "Microsoft.Extensions.Logging",
    ];

    /// <summary>Finds the pack folder for the running runtime, or the newest one of the same major version.</summary>
    internal static string FindPackDirectory(string packName)
    {
        var packRoot = Path.Combine(DotnetInstallation.Root, "packs", packName);
        var running = Environment.Version;
        var exact = Path.Combine(packRoot, $"{running.Major}.{running.Minor}.{running.Build}", "ref", TargetFramework);
        if (Directory.Exists(exact)) return exact;

        var candidates = Directory.Exists(packRoot)
            ? Directory.GetDirectories(packRoot)
                .Select(d => (Directory: d, Version: Version.TryParse(Path.GetFileName(d).Split('-')[0], out var v) ? v : null))
                .Where(c => c.Version is { } v && v.Major == running.Major && Directory.Exists(Path.Combine(c.Directory, "ref", TargetFramework)))
                .OrderByDescending(c => c.Version)
                .ToList()
            : [];
        if (candidates.Count > 0) return Path.Combine(candidates[0].Directory, "ref", TargetFramework);

        throw new TargetingPackMissingException(
            $"the {packName} targeting pack for .NET {running.Major}.{running.Minor} was not found under '{packRoot}'. " +
            "Snippets compile against it; install the .NET 10 SDK (not only the runtime), or set DOTNET_ROOT to an SDK installation.");
    }

    private static ImmutableArray<MetadataReference> Load(string packName)
    {
        var directory = FindPackDirectory(packName);
        return [.. Directory.GetFiles(directory, "*.dll").Order(StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))];
    }
}
