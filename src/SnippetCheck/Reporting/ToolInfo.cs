using System.Reflection;

namespace SnippetCheck.Reporting;

/// <summary>The tool's name, version and home, from the one place each is set (Directory.Build.props).</summary>
public static class ToolInfo
{
    public static string Version { get; } =
        (typeof(ToolInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0")
        .Split('+')[0];

    public static string NameAndVersion => $"snippetcheck {Version}";

    /// <summary>The project's home page (the repository), for reports that link back to the tool.</summary>
    public static string RepositoryUrl { get; } =
        typeof(ToolInfo).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RepositoryUrl")?.Value?.TrimEnd('/') ?? "https://github.com/snippetcheck/snippetcheck";

    /// <summary>The page that explains every SC code.</summary>
    public static string DiagnosticsDocsUrl => $"{RepositoryUrl}/blob/main/{Model.DiagnosticCatalog.DocsPath}";
}
