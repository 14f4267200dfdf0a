using System.Text.Json;

namespace SnippetCheck.References;

/// <summary>
/// A <c>global.json</c>'s <c>sdk.paths</c> (.NET 10): folders the <c>dotnet</c> host searches for SDKs instead of its own
/// installation, relative to the file. A pull request's global.json can so make every <c>dotnet</c> the tool starts in
/// its checkout run an SDK of its own: <c>--untrusted</c> refuses such a file (<see cref="OwnSdkFolders"/>).
/// </summary>
internal static class GlobalJsonSdk
{
    /// <summary>What the host reads as its own installation, not a folder of the file's.</summary>
    private const string Host = "$host$";

    /// <summary>
    /// The global.json files above <paramref name="root"/> (the host reads the first one it finds going up) and within
    /// it (where a post's or a project's folder puts the host), but <c>.git</c> and linked folders, that name SDK folders
    /// other than the host's own; each with the line and column of its <c>"paths"</c>.
    /// </summary>
    public static IEnumerable<(string File, int Line, int Column)> OwnSdkFolders(string root)
    {
        var above = new List<string>();
        for (var folder = Path.GetDirectoryName(Path.GetFullPath(root)); folder is not null; folder = Path.GetDirectoryName(folder))
            above.Add(Path.Combine(folder, "global.json"));
        var options = new EnumerationOptions
        {
            RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint,
        };
        var git = $"{Path.DirectorySeparatorChar}.git{Path.DirectorySeparatorChar}";
        var within = Directory.Exists(root)
            ? Directory.EnumerateFiles(root, "global.json", options).Where(f => !f.Contains(git, StringComparison.Ordinal))
            : [];
        foreach (var file in above.Where(File.Exists).Concat(within).Order(StringComparer.Ordinal))
        {
            if (PathsPlace(file) is { } place) yield return (file, place.Line, place.Column);
        }
    }

    /// <summary>
    /// The SDK folders the global.json that governs <paramref name="folder"/> names (the host reads the first one it finds
    /// going up), resolved against its folder: a confined <c>dotnet</c> of a trusted run reads them to find its SDK.
    /// </summary>
    public static IEnumerable<string> FoldersFor(string folder)
    {
        for (var above = Path.GetFullPath(folder); above is not null; above = Path.GetDirectoryName(above))
        {
            var file = Path.Combine(above, "global.json");
            if (!File.Exists(file)) continue;
            return (Named(file).Folders ?? []).Where(p => p != Host && p != "?").Select(p => Path.GetFullPath(p, above))
                .Where(Directory.Exists).ToList();
        }
        return [];
    }

    /// <summary>Where <paramref name="file"/> names SDK folders other than the host's; null when it names none (or is not JSON).</summary>
    private static (int Line, int Column)? PathsPlace(string file)
    {
        var (text, folders) = Named(file);
        if (folders is null || folders.All(p => p == Host)) return null;
        var index = text.IndexOf("\"paths\"", StringComparison.Ordinal);
        var lineStart = text.LastIndexOf('\n', Math.Max(index - 1, 0)) + 1;
        return index < 0 ? (1, 1) : (text.AsSpan(0, index).Count('\n') + 1, index - lineStart + 1);
    }

    /// <summary>
    /// The file's text and every value of every <c>sdk.paths</c> in it (a key written twice must not hide one the host
    /// takes; a value that is not a string is <c>?</c>); null folders when it names none or is not JSON the host would read.
    /// </summary>
    private static (string Text, List<string>? Folders) Named(string file)
    {
        try
        {
            var text = File.ReadAllText(file);
            var lenient = new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
            using var json = JsonDocument.Parse(text, lenient);
            if (json.RootElement.ValueKind != JsonValueKind.Object) return (text, null);
            var paths = json.RootElement.EnumerateObject().Where(p => p.Name == "sdk" && p.Value.ValueKind == JsonValueKind.Object)
                .SelectMany(sdk => sdk.Value.EnumerateObject().Where(p => p.Name == "paths")).Select(p => p.Value).ToList();
            if (paths.Count == 0) return (text, null);
            return (text, [.. paths.SelectMany(value => value.ValueKind == JsonValueKind.Array
                ? value.EnumerateArray().Select(p => p.ValueKind == JsonValueKind.String ? p.GetString()! : "?")
                : ["?"])]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return ("", null);
        }
    }
}
