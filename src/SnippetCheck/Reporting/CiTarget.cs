namespace SnippetCheck.Reporting;

/// <summary>What <c>--ci</c> asks for.</summary>
internal enum CiMode
{
    /// <summary>GitHub Actions when <c>GITHUB_ACTIONS=true</c>, else none (<see cref="CiTarget.Resolve"/>).</summary>
    Auto,

    /// <summary>No CI output: the console and the requested reports only.</summary>
    None,

    /// <summary>GitHub Actions: <c>::error</c> annotations and the step summary.</summary>
    GitHub,
}

/// <summary>
/// The CI system a verify run writes for, besides its console text and reports. Decided once, here, from
/// <c>--ci</c> and the environment; nothing else in the tool looks at <c>GITHUB_ACTIONS</c>.
/// </summary>
/// <param name="GitHubActions">Write <c>::error</c> annotations and the step summary.</param>
/// <param name="StepSummaryPath"><c>$GITHUB_STEP_SUMMARY</c>, where the Markdown summary is appended; null: none.</param>
/// <param name="Workspace"><c>$GITHUB_WORKSPACE</c>, the root that annotation paths are made relative to.</param>
internal sealed record CiTarget(bool GitHubActions, string? StepSummaryPath = null, string? Workspace = null)
{
    /// <summary>No CI output.</summary>
    public static CiTarget None { get; } = new(GitHubActions: false);

    /// <summary>Where a run asked for with <paramref name="mode"/> writes, given the <paramref name="environment"/>.</summary>
    public static CiTarget Resolve(CiMode mode, Func<string, string?> environment)
    {
        var gitHub = mode switch
        {
            CiMode.Auto => string.Equals(environment("GITHUB_ACTIONS"), "true", StringComparison.OrdinalIgnoreCase),
            CiMode.None => false,
            CiMode.GitHub => true,
            _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "not a CI mode"),
        };
        return gitHub ? new CiTarget(true, NullIfEmpty(environment("GITHUB_STEP_SUMMARY")), NullIfEmpty(environment("GITHUB_WORKSPACE"))) : None;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
