using SnippetCheck.Execution;
using SnippetCheck.Caching.Store;

namespace SnippetCheck.References;

/// <summary>
/// Everything the <c>dotnet</c> host reads to pick an SDK in a folder, as one store key: the host, the SDKs installed
/// beside it, every <c>global.json</c> from the folder up to the root (path and content), and the host's <c>DOTNET_*</c>
/// variables. Two folders with the same key get the same SDK, so a version asked once can be read back.
/// </summary>
internal static class SdkChoice
{
    /// <summary>
    /// The key's hash, or null where it cannot be trusted to decide alone: a global.json that names SDK folders of its own (<c>paths</c>).
    /// </summary>
    public static string? Of(string directory)
    {
        var key = new StoreKey().Add("host", DotnetCli.Host);
        var sdks = Path.Combine(DotnetInstallation.Root, "sdk");
        if (Directory.Exists(sdks))
        {
            foreach (var sdk in Directory.GetDirectories(sdks).Select(Path.GetFileName).Order(StringComparer.Ordinal)) key.Add("sdk", sdk);
        }
        for (var folder = new DirectoryInfo(Path.GetFullPath(directory)); folder is not null; folder = folder.Parent)
        {
            var globalJson = Path.Combine(folder.FullName, "global.json");
            if (!File.Exists(globalJson)) continue;
            var content = File.ReadAllText(globalJson);
            if (content.Contains("\"paths\"", StringComparison.Ordinal)) return null;
            key.Add("global.json", globalJson).Add("content", content);
        }
        var variables = Environment.GetEnvironmentVariables();
        foreach (var name in variables.Keys.Cast<string>().Where(n => n.StartsWith("DOTNET_", StringComparison.OrdinalIgnoreCase)).Order(
            StringComparer.Ordinal))
        {
            key.Add("variable", name).Add("value", variables[name] as string);
        }
        return key.Hash();
    }
}
