namespace SnippetCheck.Configuration;

/// <summary>A configuration problem, naming the file and the key.</summary>
internal sealed class ConfigException(string file, int line, string message) : Exception(message)
{
    internal string File { get; } = file;
    internal int Line { get; } = line;

    /// <summary>
    /// The diagnostic it is reported as when not a plain bad value (<see cref="Untrusted.Refusal"/>); null: bad config or
    /// front matter.
    /// </summary>
    internal string? Code { get; init; }
}
