using SnippetCheck.Adoption.Inference.Packages;
using SnippetCheck.Driver;
using SnippetCheck.Extraction.Snippets;
using SnippetCheck.Model;
using SnippetCheck.Programs;
using SnippetCheck.Results;

namespace SnippetCheck.Adoption.Trials;

/// <summary>Pass 1g's trials: the rounds <see cref="PackageTrim"/> asks, each block without one package, one verify a round.</summary>
internal static class TrimTrials
{
    /// <summary>
    /// The blocks of <paramref name="passed"/> that pass with fewer packages, each with the tags it passes with.
    /// </summary>
    public static async Task<IReadOnlyDictionary<SourceLocation, SnippetTags>> TrimAsync(
        IBlockTrials trials, IReadOnlyList<(PreparedDocument Document, SnippetResult Passed)> passed, CancellationToken cancellationToken)
    {
        var blocks = PackageTrim.Candidates(passed);
        for (var round = 0; round < PackageTrim.MostRounds; round++)
        {
            var tries = PackageTrim.Round(blocks);
            if (tries.Count == 0) break;
            var tried = await trials.VerifyLoneAsync([.. tries.Select(t => (t.Block.Document, t.Trial))], useCache: true, cancellationToken)
                .ConfigureAwait(false);
            PackageTrim.Read(tries, tried);
        }
        return PackageTrim.Trimmed(blocks);
    }
}
