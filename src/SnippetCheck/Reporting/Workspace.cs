namespace SnippetCheck.Reporting;

/// <summary>
/// A repository root that reported paths are shown relative to (<c>$GITHUB_WORKSPACE</c>), and the folder those paths
/// are relative to now: the host's working directory, never the process's own.
/// </summary>
/// <param name="Root">The repository root.</param>
/// <param name="BaseDirectory">The folder the run's reported paths are relative to.</param>
internal sealed record Workspace(string Root, string BaseDirectory);
