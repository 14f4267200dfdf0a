namespace SnippetCheck.Reporting;

/// <summary>
/// The CI system a verify run writes for, besides its console text and reports. Decided once, here, from
/// <c>--ci</c> and the environment; nothing else in the tool looks at <c>GITHUB_ACTIONS</c>.
/// </summary>
/// <param name="GitHubActions">Write <c>::error</c> annotations and the step summary.</param>
/// <param name="StepSummaryPath"><c>$GITHUB_STEP_SUMMARY</c>, where the Markdown summary is appended; null: none.</param>
/// <param name="Workspace"><c>$GITHUB_WORKSPACE</c>, the root that annotation paths are made relative to.</param>
internal sealed record CiTarget(bool GitHubActions, string? StepSummaryPath = null, Workspace? Workspace = null)
{
    /// <summary>No CI output.</summary>
    public static CiTarget None { get; } = new(GitHubActions: false);

    /// <summary>Where a run asked for with <paramref name="mode"/> writes, given the <paramref name="environment"/>.</summary>
    /// <param name="mode">What <c>--ci</c> asked for.</param>
    /// <param name="environment">Reads an environment variable.</param>
    /// <param name="baseDirectory">The folder the run's reported paths are relative to (the host's working directory).</param>
    public static CiTarget Resolve(CiMode mode, Func<string, string?> environment, string baseDirectory)
    {
        var gitHub = mode switch
        {
            CiMode.Auto => string.Equals(environment("GITHUB_ACTIONS"), "true", StringComparison.OrdinalIgnoreCase),
            CiMode.None => false,
            CiMode.GitHub => true,
            _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "not a CI mode"),
        };
        if (!gitHub) return None;
        var workspace = NullIfEmpty(environment("GITHUB_WORKSPACE")) is { } root ? new Workspace(root, baseDirectory) : null;
        var summary = NullIfEmpty(environment("GITHUB_STEP_SUMMARY")) is { } path ? Path.GetFullPath(path, baseDirectory) : null;
        return new CiTarget(true, summary, workspace);
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
