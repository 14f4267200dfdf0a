using SnippetCheck.Model;

namespace SnippetCheck.References;

/// <summary>
/// A path that a project, a <c>nuget.config</c> or a config names and <see cref="Checkout.Refusal"/> refuses: nothing is
/// granted, built or read. <see cref="Code"/> is <c>SC3017</c> under <c>--untrusted</c>.
/// </summary>
/// <param name="place">Where the path is named (a <c>ProjectReference</c>'s line, a feed's); null for the project a post names itself.</param>
internal sealed class ReachRefusedException(SourceLocation? place, string code, string problem)
    : Exception(place is { } at ? $"{at}: {problem}" : problem)
{
    public SourceLocation? Place { get; } = place;

    public string Code { get; } = code;

    public string Problem { get; } = problem;

    /// <summary>The refusal of <paramref name="named"/> (<c>the ProjectReference '../x.csproj'</c>) for <paramref name="reason"/>.</summary>
    public static ReachRefusedException Of(Checkout checkout, SourceLocation? place, string named, string reason) => checkout.Untrusted
        ? new(place, DiagnosticCodes.UntrustedRefused, Configuration.Untrusted.Message(named, reason))
        : new(place, DiagnosticCodes.Package, $"refused {named}: it {reason}; no build may read it");

    /// <summary>As a setup error of the run (exit code 2): a refused config <c>references</c> or <c>nuget.config</c>.</summary>
    public VerificationSetupException AsSetupError() => Place is { } at ? new(Code, at, Problem) : new(Code, Problem);
}
