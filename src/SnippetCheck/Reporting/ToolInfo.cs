using System.Reflection;

namespace SnippetCheck.Reporting;

/// <summary>The tool's name and version, from the one place the version is set (Directory.Build.props).</summary>
public static class ToolInfo
{
    public static string Version { get; } =
        (typeof(ToolInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0")
        .Split('+')[0];

    public static string NameAndVersion => $"snippetcheck {Version}";
}
