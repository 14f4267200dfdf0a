using SnippetCheck.Adoption.Inference;
using SnippetCheck.Driver;
using SnippetCheck.Model;
using SnippetCheck.Results;

namespace SnippetCheck.Adoption.Trials;

/// <summary>
/// The trial of <see cref="PageSessions"/>: what the chains of <see cref="SessionTrials"/> left failing on names (a
/// namespace's too) tried with the page's other blocks as one session, with the packages they need together, accepted as a
/// chain is (every block passes, twice alike, each earlier block printing what it printed alone). A page whose session
/// fails is tried once more without the blocks its errors stand in (a fragment of another class, a type shown twice).
/// Each block's own calls compile in the session as in the reader's project: a misspelt one fails the block.
/// </summary>
internal static class PageSessionTrial
{
    /// <summary>
    /// Whether a failure is only names the block does not declare, a namespace's (CS0234) among them, and what follows from
    /// them: an override or a base constructor of an unknown base class (CS0115, CS1729), an argument of an unknown type
    /// ('?' in its message). Which blocks are tried; the session passes or not.
    /// </summary>
    public static bool IsUnknownNamesOnly(SnippetResult failed) =>
        failed.Status == SnippetStatus.Failed && failed.Diagnostics.Where(d => d.IsError).ToList() is { Count: > 0 } errors &&
        errors.Any(d => UnknownNames.Fixture.Contains(d.Id)) &&
        errors.All(d => UnknownNames.Fixture.Contains(d.Id) || UnknownNames.OfAnUnknownBase.Contains(d.Id)
            || d.Message.Contains("'?'", StringComparison.Ordinal));

    /// <summary>Adds to <paramref name="accepted"/> the session of each page whose blocks pass together.</summary>
    /// <param name="blocks">Every untagged block of the documents, in document order.</param>
    /// <param name="accepted">The chains found so far: their blocks stay in them.</param>
    public static async Task AddAsync(
        IBlockTrials verifier, IReadOnlyList<SessionChoice.Block> blocks, List<SessionChoice.Chain> accepted,
        CancellationToken cancellationToken)
    {
        bool Free(SessionChoice.Block b) => (b.Passes || b.NeedsNames) && !accepted.Any(c => c.Holds(b.Snippet));
        var pages = blocks.GroupBy(b => b.Document)
            .Select(page => (IReadOnlyList<SessionChoice.Block>)[.. page.Where(Free)])
            .Select(page => (Page: page, Members: Candidate(page))).Where(p => p.Members is not null).ToList();
        var first = await AcceptAsync(verifier, [.. pages.Select(p => p.Members!)], accepted, cancellationToken).ConfigureAwait(false);
        // Once more without the blocks with errors on their own lines, tagged anew from what is left, which must still need it.
        var again = pages.Select((p, i) => (p.Page, p.Members, Errors: first.TryGetValue(i, out var results)
                ? results.SelectMany(r => r.Diagnostics).Where(d => d.IsError).Select(d => d.Location).ToList() : []))
            .Where(p => p.Errors.Count > 0)
            .Select(p => Candidate([.. p.Page.Where(b => !p.Errors.Any(e => e.File == b.Snippet.Location.File
                && e.Line >= b.Snippet.Location.Line && e.Line <= b.Snippet.Block.EndLine))]) is { } fewer
                && fewer.Count < p.Members!.Count ? fewer : null)
            .OfType<IReadOnlyList<SessionChoice.Block>>().ToList();
        await AcceptAsync(verifier, again, accepted, cancellationToken).ConfigureAwait(false);
    }

    private static Task<IReadOnlyDictionary<int, IReadOnlyList<SnippetResult>>> AcceptAsync(
        IBlockTrials verifier, IReadOnlyList<IReadOnlyList<SessionChoice.Block>> candidates, List<SessionChoice.Chain> accepted,
        CancellationToken cancellationToken) =>
        SessionTrials.AcceptAsync(verifier, [.. candidates.Select(c => (c.First(b => !b.Passes), c))], accepted, cancellationToken);

    /// <summary>The page's blocks that join, tagged for the session (<see cref="PageSessions"/>); null when none do.</summary>
    private static IReadOnlyList<SessionChoice.Block>? Candidate(IReadOnlyList<SessionChoice.Block> page)
    {
        var candidates = page.Select(b => new PageSessions.Candidate(b.Snippet, b.Tags, !b.Passes)).ToList();
        var members = PageSessions.Members(candidates);
        if (members.Count == 0 || PageSessions.Tagged([.. members.Select(i => candidates[i])]) is not { } tags) return null;
        return [.. members.Select((i, k) => page[i] with { Tags = tags[k] })];
    }
}
