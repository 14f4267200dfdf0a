namespace SnippetCheck.Execution;

/// <summary>
/// What one restore or build may reach beyond the system and the SDK: the project's folders, its obj and output folders, its local feeds.
/// </summary>
/// <param name="Read">Folders and files it reads (the project's folders, the <c>Directory.Build.*</c> and config files above them, the package
/// folders).</param>
/// <param name="Write">Folders it writes (its obj folders, its output folder in the tool's cache).</param>
internal sealed record BuildReach(IReadOnlyList<string> Read, IReadOnlyList<string> Write)
{
    /// <summary>The local feeds and fallback folders among <see cref="Read"/>, named in the run's grants.</summary>
    public IReadOnlyList<string> Feeds { get; init; } = [];
}
