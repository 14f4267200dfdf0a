namespace SnippetCheck.Cli.Lsp;

/// <summary><c>file:</c> URIs, the only documents the server verifies (an untitled buffer has no folder to find a config from).</summary>
internal static class DocumentUris
{
    public static string? ToPath(string uri) =>
        Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && parsed.IsFile ? Path.GetFullPath(parsed.LocalPath) : null;

    public static string FromPath(string path) => new Uri(Path.GetFullPath(path)).AbsoluteUri;
}
