using Microsoft.CodeAnalysis;
using SnippetCheck.Adoption.Inference;
using SnippetCheck.Driver;
using SnippetCheck.Programs;
using SnippetCheck.Results;
using SnippetCheck.Extraction.Snippets;
using static SnippetCheck.Adoption.Inference.BlockKeys;

namespace SnippetCheck.Adoption.Trials;

/// <summary>
/// <c>adopt</c>'s last pass (docs/authoring.md#fragments-the-check-level): a block no stronger level verifies is tried
/// at the <c>check</c> level, with what the earlier passes found for it (members, hidden usings, the post's package).
/// A block that fails there only on members outside a type is tried as members; one that fails only on framework names
/// its post did not import gets those usings. It is proposed only when it passes twice: a tag must not depend on the
/// run that proposed it.
/// </summary>
internal static class CheckAdoption
{
    /// <summary>How many times usings are added one after another: each may let the compiler bind further.</summary>
    private const int UsingRounds = 2;

    /// <param name="candidates">Each block with the tags its last failure had, not yet at the check level.</param>
    /// <returns>The blocks that pass at the check level, twice, by block, with the tags they passed with.</returns>
    public static async Task<IReadOnlyDictionary<(string File, int Line), SnippetResult>> FindAsync(IBlockTrials verifier,
        IReadOnlyList<(PreparedDocument Document, Snippet Snippet)> candidates, CancellationToken cancellationToken)
    {
        var tried = candidates.Select(c => (c.Document, Snippet: c.Snippet with { Tags = c.Snippet.Tags with { Kind = SnippetKind.Check } }))
            .ToList();
        var latest = await VerifyAsync(verifier, tried, cancellationToken).ConfigureAwait(false);

        // Members written outside a type read as local functions, or as a syntax error at their modifier.
        var asMembers = tried
            .Where(c => latest[Key(c.Snippet)] is { Status: SnippetStatus.Failed } failed && !c.Snippet.Tags.Members
                && CompileTrials.IsMembersOutsideAType(failed))
            .Select(c => (c.Document, Snippet: c.Snippet with { Tags = c.Snippet.Tags with { Members = true } }))
            .ToList();
        foreach (var (key, result) in await VerifyAsync(verifier, asMembers, cancellationToken).ConfigureAwait(false))
        {
            if (result.Status == SnippetStatus.Passed || CompileTrials.IsMembersOutsideAType(latest[key])) latest[key] = result;
        }

        for (var round = 0; round < UsingRounds; round++)
        {
            var withUsings = new List<(PreparedDocument Document, Snippet Snippet)>();
            foreach (var (document, snippet) in tried)
            {
                if (latest[Key(snippet)] is not { Status: SnippetStatus.Failed } failed) continue;
                var settings = document.SettingsFor(failed.Snippet);
                if (UsingInference.For(
                    document.Snippets, failed.Snippet, failed.Diagnostics, settings.References, settings.Usings, settings.ParseOptions,
                    skipUnknown: true) is not { Usings.Count: > 0 } guess) continue;
                var usings = failed.Snippet.Tags.Usings.Concat(guess.Usings).Distinct(StringComparer.Ordinal).ToList();
                withUsings.Add((document, failed.Snippet with { Tags = failed.Snippet.Tags with { Usings = usings } }));
            }
            if (withUsings.Count == 0) break;
            foreach (var (key, result) in await VerifyAsync(verifier, withUsings, cancellationToken).ConfigureAwait(false)) latest[key] = result;
        }

        // Twice, as each tag adopt proposes: the second verdict must be the first. A hollow check (its first call on an
        // unknown name, SC2017) fails in verify's own judging, so adopt never proposes what verify would fail.
        // A tolerated name one letter from the block's own local is its typo ('μs' for 'us'): the block does not compile, whatever binds.
        var passed = tried.Select(c => (c.Document, latest[Key(c.Snippet)])).Where(p => p.Item2.Status == SnippetStatus.Passed
            && !p.Item2.UnknownNames.Any(u => LocalTypos.MeantBy(p.Document.Snippets, p.Item2.Snippet, u.Name) is not null)).ToList();
        var again = await VerifyAsync(verifier, [.. passed.Select(p => (p.Document, p.Item2.Snippet))], cancellationToken).ConfigureAwait(false);
        return passed
            .Where(p => again.GetValueOrDefault(Key(p.Item2.Snippet)) is { Status: SnippetStatus.Passed })
            .ToDictionary(p => Key(p.Item2.Snippet), p => p.Item2);
    }

    private static async Task<Dictionary<(string File, int Line), SnippetResult>> VerifyAsync(IBlockTrials verifier,
        IReadOnlyList<(PreparedDocument Document, Snippet Snippet)> blocks, CancellationToken cancellationToken) =>
        ByBlock(await verifier.VerifyLoneAsync(blocks, useCache: false, cancellationToken).ConfigureAwait(false));
}
