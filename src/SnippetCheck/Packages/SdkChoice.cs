using System.Text;
using SnippetCheck.Execution;

namespace SnippetCheck.Packages;

/// <summary>
/// Everything the <c>dotnet</c> host reads to pick an SDK in a folder, as one text: the host, the SDKs installed beside
/// it, every <c>global.json</c> from the folder up to the root (path and content), and the host's <c>DOTNET_*</c>
/// variables. Two folders with the same text get the same SDK, so a version asked once can be read back.
/// </summary>
internal static class SdkChoice
{
    /// <summary>The text, or null where it cannot be trusted to decide alone: a global.json that names SDK folders of its own (<c>paths</c>).</summary>
    public static string? Of(string directory)
    {
        var text = new StringBuilder();
        text.Append("host=").Append(DotnetCli.Host).Append('\n');
        var sdks = Path.Combine(DotnetInstallation.Root, "sdk");
        if (Directory.Exists(sdks))
        {
            foreach (var sdk in Directory.GetDirectories(sdks).Select(Path.GetFileName).Order(StringComparer.Ordinal)) text.Append("sdk=").Append(sdk).Append('\n');
        }
        for (var folder = new DirectoryInfo(Path.GetFullPath(directory)); folder is not null; folder = folder.Parent)
        {
            var globalJson = Path.Combine(folder.FullName, "global.json");
            if (!File.Exists(globalJson)) continue;
            var content = File.ReadAllText(globalJson);
            if (content.Contains("\"paths\"", StringComparison.Ordinal)) return null;
            text.Append("global.json=").Append(globalJson).Append('\n').Append(content.Length).Append('\n').Append(content).Append('\n');
        }
        var variables = Environment.GetEnvironmentVariables();
        foreach (var name in variables.Keys.Cast<string>().Where(n => n.StartsWith("DOTNET_", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal))
        {
            text.Append("var=").Append(name).Append('=').Append(variables[name] as string).Append('\n');
        }
        return text.ToString();
    }
}
