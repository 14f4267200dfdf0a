using SnippetCheck.Adoption.Trials.Packages;
using SnippetCheck.Driver;
using SnippetCheck.Programs;
using SnippetCheck.Results;
using SnippetCheck.Extraction.Snippets;

namespace SnippetCheck.Adoption.Trials;

/// <summary>
/// <c>adopt</c>'s pass for API listings: a block that only lists signatures
/// (<see cref="PreparedDocument.IsListing"/>) is tried as <c>check listing</c> with the packages its page or doc set names,
/// each listed member looked up there. Only a page with a package is tried: a listing checked against the whole
/// framework would find a <c>Count</c> somewhere whatever the post meant. It is proposed before any level that compiles
/// the block, since re-declared members compile whatever the library holds.
/// </summary>
internal static class ListingAdoption
{
    /// <returns>
    /// Each listing block tried as <c>check listing</c>, by block, with the tags it was tried with: passed, or failed on the
    /// members its packages lack (SC2014), which is its cause when nothing else passes it.
    /// </returns>
    public static async Task<IReadOnlyDictionary<(string File, int Line), SnippetResult>> FindAsync(IBlockTrials verifier, PackageFinds packages,
        IReadOnlyList<(PreparedDocument Document, Snippet Snippet)> untagged, CancellationToken cancellationToken)
    {
        var trials = new List<(PreparedDocument Document, Snippet Snippet)>();
        foreach (var page in untagged.GroupBy(u => u.Document))
        {
            var settings = page.Key.SettingsFor(page.First().Snippet);
            var listings = page.Where(u => page.Key.IsListing(u.Snippet)).ToList();
            if (listings.Count == 0) continue;
            var found = await packages.AllForPageAsync(page.Key, settings.References, cancellationToken).ConfigureAwait(false);
            if (found.Count == 0) continue;
            trials.AddRange(listings.Select(l => (l.Document, l.Snippet with
            {
                Tags = l.Snippet.Tags with { Kind = SnippetKind.Check, Listing = true, Packages = [.. found.Select(f => f.Package)] },
            })));
        }
        var results = await verifier.VerifyLoneAsync(trials, useCache: true, cancellationToken).ConfigureAwait(false);
        return results.ToDictionary(r => (r.Snippet.Location.File, r.Snippet.Location.Line), r => r);
    }
}
