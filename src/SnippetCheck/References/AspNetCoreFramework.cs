using SnippetCheck.Execution;

namespace SnippetCheck.References;

/// <summary>
/// The ASP.NET Core shared framework, installed with the SDK, for <c>#:sdk Microsoft.NET.Sdk.Web</c>:
/// snippets compile against its reference pack and the runner loads its implementation assemblies.
/// </summary>
internal static class AspNetCoreFramework
{
    public const string Name = "Microsoft.AspNetCore.App";

    private static readonly Lazy<IReadOnlyList<string>?> Runtime = new(FindRuntimeAssemblies);

    /// <summary>The shared framework's assemblies for the running .NET version; null when it is not installed.</summary>
    public static IReadOnlyList<string>? RuntimeAssemblies => Runtime.Value;

    private static IReadOnlyList<string>? FindRuntimeAssemblies()
    {
        var root = Path.Combine(DotnetInstallation.Root, "shared", Name);
        if (!Directory.Exists(root)) return null;
        var running = Environment.Version;
        var folder = Directory.GetDirectories(root)
            .Select(d => (Directory: d, Version: Version.TryParse(Path.GetFileName(d).Split('-')[0], out var v) ? v : null))
            .Where(c => c.Version is { } v && v.Major == running.Major && v.Minor == running.Minor)
            // The same patch as the running runtime if it is there, else the newest of the same major.minor.
            .OrderByDescending(c => c.Version!.Build == running.Build)
            .ThenByDescending(c => c.Version)
            .Select(c => c.Directory)
            .FirstOrDefault();
        return folder is null ? null : [.. Directory.GetFiles(folder, "*.dll").Order(StringComparer.Ordinal)];
    }
}
