using SnippetCheck.Configuration;
using SnippetCheck.Extraction.Discovery;
using SnippetCheck.Model;

namespace SnippetCheck.References;

/// <summary>The config's <c>packages</c> and <c>packageVersions</c> pins, each where it stands in the config file.</summary>
internal static class ConfigPins
{
    /// <summary>
    /// The config's pins <paramref name="pins"/> (<c>Id@Version</c>), each located at its text in the config file
    /// <paramref name="configPath"/> (line 1 when it is not found there: a pin the command line gave); shown relative to
    /// <paramref name="currentDirectory"/>.
    /// </summary>
    public static IReadOnlyList<PackageRequest> Of(IReadOnlyList<string>? pins, string? configPath, string currentDirectory)
    {
        if (pins is not { Count: > 0 }) return [];
        var full = configPath is null ? Path.Combine(currentDirectory, ConfigLoader.FileName) : Path.GetFullPath(configPath, currentDirectory);
        var file = DocumentDiscovery.DisplayPath(full, currentDirectory);
        string text;
        try
        {
            text = File.Exists(full) ? File.ReadAllText(full) : "";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            text = "";
        }
        SourceLocation Where(string pin)
        {
            var at = text.IndexOf(pin, StringComparison.Ordinal);
            if (at < 0) return new SourceLocation(file, 1, 1);
            var lineStart = text.LastIndexOf('\n', Math.Max(0, at - 1)) + 1;
            return new SourceLocation(file, text.AsSpan(0, at).Count('\n') + 1, at - lineStart + 1);
        }
        return [.. pins.Select(p => PackageRequest.TryParse(p, Where(p))).OfType<PackageRequest>()];
    }
}
