using System.Globalization;
using SnippetCheck.Model;
using SnippetCheck.Results;

namespace SnippetCheck.Reporting;

/// <summary>Small wordings the report formats share, so a snippet is called the same thing in each.</summary>
internal static class ReportText
{
    /// <summary>A snippet's stable, readable name: its <c>name=</c>, else <c>line 40</c> (the fence's line).</summary>
    internal static string Label(SnippetResult result) => result.Snippet.Tags.Name ?? $"line {result.Location.Line}";

    /// <summary>Seconds with three decimals, whatever the current culture (JUnit <c>time</c>).</summary>
    internal static string Seconds(TimeSpan duration) => duration.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture);

    /// <summary>The failure's headline with its detail (diff, stack trace, compiler errors) below, if any.</summary>
    internal static string MessageWithDetail(SnippetResult result) =>
        string.IsNullOrWhiteSpace(result.Detail) ? result.Message ?? "" : $"{result.Message}\n{result.Detail.TrimEnd()}";

    /// <summary>
    /// The codes SARIF and JUnit name a failure by: <c>Own</c>, the one its finder gave it where there is one (the
    /// compiler's <c>CS0117</c>, the runtime's exception type), else the tool's; <c>Tool</c>, the tool's SC code for
    /// it (<c>SC2012</c> for any compile error), which those reports keep beside it.
    /// </summary>
    internal static (string Own, string Tool) FailureCodes(SnippetResult result)
    {
        var code = result.Code ?? DiagnosticCodes.InternalError;
        var tool = DiagnosticCatalog.Find(code) is null ? DiagnosticCodes.CompileError : code;
        var own = (result.Verdict as Verdict.Failed)?.Failure switch
        {
            ExceptionFailure thrown => thrown.Type,
            WrongExceptionFailure thrown => thrown.Type,
            _ => code,
        };
        return (own, tool);
    }

    /// <summary>A file error in the MSBuild canonical form: <c>path(line,col): error CODE: message</c>.</summary>
    public static string Canonical(Diagnostic error) => ConsoleLine.OfFileError(error).ToString();

    /// <summary>A file error's column, or 1 when the error is about the whole file.</summary>
    internal static int Column(Diagnostic error) => Math.Max(1, error.Location.Column);

    /// <summary>A file error's line, or 1 when the error is about the whole file.</summary>
    internal static int Line(Diagnostic error) => Math.Max(1, error.Location.Line);

    /// <summary>
    /// A report path as a repository-relative path with forward slashes. Reported paths are already relative to the
    /// run's folder when below it; with a <paramref name="workspace"/> (e.g. <c>GITHUB_WORKSPACE</c>) they are made
    /// relative to its root instead. Paths outside stay absolute.
    /// </summary>
    internal static string RepoRelative(string path, Workspace? workspace = null)
    {
        if (workspace is null) return path.Replace('\\', '/');
        var full = Path.GetFullPath(path, workspace.BaseDirectory);
        var relative = Path.GetRelativePath(Path.GetFullPath(workspace.Root, workspace.BaseDirectory), full);
        var isBelow = !relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative);
        return (isBelow ? relative : full).Replace('\\', '/');
    }

    /// <summary>The tool's own warnings on a snippet (a foreign attribute); compiler warnings stay out, as on the console.</summary>
    internal static IEnumerable<Diagnostic> ToolWarnings(VerificationReport report, SnippetResult result) =>
        result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning && d.Id.StartsWith("SC", StringComparison.Ordinal)).Concat(
            RotWarning(report, result));

    /// <summary>
    /// An untagged block that failed (<c>verify --all</c>) with evidence that it is broken, as the SC2016 warning SARIF and
    /// GitHub carry beside its failure; the evidence is <see cref="RotEvidence"/>'s, the one <c>adopt</c> lists.
    /// </summary>
    internal static IEnumerable<Diagnostic> RotWarning(VerificationReport report, SnippetResult result)
    {
        // A throw for a service the page names (Docker, a database) is the machine's lack, as adopt's rot report reads it.
        if (result.Snippet.IsTagged || RotEvidence.Of(result) is not { } rot
            || RotEvidence.ThrownForAServiceThePageNames(rot, report.TextOf(result.Snippet.Location.File), result)) yield break;
        yield return Diagnostic.Warning(DiagnosticCodes.SuspectedRot, rot.Warning, rot.Location);
    }
}
