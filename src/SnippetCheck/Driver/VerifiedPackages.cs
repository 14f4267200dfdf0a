using SnippetCheck.Model;
using SnippetCheck.Programs;
using SnippetCheck.Results;

namespace SnippetCheck.Driver;

/// <summary>The package versions each verified block was verified with, for the reports (the JSON report's <c>packages</c>).</summary>
internal static class VerifiedPackages
{
    /// <summary>
    /// <paramref name="results"/>, each passed or failed one with the pins its program restored (<see cref="ProgramPins"/>):
    /// a pin no source has never passes (SC2018), so they are the versions it was verified with.
    /// </summary>
    /// <param name="configPackages">The config's <c>packages</c>, which every program restores.</param>
    /// <param name="moved">True in a run that read pins as other versions (<c>--packages newest</c>), whose messages name them.</param>
    public static List<SnippetResult> Named(
        IEnumerable<SnippetResult> results, IReadOnlyList<PreparedDocument> documents, IReadOnlyList<string>? configPackages, bool moved)
    {
        var documentOf = documents.SelectMany(d => d.Snippets.Snippets.Select(s => (Snippet: s, Document: d)))
            .DistinctBy(p => p.Snippet.Location).ToDictionary(p => p.Snippet.Location, p => p.Document);
        var configured = (configPackages ?? []).Select(p => PackageRequest.TryParse(p, default)).OfType<PackageRequest>().ToList();
        return [.. results.Select(r => r.Status is not (SnippetStatus.Passed or SnippetStatus.Failed)
            || documentOf.GetValueOrDefault(r.Snippet.Location) is not { } document ? r : r with
            {
                PackagesUsed = [.. ProgramPins.Of(document.Snippets, r.Snippet, configured).Select(p => p.Text)
                    .Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase)],
                PackagesMoved = moved,
            })];
    }
}
