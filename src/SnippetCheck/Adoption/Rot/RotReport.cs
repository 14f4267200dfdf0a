using System.Text.RegularExpressions;
using SnippetCheck.Adoption.Inference.Packages;
using SnippetCheck.Extraction;
using SnippetCheck.Results;
using SnippetCheck.Extraction.Snippets;

namespace SnippetCheck.Adoption.Rot;

/// <summary>
/// What <c>adopt</c> lists as suspected rot (docs/authoring.md, "What adopt reports as rot"): the blocks whose last
/// result carries evidence that they are broken (<see cref="RotEvidence"/>), read with the prose around them.
/// </summary>
internal static partial class RotReport
{
    /// <summary>The evidence that <paramref name="failed"/>, a block of <paramref name="document"/>, is broken; null for none.</summary>
    public static SuspectedRot? Of(SourceDocument document, Snippet snippet, SnippetResult? failed) =>
        failed is not null && RotEvidence.Of(failed, RotContext.Around(document, snippet.Block)) is { } rot
            && !IsAnUninstalledPackage(rot, document, snippet) && !RotContext.RestsOnAGuess(rot, document, failed)
            && !RotEvidence.ThrownForAServiceThePageNames(rot, document.Text, failed) ? rot : null;

    /// <summary>
    /// A namespace its package's root lacks (CS0234: no <c>Security</c> in <c>FastEndpoints</c>) that is a package of its own
    /// the page installs (<c>dotnet add package FastEndpoints.Security</c>) or names as a package ("I'm using the
    /// Octokit.Reactive package") and the block was not given (no source here has it, or it did not restore): a package
    /// missing here, not an API gone.
    /// </summary>
    private static bool IsAnUninstalledPackage(SuspectedRot rot, SourceDocument document, Snippet snippet)
    {
        if (rot is not { Evidence: RotEvidence.KnownApi, Id: "CS0234" }) return false;
        var quoted = Quoted().Matches(rot.Message).Select(m => m.Groups[1].Value).ToList();
        if (quoted.Count < 2) return false;
        var missing = $"{quoted[1]}.{quoted[0]}";
        // Its install line, its name in code on a line about packages, or its name in the prose's words ("the X package").
        var named = PackageEvidence.InstallLines(document.Text).Concat(PackageEvidence.Listed(document.Text)).Select(c => c[0].Id)
            .Concat(Regex.IsMatch(document.Text, $@"\b{Regex.Escape(missing)}\s+(?:NuGet\s+)?package\b|\bpackage\s+{Regex.Escape(missing)}\b",
                RegexOptions.IgnoreCase) ? [missing] : []);
        return named
            .Where(id => !snippet.Tags.Packages.Any(p => p.Id.Equals(id, StringComparison.OrdinalIgnoreCase)))
            .Any(id => missing.Equals(id, StringComparison.OrdinalIgnoreCase) || id.StartsWith(missing + ".", StringComparison.OrdinalIgnoreCase)
                || missing.StartsWith(id + ".", StringComparison.OrdinalIgnoreCase));
    }

    [GeneratedRegex(@"'([^']+)'")]
    private static partial Regex Quoted();

    /// <summary>A prose claim the example does not bear out, as suspected rot at the prose's line.</summary>
    internal static SuspectedRot OfClaim(ProseClaim claim, string actual, Snippet snippet) =>
        new(claim.Location, "prose", $"the prose says '{claim.Variable}' holds {claim.Stated}, but after the example it is {actual}",
            RotEvidence.Claim,
            "fix the prose or the example (no check was written for it)") { Block = snippet.Location };
}
