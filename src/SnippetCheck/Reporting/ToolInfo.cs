using System.Reflection;

namespace SnippetCheck.Reporting;

/// <summary>The tool's name, version and home, from the one place each is set (Directory.Build.props).</summary>
public static class ToolInfo
{
    // The SDK's SourceLink appends "+<commit>" to the informational version of a build from a git checkout.
    private static readonly string[] InformationalVersion =
        (typeof(ToolInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0")
        .Split('+', 2);

    /// <summary>
    /// The SemVer version, without the commit: what reports and the language server show, so that two builds of one
    /// release agree. (The result cache keys on the build itself, CacheKey.ToolIdentity.)
    /// </summary>
    public static string Version { get; } = InformationalVersion[0];

    /// <summary>
    /// <see cref="Version"/> without a local build's suffix (<c>0.1.0-local.20261126101628</c>, eng/pack-local-feed.sh,
    /// reads <c>0.1.0</c>): what readers are shown, in render's verified mark. A release's own version, a prerelease's
    /// included, is kept whole.
    /// </summary>
    public static string ReleaseVersion { get; } = ReleaseOf(Version);

    internal static string ReleaseOf(string version) =>
        version.IndexOf(LocalSuffix, StringComparison.Ordinal) is var at and > 0 ? version[..at] : version;

    /// <summary>What eng/pack-local-feed.sh appends to the version of every local pack, before the time.</summary>
    private const string LocalSuffix = "-local.";

    /// <summary>The full commit hash the tool was built from, or null for a build outside a git checkout.</summary>
    public static string? Commit { get; } = InformationalVersion.Length == 2 && InformationalVersion[1].Length > 0 ? InformationalVersion[1] : null;

    /// <summary>
    /// <see cref="Version"/> with the first 7 characters of <see cref="Commit"/> as SemVer build metadata
    /// (<c>1.2.3+abcdef1</c>), for <c>snippetcheck --version</c>: a bug report then names the exact build.
    /// </summary>
    public static string VersionWithCommit { get; } = Commit is null ? Version : $"{Version}+{Commit[..Math.Min(7, Commit.Length)]}";

    internal static string NameAndVersion => $"snippetcheck {Version}";

    /// <summary>The project's home page (the repository), for reports that link back to the tool.</summary>
    public static string RepositoryUrl { get; } =
        typeof(ToolInfo).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RepositoryUrl")?.Value?.TrimEnd('/') ?? "https://github.com/snippetcheck/snippetcheck";

    /// <summary>The page that explains every SC code.</summary>
    public static string DiagnosticsDocsUrl => $"{RepositoryUrl}/blob/main/{Model.DiagnosticCatalog.DocsPath}";
}
