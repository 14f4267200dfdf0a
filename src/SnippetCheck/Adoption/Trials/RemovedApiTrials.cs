using SnippetCheck.Adoption.Proposals;
using SnippetCheck.Adoption.Rot;
using SnippetCheck.Driver;
using SnippetCheck.References;
using SnippetCheck.Extraction.Snippets;
using SnippetCheck.Model;
using SnippetCheck.Programs;
using SnippetCheck.Results;

namespace SnippetCheck.Adoption.Trials;

/// <summary>
/// The trial of <see cref="RemovedApiRot"/>: of the blocks whose failure names a removed API, those of a page that says
/// the API is gone are tried as the <c>compile-fail</c> that guards the guide; the names are looked up in the package
/// versions through the seam's <see cref="IPackageFeed"/>.
/// </summary>
internal static class RemovedApiTrials
{
    /// <summary>
    /// The files with each block whose last failure names a removed API listed as <see cref="RotEvidence.RemovedApi"/> rot
    /// (instead of weaker evidence, and instead of a <c>check</c> tag, which would tolerate the name), or proposed as
    /// <c>compile-fail</c> where its page says the API is gone.
    /// </summary>
    /// <param name="lastFailure">A block's last failure before <c>check</c> tolerated its unknown names; null for none.</param>
    /// <param name="postPackages">The packages a post names (its install lines, usings, doc set), pinned as adopt found them.</param>
    /// <param name="feed">The package lookups for the pages' folder (older versions' names), handed in beside the seam.</param>
    public static async Task<List<AdoptFile>> ApplyAsync(
        IBlockTrials verifier, IPackageFeed feed, List<AdoptFile> files, IReadOnlyList<PreparedDocument> documents,
        Func<Snippet, SnippetResult?> lastFailure, Func<SnippetDocument, IReadOnlyList<PackageRequest>> postPackages, string folder,
        CancellationToken cancellationToken)
    {
        var work = RemovedApiRot.Work(files, documents, lastFailure, postPackages);
        if (work.Count == 0) return files;
        var hits = await RemovedApiRot.HitsAsync(feed, work, documents, folder, cancellationToken).ConfigureAwait(false);
        if (hits.Count == 0) return files;

        // Guarded only when the removed name is the block's one error, on a page that says the API is gone.
        var guarded = (await verifier.VerifyLoneAsync(RemovedApiRot.Guards(hits), useCache: true, cancellationToken).ConfigureAwait(false))
            .Where(r => r.Status == SnippetStatus.Passed).ToDictionary(r => r.Snippet.Location);
        return RemovedApiRot.WithHits(files, hits, guarded);
    }
}
