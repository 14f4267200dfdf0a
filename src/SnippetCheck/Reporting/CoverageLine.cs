using System.Globalization;
using SnippetCheck.Model;
using SnippetCheck.Results;

namespace SnippetCheck.Reporting;

/// <summary>
/// How much of a run's C# the run verified: <c>verified 415 of 1860 C# blocks (22.3 %)</c>, and the SC3013 error of
/// a run below its <c>--min-coverage</c>. The percentage is rounded down, so a gate of 50 never reads as passed at 49.96.
/// </summary>
internal static class CoverageLine
{
    /// <summary>
    /// <c>verified 415 of 1860 C# blocks (22.3 %)</c>; with <c>check</c> blocks, the levels apart:
    /// <c>verified 415 and checked 700 of 1860 C# blocks (22.3 % verified, 60 % checked or better)</c>.
    /// </summary>
    public static string For(VerificationReport report) => report.AtCheckLevel == 0
        ? $"verified {report.Verified} of {report.Blocks} C# {(report.Blocks == 1 ? "block" : "blocks")} ({Percent(report.Coverage)} %)"
        : $"verified {report.Verified} and checked {report.AtCheckLevel} of {report.Blocks} C# {(report.Blocks == 1 ? "block" : "blocks")} " +
          $"({Percent(report.Coverage)} % verified, {Percent(report.CheckCoverage)} % checked or better)";

    public static string Message(VerificationReport report) => report.MinCoverage is { } minimum && report.Coverage < minimum
        ? $"coverage {Percent(report.Coverage)} % is below the minimum of {Percent(minimum)} % (--min-coverage, \"minCoverage\"): verify more " +
        $"blocks ('snippetcheck adopt' tags the ones that pass) or lower the minimum"
        : $"coverage at the check level or better {Percent(report.CheckCoverage)} % is below the minimum of " +
        $"{Percent(report.MinCheckCoverage ?? 0)} % (--min-check-coverage, \"minCheckCoverage\"): check or verify more blocks or lower the minimum";

    /// <summary>The SC3013 line of a run below its minimum: a tool error, as the run did not reach what it was asked to.</summary>
    public static ConsoleLine Error(VerificationReport report) => ConsoleLine.ToolError(DiagnosticCodes.CoverageBelowMinimum, Message(report));

    /// <summary>The percentage with one decimal, rounded down.</summary>
    public static string Percent(double percent) =>
        (Math.Floor(percent * 10) / 10).ToString("0.#", CultureInfo.InvariantCulture);
}
