using SnippetCheck.Adoption.Inference.Classes;
using SnippetCheck.Adoption.Inference.Packages;
using SnippetCheck.Adoption.Rot;
using SnippetCheck.Driver;
using SnippetCheck.Programs;
using SnippetCheck.Extraction;
using SnippetCheck.Extraction.Snippets;
using SnippetCheck.Results;
using static SnippetCheck.Adoption.Inference.BlockKeys;

namespace SnippetCheck.Adoption.Trials;

/// <summary>
/// Adopt's run trials (passes 2 and 2b): what compiled and has something to execute, run twice as <c>run</c> for its
/// verdict and its output, and what the prose after a doc-comment example claims of its variables, checked by a run.
/// </summary>
internal sealed class RunTrials
{
    private RunTrials(
        Dictionary<(string, int), SnippetResult> ran, Dictionary<(string, int), SnippetResult> again,
        Dictionary<(string, int), (PreparedDocument Document, Snippet Snippet, IReadOnlyList<ProseClaim> Claims)> claims,
        Dictionary<(string, int), SnippetResult> claimed)
    {
        Ran = ran;
        Again = again;
        Claims = claims;
        Claimed = claimed;
    }

    /// <summary>The first run of each block that compiled and has something to execute.</summary>
    public Dictionary<(string, int), SnippetResult> Ran { get; }

    /// <summary>The second run of each block whose first passed.</summary>
    public Dictionary<(string, int), SnippetResult> Again { get; }

    /// <summary>What the prose right after each doc-comment example that ran twice says its variables hold.</summary>
    public Dictionary<(string, int), (PreparedDocument Document, Snippet Snippet, IReadOnlyList<ProseClaim> Claims)> Claims { get; }

    /// <summary>The run of each claimed example with its claims as hidden result lines.</summary>
    public Dictionary<(string, int), SnippetResult> Claimed { get; }

    /// <summary>Whether both runs of the block passed.</summary>
    public bool PassedTwice((string, int) key) =>
        Ran.GetValueOrDefault(key)?.Status == SnippetStatus.Passed && Again.GetValueOrDefault(key)?.Status == SnippetStatus.Passed;

    public static async Task<RunTrials> RunAsync(
        IBlockTrials verifier, IReadOnlyList<(PreparedDocument Document, Snippet Snippet)> untagged,
        IReadOnlyDictionary<(string, int), SnippetTags> compiles, CancellationToken cancellationToken)
    {
        // Pass 2: what compiled and has something to execute, as 'run', for its verdict and its output.
        var runnable = untagged
            .Where(u => compiles.TryGetValue(Key(u.Snippet), out var tags) && CanRun(u.Document, u.Snippet with { Tags = tags }))
            .Select(u => (u.Document, Snippet: u.Snippet with { Tags = compiles[Key(u.Snippet)] with { Kind = SnippetKind.Run } }))
            .ToList();
        // Twice, never from the cache: a block that races or prints something new each run (a time, a GUID, thread
        // interleaving) would pass once and fail in the next verify; a 'run' tag and an output block are proposed only
        // when both runs agree.
        var ran = ByBlock(await verifier.VerifyLoneAsync(runnable, useCache: false, cancellationToken).ConfigureAwait(false));
        bool PassedOnce(Snippet snippet) => ran.GetValueOrDefault(Key(snippet))?.Status == SnippetStatus.Passed;
        List<(PreparedDocument Document, Snippet Snippet)> passedOnce = [.. runnable.Where(r => PassedOnce(r.Snippet))];
        var again = ByBlock(await verifier.VerifyLoneAsync(passedOnce, useCache: false, cancellationToken).ConfigureAwait(false));

        // Pass 2b: what the prose right after a doc-comment example that runs says one of its variables holds, run as a
        // hidden result line after the example (ProseClaims): a claim that holds is proposed as a hidden check, one that
        // does not is suspected rot, reported at the prose's line and never written.
        var claims = passedOnce
            .Where(r => again.GetValueOrDefault(Key(r.Snippet))?.Status == SnippetStatus.Passed)
            .Select(r => (r.Document, r.Snippet, Claims: ProseClaims.After(r.Snippet.Block, r.Document.Snippets.Source.Document)))
            .Where(c => c.Claims.Count > 0)
            .ToDictionary(c => Key(c.Snippet), c => (c.Document, c.Snippet, c.Claims));
        var withClaims = claims.Values.Select(c => (c.Document, WithClaimsChecked(c.Snippet, c.Claims)));
        var claimed = ByBlock(await verifier.VerifyLoneAsync([.. withClaims], useCache: false, cancellationToken).ConfigureAwait(false));
        return new RunTrials(ran, again, claims, claimed);
    }

    /// <summary>
    /// Whether a block that compiled with <paramref name="snippet"/>'s tags is worth a run: it has something to execute,
    /// needs neither the models' prelude (its run would need it too: left for later) nor receivers (<c>given=</c>), and
    /// starts no web server (whose run would serve requests until stopped).
    /// </summary>
    private static bool CanRun(PreparedDocument document, Snippet snippet) =>
        !DocModels.Uses(snippet.Tags) && snippet.Tags.Given.Count == 0
        && document.HasEntryPoint(snippet) && !WebSdkInference.ServesRequests(snippet);

    /// <summary>The block with its prose's claims as hidden result lines after its code, each at the prose's location.</summary>
    private static Snippet WithClaimsChecked(Snippet snippet, IReadOnlyList<ProseClaim> claims) => snippet with
    {
        Tags = snippet.Tags with { Results = true },
        Code = [.. snippet.Code, .. claims.Select(claim => new CodeLine(claim.Check, claim.Location.Line, claim.Location.Column))],
    };
}
