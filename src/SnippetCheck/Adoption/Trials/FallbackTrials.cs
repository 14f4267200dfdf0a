using SnippetCheck.Adoption.Inference;
using SnippetCheck.Adoption.Inference.Classes;
using SnippetCheck.Compilation;
using SnippetCheck.Driver;
using SnippetCheck.Programs;
using SnippetCheck.Extraction.Snippets;
using SnippetCheck.Results;
using SnippetCheck.Editing;
using static SnippetCheck.Adoption.Inference.BlockKeys;

namespace SnippetCheck.Adoption.Trials;

/// <summary>
/// Adopt's trials of what does not compile alone (passes 3 to 5a): joined with earlier blocks of its post as a session,
/// as <c>compile-fail</c> on the errors its comments mark, at the <c>check</c> level (over stubs of the element types its
/// queries read, too), and as a listing of signatures.
/// </summary>
internal sealed class FallbackTrials
{
    private FallbackTrials(
        IReadOnlyList<SessionChoice.Chain> chains,
        Dictionary<(string, int), (PreparedDocument Document, MarkedErrors.Reading Reading, Snippet Snippet)> readings,
        Dictionary<(string, int), SnippetResult> failsAsMarked,
        IReadOnlyDictionary<(string File, int Line), SnippetResult> checks,
        IReadOnlyDictionary<(string File, int Line), SnippetResult> listings)
    {
        Unlisted = listings.Where(l => l.Value.Status == SnippetStatus.Failed
            && l.Value.Diagnostics.Any(d => d.Id == Model.DiagnosticCodes.UnboundApi)).ToDictionary();
        listings = listings.Where(l => l.Value.Status == SnippetStatus.Passed).ToDictionary();
        Chains = chains;
        Readings = readings;
        FailsAsMarked = failsAsMarked;
        Checks = checks;
        Listings = listings;
    }

    /// <summary>The sessions found: blocks that pass joined with earlier blocks of their post.</summary>
    public IReadOnlyList<SessionChoice.Chain> Chains { get; }

    /// <summary>What the page says of each failed block's errors.</summary>
    public Dictionary<(string, int), (PreparedDocument Document, MarkedErrors.Reading Reading, Snippet Snippet)> Readings { get; }

    /// <summary>Each block tried as <c>compile-fail</c> on the errors its page marks.</summary>
    public Dictionary<(string, int), SnippetResult> FailsAsMarked { get; }

    /// <summary>Each block that passes at the <c>check</c> level.</summary>
    public IReadOnlyDictionary<(string File, int Line), SnippetResult> Checks { get; }

    /// <summary>Each block that only lists signatures its page's packages declare.</summary>
    public IReadOnlyDictionary<(string File, int Line), SnippetResult> Listings { get; }

    /// <summary>Each block that only lists signatures, some of which its page's packages lack (SC2014): its listing's failure.</summary>
    public IReadOnlyDictionary<(string File, int Line), SnippetResult> Unlisted { get; }

    public static async Task<FallbackTrials> RunAsync(
        IBlockTrials verifier, IReadOnlyList<(PreparedDocument Document, Snippet Snippet)> untagged, CompileTrials compiled, RunTrials runs,
        CancellationToken cancellationToken)
    {
        var chains = await SessionsAsync(verifier, untagged, compiled, runs, cancellationToken).ConfigureAwait(false);
        // Pass 3b: a receiver whose creating block compiles alone, given where no session took the block (DeferredReceiverTrials).
        await DeferredReceiverTrials.AddAsync(verifier, untagged, compiled, chains, cancellationToken).ConfigureAwait(false);
        // What passes neither alone nor in a session, and can take a tag line: what passes 4 and 5 try.
        bool StillFails((PreparedDocument Document, Snippet Snippet) u) =>
            !compiled.Compiles.ContainsKey(Key(u.Snippet)) && !chains.Any(c => c.Holds(u.Snippet)) && CanTag(u);

        // Pass 4: what still fails, only on lines its own comments mark as errors, as 'compile-fail=IDS'.
        var failures = untagged.Where(StillFails)
            .Select(u => (u.Document, Failed: compiled.PackageFailure(Key(u.Snippet))))
            .Where(f => f.Failed is not null).Select(f => (f.Document, Failed: f.Failed!)).ToList();
        failures = await WithHolesLeftOutAsync(verifier, failures, cancellationToken).ConfigureAwait(false);
        var readings = failures
            .ToDictionary(f => Key(f.Failed.Snippet), f => (f.Document, Reading: ReadErrors(f.Document, f.Failed), f.Failed.Snippet));
        var asMarked = readings.Values.Where(r => r.Reading.Ids.Count > 0).Select(r => (r.Document, AsCompileFail(r.Snippet, r.Reading.Ids)));
        var failsAsMarked = ByBlock(await verifier.VerifyLoneAsync([.. asMarked], useCache: true, cancellationToken).ConfigureAwait(false));

        // Pass 5: what no stronger level verifies, at the check level (unknown names tolerated, never called verified).
        var uncheckedBlocks = untagged
            .Where(u => StillFails(u) && !compiled.Packages.Unloaded.ContainsKey(u.Snippet.Location)
                && failsAsMarked.GetValueOrDefault(Key(u.Snippet))?.Status != SnippetStatus.Passed)
            .Select(u => (u.Document, Last: compiled.PackageFailure(Key(u.Snippet))))
            .Where(u => u.Last is not null)
            .Select(u => (u.Document, Snippet: WithoutResults(u.Last!.Snippet))).ToList();
        // With the receivers its receiver trial gave first (Receivers): their calls then bind, and only the names the post
        // never declares (an argument, the docs' own type) are tolerated; a block that fails so is tried as it was.
        var withReceivers = uncheckedBlocks.Select(u => (u.Document, Typed: compiled.ReceiversFailure(Key(u.Snippet))))
            .Where(u => u.Typed is not null).Select(u => (u.Document, Snippet: WithoutResults(u.Typed!.Snippet))).ToList();
        var checks = (await CheckAdoption.FindAsync(verifier, withReceivers, cancellationToken).ConfigureAwait(false)).ToDictionary();
        foreach (var (key, result) in await CheckAdoption.FindAsync(
            verifier, [.. uncheckedBlocks.Where(u => !checks.ContainsKey(Key(u.Snippet)))], cancellationToken).ConfigureAwait(false))
            checks[key] = result;

        // Pass 5b: queries over values of a type no page declares, at the check level over a stub of it (QueryStubs).
        foreach (var (key, result) in ByBlock(await QueryStubs.TryAsync(verifier, compiled.Models,
            [.. uncheckedBlocks.Where(u => !checks.ContainsKey(Key(u.Snippet)))], cancellationToken).ConfigureAwait(false))) checks[key] = result;

        // Pass 5a: blocks that only list signatures, looked up in their page's packages (ListingAdoption).
        var listings = await ListingAdoption.FindAsync(verifier, compiled.Finds, untagged, cancellationToken).ConfigureAwait(false);
        return new FallbackTrials(chains, readings, failsAsMarked, checks, listings);
    }

    /// <summary>Whether the block has a line for its tag comment (<see cref="PageLines.CanTag"/>): else no trial could propose a tag.</summary>
    private static bool CanTag((PreparedDocument Document, Snippet Snippet) u) =>
        PageLines.CanTag(u.Snippet.Block, u.Document.Snippets.Source.Document);

    /// <summary>The block as <c>compile-fail</c> on the errors its page marks.</summary>
    private static Snippet AsCompileFail(Snippet snippet, IReadOnlyList<string> ids) =>
        snippet with { Tags = snippet.Tags with { Kind = SnippetKind.CompileFail, ExpectedErrorIds = ids } };

    /// <summary>The block without result lines, which claim values a run checks: at the check level nothing runs.</summary>
    private static Snippet WithoutResults(Snippet snippet) => snippet with { Tags = snippet.Tags with { Results = false } };

    /// <summary>Pass 3: what fails only on names an earlier block of the post may declare, joined with those blocks as a session.</summary>
    private static async Task<IReadOnlyList<SessionChoice.Chain>> SessionsAsync(
        IBlockTrials verifier, IReadOnlyList<(PreparedDocument Document, Snippet Snippet)> untagged, CompileTrials compiled, RunTrials runs,
        CancellationToken cancellationToken)
    {
        var chainable = untagged.Where(CanTag).Select(u =>
        {
            var key = Key(u.Snippet);
            var failed = compiled.PackageFailure(key);
            var passes = compiled.Compiles.TryGetValue(key, out var tags);
            tags ??= failed?.Snippet.Tags ?? u.Snippet.Tags;
            var aloneOutput = runs.Ran.GetValueOrDefault(key) is { Status: SnippetStatus.Passed } once
                && runs.Again.GetValueOrDefault(key) is { Status: SnippetStatus.Passed } twice &&
                once.ActualOutput == twice.ActualOutput ? once.ActualOutput : null;
            return new SessionChoice.Block(u.Document, u.Snippet, tags, passes, aloneOutput,
                !passes && failed is not null && SessionChoice.IsUnknownNamesOnly(failed),
                u.Document.HasEntryPoint(u.Snippet with { Tags = tags }))
                {
                    WithModels = DocModels.Uses(tags) ? compiled.Models.Around(u.Document) : null,
                    NeedsNames = !passes && failed is not null && PageSessionTrial.IsUnknownNamesOnly(failed),
                };
        }).ToList();
        return await SessionTrials.FindAsync(verifier, chainable, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The failures, each of a block with bodies or members left out (<c>{ ... }</c>, the C# standard's <c>replaceEllipsis</c>)
    /// with the errors it gives with them left out, as <c>compile-fail</c> compiles it (<see cref="Holes"/>): what the page
    /// says of its errors is read against those, not against the syntax errors of its dots.
    /// </summary>
    private static async Task<List<(PreparedDocument Document, SnippetResult Failed)>> WithHolesLeftOutAsync(
        IBlockTrials verifier, List<(PreparedDocument Document, SnippetResult Failed)> failures, CancellationToken cancellationToken)
    {
        var holed = failures.Where(f => Holes.Fill(f.Failed.Snippet.Code, f.Document.SettingsFor(f.Failed.Snippet).ParseOptions,
            f.Failed.Snippet.Tags.Members, markers: false).Holes.Count > 0).ToList();
        if (holed.Count == 0) return failures;
        var tried = ByBlock(await verifier.VerifyLoneAsync([.. holed.Select(f => (f.Document, AsCompileFail(f.Failed.Snippet, [])))],
            useCache: true, cancellationToken).ConfigureAwait(false));
        return [.. failures.Select(f => tried.GetValueOrDefault(Key(f.Failed.Snippet)) is { } filled && filled.Diagnostics.Any(d => d.IsError)
            ? (f.Document, f.Failed with { Diagnostics = filled.Diagnostics })
            : f)];
    }

    /// <summary>What the page says of a failed block's errors: its marker comments, else the annotation above it.</summary>
    private static MarkedErrors.Reading ReadErrors(PreparedDocument document, SnippetResult failed)
    {
        var marked = MarkedErrors.Of(failed);
        return marked is { Ids.Count: 0, Refusal: null } ? ExampleAnnotations.Of(document.Snippets, failed) : marked;
    }
}
