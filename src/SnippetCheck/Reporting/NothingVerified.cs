using SnippetCheck.Model;
using SnippetCheck.Results;

namespace SnippetCheck.Reporting;

/// <summary>
/// What a run that verified nothing says: a green run that checked no snippet is not a pass
/// worth trusting, so it ends with a hint, and under <c>--require-verified</c> it fails with SC3010.
/// </summary>
internal static class NothingVerified
{
    /// <summary>The one-line hint that closes a run which verified nothing while some blocks are untagged; else null.</summary>
    /// <remarks>The commands repeat the run's paths: run from the same folder, they cover the same files.</remarks>
    public static string? Hint(VerificationReport report)
    {
        if (!report.NothingVerified || report.Untagged == 0) return null;
        var paths = string.Concat(report.Paths.Select(p => " " + (p.Contains(' ', StringComparison.Ordinal) ? $"\"{p}\"" : p)));
        return $"hint: nothing was verified: {Blocks(report.Untagged)} untagged; 'snippetcheck adopt{paths}' tags the ones that pass, " +
            $"'snippetcheck --all{paths}' checks them all";
    }

    /// <summary>The SC3010 line of a run that fails for verifying nothing (<see cref="VerificationReport.FailsForNothingVerified"/>).</summary>
    public static ConsoleLine Error(VerificationReport report) => ConsoleLine.ToolError(DiagnosticCodes.NothingVerified, Message(report));

    /// <summary>The SC3010 message, without the code.</summary>
    public static string Message(VerificationReport report) =>
        $"nothing was verified ({Blocks(report.Blocks)}, none passed or failed) and verified snippets are required (--require-verified)";

    private static string Blocks(int count) => count == 1 ? "1 C# block" : $"{count} C# blocks";
}
