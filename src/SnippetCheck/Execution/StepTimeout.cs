namespace SnippetCheck.Execution;

/// <summary>
/// How long a confined restore or build may run before it is killed with everything it started (SECURITY.md): generous,
/// so that only one that hangs meets it. <c>SNIPPETCHECK_BUILD_TIMEOUT</c> (seconds) replaces both: a test seam
/// (docs/packages.md), so a test of a build that never ends takes seconds.
/// </summary>
internal static class StepTimeout
{
    public const string Variable = "SNIPPETCHECK_BUILD_TIMEOUT";

    /// <summary>A restore: NuGet's downloads on a slow feed.</summary>
    public static TimeSpan Restore => Asked ?? TimeSpan.FromMinutes(10);

    /// <summary>A build of a post's project (or a generated project's reference resolution).</summary>
    public static TimeSpan Build => Asked ?? TimeSpan.FromMinutes(10);

    private static TimeSpan? Asked =>
        int.TryParse(Environment.GetEnvironmentVariable(Variable), System.Globalization.NumberStyles.None,
            System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds > 0 ? TimeSpan.FromSeconds(seconds) : null;

    /// <summary>A timeout as a diagnostic says it: <c>10 minutes</c>, <c>8 seconds</c>.</summary>
    public static string Describe(TimeSpan timeout) =>
        timeout.TotalMinutes >= 1 && timeout.Seconds == 0 ? $"{timeout.TotalMinutes:0} minutes" : $"{timeout.TotalSeconds:0} seconds";
}
