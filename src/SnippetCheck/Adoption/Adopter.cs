using System.Diagnostics;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SnippetCheck.Compilation;
using SnippetCheck.Extraction.Discovery;
using SnippetCheck.Driver;
using SnippetCheck.Results;
using SnippetCheck.Extraction.Markdown;
using SnippetCheck.Model;
using SnippetCheck.Extraction.Snippets;

namespace SnippetCheck.Adoption;

/// <summary>
/// <c>snippetcheck adopt</c> (docs/authoring.md#adopt): verifies every untagged C# block of the Markdown posts and
/// proposes a tag for each that passes: <c>compile</c> when it compiles as written, <c>run</c> when it also has
/// statements (or a <c>Main</c>) that run cleanly, and, when the next fence is a <c>text</c>, <c>console</c> or
/// untagged block holding exactly what the run printed, <c>output</c> on that fence. With <c>write</c> the tags are
/// inserted as invisible comments on a line of their own above each fence, and nothing else in the file changes.
/// </summary>
/// <remarks>
/// Passes through the verifier: every untagged block as <c>compile</c> (what <c>--all</c> does, from the result
/// cache where it can), then each that compiled and has something to execute as <c>run</c>, twice (never from the
/// cache: its output is needed, and both runs must pass and print the same). A block that fails either way is left as it is, so <c>verify</c>
/// afterwards passes with
/// exactly the adopted blocks verified.
/// </remarks>
public static class Adopter
{
    /// <summary>Info strings of a fence that may become a block's output block.</summary>
    private static readonly string[] OutputLanguages = ["", "text", "console"];

    /// <summary>How result lines are told apart; only the tokens matter, so the newest C# does.</summary>
    private static readonly CSharpParseOptions ResultSyntax = new(LanguageVersion.Preview);

    /// <summary>
    /// Proposes the tags, hidden lines and settings that make each block of <paramref name="options"/>' files pass, by
    /// verifying trials; with <paramref name="write"/>, writes them into the files (only insertions of comments, and of front matter with
    /// <c>--front-matter</c>).
    /// </summary>
    internal static Task<AdoptReport> RunAsync(VerifyOptions options, bool write, CancellationToken cancellationToken = default) =>
        RunAsync(new Verifier(options), options, write, [], frontMatter: false, cancellationToken);

    /// <param name="verifier">Made from <paramref name="options"/>; its events report each pass's progress.</param>
    /// <param name="packages">Packages the author names (<c>adopt --package</c>), tried first for every post.</param>
    /// <param name="frontMatter">
    /// <c>adopt --front-matter</c>: a page fixture whose settings the page must say (<c>fixture: true</c>, hidden fences) is
    /// proposed, its settings written into the front matter. Without it adopt changes nothing a reader sees: GitHub shows a
    /// front matter as a table, and many docs renderers as text, so such a page gets a note saying what it would verify.
    /// </param>
    public static async Task<AdoptReport> RunAsync(
        Verifier verifier, VerifyOptions options, bool write, IReadOnlyList<PackageCandidate> packages, bool frontMatter,
        CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var (documents, fileErrors) = verifier.Prepare();
        // Markdown posts, and the doc comments of C# files (a .csproj's, a folder's through the globs, or one named).
        var adoptable = documents.Where(d => !d.Skip && (IsMarkdown(d.Snippets.DisplayPath) || IsCSharp(d.Snippets.DisplayPath))).ToList();
        var untagged = adoptable
            .SelectMany(d => d.Snippets.Snippets.Where(s => !s.IsTagged && RunPlanner.Matches(s, options.Filter)).Select(
                s => (Document: d, Snippet: s)))
            .ToList();

        // Pass 1: as 'compile', which is how an untagged block is verified with --all.
        var compiled = ByBlock(await verifier.VerifyLoneAsync(untagged, useCache: true, cancellationToken).ConfigureAwait(false));

        // Pass 1a: what failed and writes results as READMEs do ('"HTML".Humanize() => "HTML"'), with each result line checked.
        var resultBlocks = untagged
            .Where(u => compiled.TryGetValue(Key(u.Snippet), out var r) && r.Status == SnippetStatus.Failed
                && ResultLines.Any(u.Snippet.Code, ResultSyntax))
            .Select(u => (u.Document, Snippet: u.Snippet with { Tags = u.Snippet.Tags with { Kind = SnippetKind.Compile, Results = true } }))
            .ToList();
        foreach (var (key, result) in ByBlock(
            await verifier.VerifyLoneAsync(resultBlocks, useCache: true, cancellationToken).ConfigureAwait(false))) compiled[key] = result;

        // Pass 1b: what failed as members outside a type, as 'compile members' (inside a class the tool adds).
        var memberBlocks = untagged
            .Where(u => compiled.TryGetValue(Key(u.Snippet), out var r) && r.Status == SnippetStatus.Failed && IsMembersOutsideAType(r))
            .Select(u => (u.Document, Snippet: u.Snippet with { Tags = u.Snippet.Tags with { Kind = SnippetKind.Compile, Members = true } }))
            .ToList();
        var asMembers = ByBlock(await verifier.VerifyLoneAsync(memberBlocks, useCache: true, cancellationToken).ConfigureAwait(false));

        // Pass 1c: what still fails only on unknown names that each resolve in one namespace, with those usings.
        var beforeUsings = untagged
            .Select(u => (u.Document, Failed: asMembers.GetValueOrDefault(Key(u.Snippet)) ?? compiled.GetValueOrDefault(Key(u.Snippet))))
            .Where(f => f.Failed?.Status == SnippetStatus.Failed)
            .Select(f => (f.Document, f.Failed!, (IReadOnlyList<string>)[]))
            .ToList();
        var (usingResults, guesses) = await UsingInference.AddInRoundsAsync(verifier, beforeUsings, cancellationToken).ConfigureAwait(false);
        var withUsings = ByBlock(usingResults);

        // Pass 1c': what still fails only on unknown names, some of them ASP.NET Core's, as a project of the Web SDK would.
        var beforeWeb = untagged
            .Select(u => (u.Document, Failed: withUsings.GetValueOrDefault(Key(u.Snippet)) ?? asMembers.GetValueOrDefault(Key(u.Snippet))
                ?? compiled.GetValueOrDefault(Key(u.Snippet))))
            .Where(f => f.Failed?.Status == SnippetStatus.Failed)
            .Select(f => (f.Document, f.Failed!))
            .ToList();
        var withWebSdk = ByBlock(await WebSdkInference.TryAsync(verifier, beforeWeb, cancellationToken).ConfigureAwait(false));
        SnippetResult? LastFailure((string, int) key) =>
            withWebSdk.GetValueOrDefault(key) ?? withUsings.GetValueOrDefault(key) ?? asMembers.GetValueOrDefault(key)
            ?? compiled.GetValueOrDefault(key);

        // Pass 1d: what still fails only on unknown names, with the package its post is about (and that package's usings).
        var stillFailing = untagged.Select(u => (u.Document, Failed: LastFailure(Key(u.Snippet)))).Where(
            f => f.Failed?.Status == SnippetStatus.Failed).ToList();
        var packageInference = PackageInference.For(verifier, options, packages, [.. adoptable.Select(d => d.Snippets)]);
        var withPackages = ByBlock(await packageInference.TryAsync(verifier, stillFailing!, cancellationToken).ConfigureAwait(false));

        // Pass 1e: bare base-class calls inside an inferred class, and types other pages declare (EnclosingClassInference).
        var models = ModelsFor(verifier, adoptable);
        var (inClassResults, classNotes) = await EnclosingClassInference.TryAsync(verifier, packageInference, models, [.. untagged
            .Select(u => (u.Document, Failed: withPackages.GetValueOrDefault(Key(u.Snippet)) ?? LastFailure(Key(u.Snippet))))
            .Where(f => f.Failed?.Status == SnippetStatus.Failed)
            .Select(f => (f.Document, f.Failed!))], cancellationToken).ConfigureAwait(false);
        var inClass = ByBlock(inClassResults);

        // Pass 1e': members out of a class deriving from a package's base class ('public override void Configure() { Post(…); }').
        foreach (var (key, result) in ByBlock(await MemberBaseInference.TryAsync(verifier, packageInference, models, [.. untagged
            .Select(u => (u.Document, Failed: LastFailure(Key(u.Snippet))))
            .Where(f => f.Failed is { Status: SnippetStatus.Failed, Snippet.Tags.Members: true } && !inClass.ContainsKey(Key(f.Failed.Snippet)))
            .Select(f => (f.Document, f.Failed!))], cancellationToken).ConfigureAwait(false))) inClass[key] = result;

        // Pass 1e'': a package's calls on types no page declares ('new Faker<Order>()'), over stubs of them (StubTypes).
        foreach (var (key, result) in ByBlock(await StubTypes.TryAsync(verifier, packageInference, models, [.. untagged
            .Select(u => (u.Document, Failed: withPackages.GetValueOrDefault(Key(u.Snippet)) ?? LastFailure(Key(u.Snippet))))
            .Where(f => f.Failed?.Status == SnippetStatus.Failed && !inClass.ContainsKey(Key(f.Failed.Snippet)))
            .Select(f => (f.Document, f.Failed!))], cancellationToken).ConfigureAwait(false))) inClass[key] = result;

        // Pass 1f: fragments on receivers the doc set declares elsewhere ('app', 'bld', 'table'), given on hidden lines (Receivers).
        var receivers = adoptable.GroupBy(d => packageInference.DocSets.Of(d.Snippets)).ToDictionary(
            g => g.Key, g => Receivers.Of(g.Select(d => d.Snippets)));
        List<(PreparedDocument, SnippetResult)> receiverFailing = [.. untagged
            .Where(u => !inClass.ContainsKey(Key(u.Snippet)))
            .Select(u => (u.Document, Failed: withPackages.GetValueOrDefault(Key(u.Snippet)) ?? LastFailure(Key(u.Snippet))))
            .Where(f => f.Failed?.Status == SnippetStatus.Failed)
            .Select(f => (f.Document, f.Failed!))];
        // And locals no page creates, of the one type of the block's references that their calls fit (InferredReceivers).
        var inferredReceivers =
            await InferredReceivers.OfAsync(packageInference, receivers, receiverFailing, cancellationToken).ConfigureAwait(false);
        var withReceivers = ByBlock(await Receivers.TryAsync(
            verifier, packageInference, receivers, receiverFailing, cancellationToken, inferredReceivers).ConfigureAwait(false));
        // A failure with its receiver typed, once every name in it binds, says more than the untyped one ('Table' lacks
        // 'SetWidth' rather than 'table' is unknown): it is the block's failure, for its cause and as evidence of rot.
        SnippetResult? FailedWithReceivers((string, int) key) => withReceivers.GetValueOrDefault(key) is { Status: SnippetStatus.Failed } typed
            && typed.Diagnostics.Where(d => d.IsError).All(d => d.Id is not ("CS0103" or "CS0246")) ? typed : null;

        // The tags each block compiles with: as written, as members, with usings, with packages, in a class or with models.
        var compiles = new Dictionary<(string, int), SnippetTags>();
        var passedWith = new Dictionary<(string, int), SnippetResult>();
        foreach (var results in new[] { compiled, asMembers, withUsings, withWebSdk, withPackages, inClass, withReceivers })
        {
            foreach (var (key, result) in results.Where(r => r.Value.Status == SnippetStatus.Passed))
            {
                if (compiles.TryAdd(key, result.Snippet.Tags)) passedWith[key] = result;
            }
        }

        // Pass 1g: a block that passes with several packages keeps the fewest it still passes with (PackageTrim).
        foreach (var (location, tags) in await PackageTrim.TrimAsync(verifier, [.. untagged
            .Where(u => passedWith.ContainsKey(Key(u.Snippet))).Select(u => (u.Document, passedWith[Key(u.Snippet)]))], cancellationToken)
            .ConfigureAwait(false)) compiles[(location.File, location.Line)] = tags;

        // Pass 2: what compiled and has something to execute, as 'run', for its verdict and its output.
        // A block that needs the models' prelude is only compiled: its run would need the prelude too (left for later).
        var runnable = untagged
            .Where(u => compiles.TryGetValue(Key(u.Snippet), out var tags) && !DocModels.Uses(tags) && tags.Given.Count == 0
                && HasEntryPoint(u.Document, u.Snippet with { Tags = tags })
                && !WebSdkInference.ServesRequests(u.Snippet with { Tags = tags }))
            .Select(u => (u.Document, Snippet: u.Snippet with { Tags = compiles[Key(u.Snippet)] with { Kind = SnippetKind.Run } }))
            .ToList();
        // Twice: a block that races or prints something new each run (a time, a GUID, thread interleaving) would pass
        // once and fail in the next verify; a 'run' tag and an output block are proposed only when both runs agree.
        var ran = ByBlock(await verifier.VerifyLoneAsync(runnable, useCache: false, cancellationToken).ConfigureAwait(false));
        var again = ByBlock(await verifier.VerifyLoneAsync(
            [.. runnable.Where(r => ran.GetValueOrDefault(Key(r.Snippet))?.Status == SnippetStatus.Passed)], useCache: false, cancellationToken)
            .ConfigureAwait(false));

        // Pass 2b: what the prose right after a doc-comment example that runs says one of its variables holds, run as a
        // hidden result line after the example (ProseClaims): a claim that holds is proposed as a hidden check, one that
        // does not is suspected rot, reported at the prose's line and never written.
        var claims = runnable
            .Where(r => ran.GetValueOrDefault(Key(r.Snippet))?.Status == SnippetStatus.Passed
                && again.GetValueOrDefault(Key(r.Snippet))?.Status == SnippetStatus.Passed)
            .Select(r => (r.Document, r.Snippet, Claims: ProseClaims.After(r.Snippet.Block, r.Document.Snippets.Source.Document)))
            .Where(c => c.Claims.Count > 0)
            .ToDictionary(c => Key(c.Snippet), c => (c.Document, c.Snippet, c.Claims));
        var claimed = ByBlock(await verifier.VerifyLoneAsync([.. claims.Values.Select(c => (c.Document, c.Snippet with
        {
            Tags = c.Snippet.Tags with { Results = true },
            Code = [.. c.Snippet.Code, .. c.Claims.Select(claim => new CodeLine(claim.Check, claim.Location.Line, claim.Location.Column))],
        }))], useCache: false, cancellationToken).ConfigureAwait(false));

        // Pass 3: what fails only on names an earlier block of the post may declare, joined with those blocks as a session.
        var chainable = untagged.Where(u => AdoptWriter.CommentPrefix(u.Snippet.Block, u.Document.Snippets.Source.Document) is not null).Select(u =>
        {
            var key = Key(u.Snippet);
            var failed = withPackages.GetValueOrDefault(key) ?? LastFailure(key);
            var passes = compiles.TryGetValue(key, out var tags);
            tags ??= failed?.Snippet.Tags ?? u.Snippet.Tags;
            var aloneOutput = ran.GetValueOrDefault(key) is { Status: SnippetStatus.Passed } once
                && again.GetValueOrDefault(key) is { Status: SnippetStatus.Passed } twice &&
                once.ActualOutput == twice.ActualOutput ? once.ActualOutput : null;
            return new SessionInference.Block(u.Document, u.Snippet, tags, passes, aloneOutput,
                !passes && failed is not null && SessionInference.IsUnknownNamesOnly(failed),
                HasEntryPoint(u.Document, u.Snippet with { Tags = tags }));
        }).ToList();
        var chains = await SessionInference.FindAsync(verifier, chainable, cancellationToken).ConfigureAwait(false);

        // Pass 4: what still fails, only on lines its own comments mark as errors, as 'compile-fail=IDS'.
        var readings = untagged
            .Where(u => !compiles.ContainsKey(Key(u.Snippet)) && !chains.Any(c => c.Holds(u.Snippet))
                && AdoptWriter.CommentPrefix(u.Snippet.Block, u.Document.Snippets.Source.Document) is not null)
            .Select(u => (u.Document, Failed: withPackages.GetValueOrDefault(Key(u.Snippet)) ?? LastFailure(Key(u.Snippet))))
            .Where(f => f.Failed is not null)
            .ToDictionary(f => Key(f.Failed!.Snippet), f => (f.Document, Reading: ReadErrors(f.Document, f.Failed!), f.Failed!.Snippet));
        var failsAsMarked = ByBlock(await verifier.VerifyLoneAsync([.. readings.Values.Where(r => r.Reading.Ids.Count > 0).Select(r =>
            (r.Document, r.Snippet with { Tags = r.Snippet.Tags with { Kind = SnippetKind.CompileFail, ExpectedErrorIds = r.Reading.Ids } }))],
            useCache: true, cancellationToken).ConfigureAwait(false));

        // Pass 5: what no stronger level verifies, at the check level (unknown names tolerated, never called verified).
        var checks = await CheckAdoption.FindAsync(verifier, [.. untagged
            .Where(u => !compiles.ContainsKey(Key(u.Snippet)) && !chains.Any(c => c.Holds(u.Snippet))
                && !packageInference.Unloaded.ContainsKey(u.Snippet.Location)
                && AdoptWriter.CommentPrefix(u.Snippet.Block, u.Document.Snippets.Source.Document) is not null
                && failsAsMarked.GetValueOrDefault(Key(u.Snippet))?.Status != SnippetStatus.Passed)
            .Select(u => (u.Document, Last: withPackages.GetValueOrDefault(Key(u.Snippet)) ?? LastFailure(Key(u.Snippet))))
            .Where(u => u.Last is not null)
            .Select(u => (u.Document, u.Last!.Snippet with { Tags = u.Last.Snippet.Tags with { Results = false } }))], cancellationToken)
            .ConfigureAwait(false);

        // Pass 5a: blocks that only list signatures, looked up in their page's packages (ListingAdoption).
        var listings = await ListingAdoption.FindAsync(verifier, packageInference, untagged, cancellationToken).ConfigureAwait(false);

        var files = new List<AdoptFile>();
        foreach (var document in adoptable)
        {
            var blocks = untagged.Where(u => ReferenceEquals(u.Document, document)).Select(u => u.Snippet).ToList();
            if (blocks.Count == 0) continue;
            var proposals = new List<AdoptProposal>();
            var failures = new List<SnippetResult>();
            var causes = new List<UnverifiedCause>();
            var notes = new List<AdoptNote>();
            var rot = packageInference.OlderMajorRot(document.Snippets).ToList();
            foreach (var snippet in blocks)
            {
                var key = Key(snippet);
                if (chains.FirstOrDefault(c => c.Holds(snippet)) is { } chain)
                {
                    var index = chain.Blocks.ToList().FindIndex(b => b.Location == snippet.Location);
                    var joined = chain.Blocks[index];
                    var printed = joined.Kind == SnippetKind.Run
                        ? OutputFenceFor(document, snippet, ScrubbingOf(document, snippet), chain.Outputs[index]) : null;
                    proposals.Add(new AdoptProposal(
                        snippet, joined.Kind, printed) { Members = joined.Tags.Members, Results = joined.Tags.Results, Usings =
                        joined.Tags.Usings, Packages = joined.Tags.Packages, WebSdk = joined.Tags.WebSdk, Session = joined.Tags.Session });
                    continue;
                }
                if (listings.GetValueOrDefault(key) is { } listed)
                {
                    proposals.Add(new AdoptProposal(snippet, SnippetKind.Check, null) { Listing = true, Packages = listed.Snippet.Tags.Packages });
                    continue;
                }
                var packageNotes = packageInference.Notes.Where(n => n.Location == snippet.Location).Distinct().ToList();
                // A bare member of a package's base class is declared, on that class: its own note says what was missing instead.
                var classNote = classNotes.GetValueOrDefault(snippet.Location);
                if (!compiles.ContainsKey(key)) notes.AddRange(classNote is null ? packageNotes : [classNote]);
                if (guesses.GetValueOrDefault(snippet.Location) is { Ambiguous.Count: > 0 } guess)
                {
                    notes.Add(new AdoptNote(snippet.Location, "no using added: " + string.Join("; ", guess.Ambiguous.Select(a =>
                        $"'{a.Name}' is a type in {string.Join(" and ", a.Namespaces)}")) + "; add the one the post means as usings=NAMESPACE"));
                }
                if (failsAsMarked.GetValueOrDefault(key) is { Status: SnippetStatus.Passed } marked)
                {
                    var markedTags = marked.Snippet.Tags;
                    proposals.Add(new AdoptProposal(snippet, SnippetKind.CompileFail, null)
                        { Members = markedTags.Members, Results = markedTags.Results, Usings = markedTags.Usings, Packages =
                            markedTags.Packages, WebSdk = markedTags.WebSdk, ExpectedErrorIds = markedTags.ExpectedErrorIds });
                    continue;
                }
                if (readings.GetValueOrDefault(key).Reading?.Refusal is { } refusal) notes.Add(new AdoptNote(snippet.Location, refusal));
                var unloadedPackages = packageInference.Unloaded.GetValueOrDefault(snippet.Location);
                var unrestorable = unloadedPackages is null ? [] : packageInference.Unrestorable(unloadedPackages);
                if (unloadedPackages is not null && !compiles.ContainsKey(key))
                    notes.Add(new AdoptNote(snippet.Location, unrestorable.Count > 0
                        ? $"not verified: its post names {packageInference.UnloadedText(unrestorable)}: a setup problem, not the post's; its " +
                            "unknown names may be that package's API, where a misspelt name would pass, so it is not tagged check either"
                        : $"not tagged check: its post names {packageInference.UnloadedText(unloadedPackages)}, so its unknown names may be " +
                            "that package's API, where a misspelt name would pass"));
                if (!compiles.ContainsKey(key) && checks.GetValueOrDefault(key) is { } checkedBlock)
                {
                    var checkTags = checkedBlock.Snippet.Tags;
                    proposals.Add(new AdoptProposal(
                        snippet, SnippetKind.Check, null) { Members = checkTags.Members, Usings = checkTags.Usings, Packages =
                        checkTags.Packages, WebSdk = checkTags.WebSdk });
                    continue;
                }
                if (!compiles.TryGetValue(key, out var tags))
                {
                    var failed = FailedWithReceivers(key) ?? withPackages.GetValueOrDefault(key) ?? LastFailure(key);
                    if (failed?.Status == SnippetStatus.Failed)
                    {
                        failures.Add(failed);
                        causes.Add(UnverifiedCause.Of(failed, packageLookedFor: packageNotes.Count > 0, unrestorable));
                        var known = rot.Any(r => r.Block == snippet.Location);
                        if (!known && RotReport.Of(document.Snippets.Source.Document, snippet, failed) is { } suspected) rot.Add(suspected);
                    }
                    continue;
                }
                if (ApiListing.DeclaresOnly(snippet))
                {
                    notes.Add(new AdoptNote(
                        snippet.Location, "compiles, but left untagged: it only lists constants or fields of built-in types with literal values, " +
                        "which compile whatever the library holds; compiling it would prove nothing about the API"));
                    continue;
                }
                if (AdoptWriter.CommentPrefix(snippet.Block, document.Snippets.Source.Document) is null)
                {
                    notes.Add(new AdoptNote(snippet.Location, snippet.Block.Geometry.XmlEscaped
                        ? "passes, but left untagged: its <code> tag shares its line with other text of the comment, so no comment line can stand " +
                        "just before it; put <code> on a line of its own"
                        : "passes, but left untagged: its fence shares its line with a list marker, so no comment line can stand above it in the " +
                        "same list item"));
                    continue;
                }
                if (ran.GetValueOrDefault(key) is { Status: SnippetStatus.Passed } && again.GetValueOrDefault(key) is { Status: SnippetStatus.Passed }
                    &&
                    ParallelWorkIn(snippet) is { } parallel)
                {
                    // Two quiet runs prove little of a race: a Dictionary written from Parallel.For ran clean twice while
                    // adopt ran, and threw in the verify right after it (realworld, AsyncGuidance.md, under load).
                    notes.Add(new AdoptNote(
                        snippet.Location, $"runs, but starts parallel work ({parallel}): tagged compile, since a race may pass twice and fail the " +
                        $"next run; " +
                        "tag it run yourself if its threads cannot race"));
                }
                else if (ran.GetValueOrDefault(key) is { Status: SnippetStatus.Passed } runResult &&
                    again.GetValueOrDefault(key) is { Status: SnippetStatus.Passed } secondRun)
                {
                    var scrubbing = ScrubbingOf(document, snippet with { Tags = tags });
                    if (Alike(runResult.ActualOutput ?? "", secondRun.ActualOutput ?? "", scrubbing))
                    {
                        var output = OutputFenceFor(document, snippet, scrubbing, runResult.ActualOutput, secondRun.ActualOutput);
                        if (output is null && OutputClaim.Of(
                            document.Snippets.Source.Document, document.Snippets.Source.Items, snippet, scrubbing,
                            runResult.ActualOutput) is { } stale)
                            rot.Add(stale);
                        var proposal = new AdoptProposal(
                            snippet, SnippetKind.Run, output) { Members = tags.Members, Results = tags.Results, Base = tags.Base, Usings =
                            tags.Usings, Packages = tags.Packages, WebSdk = tags.WebSdk };
                        if (claims.TryGetValue(key, out var claim))
                        {
                            if (claimed.GetValueOrDefault(key) is { Status: SnippetStatus.Passed }
                                && AdoptWriter.CanAddAfter(snippet.Block, document.Snippets.Source.Document))
                                proposal = proposal with { HiddenChecks = [.. claim.Claims.Select(c => c.Check)] };
                            else if (claimed.GetValueOrDefault(key) is { Status: SnippetStatus.Failed, Reason: FailureReason.Exception } disproved
                                && claim.Claims.Select(c => (Claim: c, Actual: ProseClaims.Actual(disproved, c))).FirstOrDefault(
                                    c => c.Actual is not null) is { Actual: { } actual } falseClaim)
                                rot.Add(RotReport.OfClaim(falseClaim.Claim, actual, snippet));
                        }
                        proposals.Add(proposal);
                        continue;
                    }
                    // A race that printed in another order this time may as well throw next time (a Dictionary written
                    // from several threads does, one run in three): only a run seen twice alike is proposed as 'run'.
                    notes.Add(new AdoptNote(
                        snippet.Location, "runs, but printed something else on its second run (a race, a time, a random value): tagged compile, "
                        + "since its run may not pass next time; tag it run yourself, with scrub= or an ellipsis output block, "
                        + "if it is meant to vary"));
                }
                // Result lines are claims about values: a block whose claims do not hold is not adopted as 'compile'.
                if (tags.Results && new[] { ran.GetValueOrDefault(key), again.GetValueOrDefault(key) }.FirstOrDefault(
                    r => r?.Status == SnippetStatus.Failed) is { } wrong && !RotEvidence.HoldsElsewhere(wrong))
                {
                    failures.Add(wrong);
                    causes.Add(UnverifiedCause.Of(wrong, packageLookedFor: false));
                    if (RotReport.Of(document.Snippets.Source.Document, snippet, wrong) is { } suspected) rot.Add(suspected);
                    continue;
                }
                // Its claims hold in the post's culture or moment, not the run's: compiled with them, never run (RotEvidence.HoldsElsewhere).
                if (tags.Results && ran.GetValueOrDefault(key) is { Status: SnippetStatus.Failed } elsewhere && RotEvidence.HoldsElsewhere(elsewhere))
                    notes.Add(new AdoptNote(snippet.Location, "tagged compile: its result lines are worded for another culture, the clock " +
                        $"or another number type ({elsewhere.Message}), so its run is not checked, only that every call in it compiles"));
                // It compiles, and its run fails: tagged compile, and suspected where the text does not say it fails.
                if (RotReport.Of(document.Snippets.Source.Document, snippet, ran.GetValueOrDefault(key)) is { } thrown) rot.Add(thrown);
                proposals.Add(new AdoptProposal(
                    snippet, SnippetKind.Compile, null) { Members = tags.Members, Results = tags.Results, Base = tags.Base, Given =
                    tags.Given, Usings = tags.Usings, Packages = tags.Packages, WebSdk = tags.WebSdk });
            }
            files.Add(new AdoptFile(document.Snippets.Source.Document, blocks.Count, proposals, failures, notes) { Causes = causes, Rot = rot });
        }

        // Pass 5b: names the blocks use that an older version of their post's packages declared (removed or renamed API).
        files = await RemovedApiRot.ApplyAsync(
            verifier, files, adoptable, s => FailedWithReceivers(Key(s)) ?? withPackages.GetValueOrDefault(Key(s)) ?? LastFailure(Key(s)),
            packageInference.PostPackages,
            options.CurrentDirectory, cancellationToken).ConfigureAwait(false);

        // Pass 6: pages that verify more as one class (the page fixture) than block by block, and the pages config already
        // makes fixtures, whose blocks are verified only so.
        var pages = string.IsNullOrEmpty(options.Filter)
            ? files.Select(f => (File: f, Document: adoptable.First(d => ReferenceEquals(d.Snippets.Source.Document, f.Document))))
                .Where(p => IsFixtureCandidate(p.Document, p.File)).ToList()
            : [];
        var trials = await FixtureInference.FindAsync(verifier, packageInference, [.. pages.Select(p => p.Document)], cancellationToken)
            .ConfigureAwait(false);
        foreach (var (file, document) in pages)
        {
            var index = files.IndexOf(file);
            var verified = file.Proposals.Count(p => p.Kind is SnippetKind.Compile or SnippetKind.Run or SnippetKind.CompileFail);
            var trial = trials.GetValueOrDefault(document.Snippets.Source.Document.FullPath);
            // A block the class leaves out would lose the level it has alone (verified, or checked): nothing is lost, so
            // a page whose class leaves out such a block stays block by block, whatever the class gains elsewhere.
            var keptAlone = file.Proposals.Where(p => p.Kind != SnippetKind.Ignore).Select(p => p.Snippet.Location).ToHashSet();
            var lost = trial?.Left.Where(l => keptAlone.Contains(l.Snippet.Location)).ToList() ?? [];
            if (trial is not null && !document.Settings.IsFixture && trial.Verified > verified && lost.Count > 0)
                files[index] = file with { Notes = [.. file.Notes, new AdoptNote(new SourceLocation(file.Path, 1, 1),
                    $"not proposed as a page fixture: {trial.Verified} of {trial.Blocks.Count} blocks verify as one class ({verified} block by " +
                    $"block), " +
                    $"but the class leaves out {lost.Count} block(s) that pass or are checked alone, e.g. line {lost[0].Snippet.Location.Line}")] };
            else if (trial is not null && !document.Settings.IsFixture && trial.Verified > verified && FixtureShortfall(trial) is { } shortfall)
                files[index] = file with { Notes = [.. file.Notes, new AdoptNote(new SourceLocation(file.Path, 1, 1),
                    $"not proposed as a page fixture: {trial.Verified} of {trial.Blocks.Count} blocks verify as one class ({verified} block by " +
                    $"block), but {shortfall}")] };
            else if (trial is not null && (document.Settings.IsFixture || trial.Verified > verified) && !frontMatter
                && FixtureSettings(document, trial) is { Lines.Count: > 0 } settings
                && PageSettingsEdit.Of(document.Snippets.Source.Document, settings with { InComment = true }) is null)
                files[index] = file with { Notes = [.. file.Notes, new AdoptNote(new SourceLocation(file.Path, 1, 1),
                    $"not proposed as a page fixture: {trial.Verified} of {trial.Blocks.Count} blocks verify as one class ({verified} block by " +
                    $"block), but its settings ({settings}) fit no hidden page comment here, only front matter readers would see: " +
                    "adopt --front-matter writes it")] };
            else if (trial is not null && (document.Settings.IsFixture || trial.Verified > verified))
                files[index] = AsFixture(document, file, trial, verified, write, frontMatter);
            else if (document.Settings.IsFixture)
                files[index] = file with { Proposals = [], Failures = [], Causes = [], Notes = [new AdoptNote(new SourceLocation(file.Path, 1, 1),
                    "the page is a fixture (config or front matter), and no block passes in its class: left as it is")] };
        }

        // One pin per package for the doc set, in the config (DocSetPins): tags name the package, the config its version.
        var (unpinned, pins) = DocSetPins.Propose(files, verifier.Config, options.CurrentDirectory);
        files = [.. unpinned];
        string? pinsProblem = null;
        if (write)
        {
            // The models' prelude first: the pages are verified again, as written, before their tags and pins are.
            models.Write(options.CurrentDirectory,
                files.SelectMany(f => f.Proposals).Where(p => p.Kind != SnippetKind.Ignore).SelectMany(p => p.Usings));
            (unpinned, pins) = DocSetPins.Keep(
                files, pins, await DocSetPins.FailingAsync(options, files, pins, cancellationToken).ConfigureAwait(false));
            pinsProblem = DocSetPins.Write(pins, options.CurrentDirectory);
            if (pinsProblem is not null)
                (unpinned, pins) = DocSetPins.Keep(unpinned, pins, pins.New.Select(p => p.Id).ToHashSet(StringComparer.OrdinalIgnoreCase));
            files = [.. unpinned];
            for (var i = 0; i < files.Count; i++)
            {
                if (files[i].Proposals.Count == 0) continue;
                files[i] = files[i] with { WriteProblem = AdoptWriter.Write(files[i]), WriteTried = true };
            }
        }
        var errors = fileErrors.Concat(documents.SelectMany(d => d.Errors)).ToList();
        return new AdoptReport(files, errors, write, clock.Elapsed)
        {
            Pins = [.. pins.New.Select(p => $"{p.Id}@{p.Version}")],
            PinsFile = DocumentDiscovery.DisplayPath(pins.ConfigPath, options.CurrentDirectory),
            PinsProblem = pinsProblem,
        };
    }

    /// <summary>What the page says of a failed block's errors: its marker comments, else the annotation above it.</summary>
    private static MarkedErrors.Reading ReadErrors(PreparedDocument document, SnippetResult failed)
    {
        var marked = MarkedErrors.Of(failed);
        return marked is { Ids.Count: 0, Refusal: null } ? ExampleAnnotations.Of(document.Snippets, failed) : marked;
    }

    /// <summary>
    /// The types the run's Markdown pages declare, as the models' prelude (<see cref="DocModels"/>); none when a config file
    /// is there (adopt never edits one: its prelude would not be named) or no page declares any.
    /// </summary>
    private static DocModels ModelsFor(Verifier verifier, IReadOnlyList<PreparedDocument> adoptable)
    {
        var pages = adoptable.Where(d => IsMarkdown(d.Snippets.DisplayPath)).ToList();
        var sample = pages.FirstOrDefault(d => d.Snippets.Snippets.Count > 0);
        if (verifier.Config.SourcePath is not null || sample is null) return DocModels.None;
        var settings = sample.SettingsFor(sample.Snippets.Snippets[0]);
        return DocModels.Of(pages, settings.References, settings.Usings, settings.ParseOptions, DocModels.FileName);
    }

    /// <summary>
    /// Why a page's class is no fixture to propose, though it verifies more than block by block (issue 54): it leaves out
    /// as many blocks as it verifies or more (each an ignore tag for a reader's eyes only), or a block it leaves out fails
    /// on an error outside its own lines, so its ignore would say nothing of it. Null when neither holds.
    /// </summary>
    private static string? FixtureShortfall(FixtureInference.Trial trial)
    {
        if (trial.Left.Count >= trial.Verified) return $"it would leave out {trial.Left.Count} with ignore, as many or more";
        var foreign = trial.Left.FirstOrDefault(l => l.FailureLocation.File != l.Snippet.Location.File
            || l.FailureLocation.Line < l.Snippet.Location.Line || l.FailureLocation.Line > l.Snippet.Block.EndLine);
        return foreign is null ? null
            : $"the block at line {foreign.Snippet.Location.Line} would be left out for an error at line {foreign.FailureLocation.Line}, outside it";
    }

    /// <summary>
    /// A page worth verifying as one class: Markdown whose blocks are all untagged (a tag written for a lone block means
    /// the block alone), whose front matter can take the setting, and where block by block leaves a block unverified; or
    /// a page config already makes a fixture. Never where config or front matter says <c>fixture: false</c>.
    /// </summary>
    private static bool IsFixtureCandidate(PreparedDocument document, AdoptFile file)
    {
        if (!IsMarkdown(file.Path) || document.Settings.Config.Fixture == false) return false;
        if (document.Settings.IsFixture) return true;
        // A class can give a block only names (a field, a setup's work): a page whose blocks fail alone for other reasons
        // (fragments, errors) gains nothing from a trial, which compiles and runs the page up to six times.
        var lacksNames = file.Causes.Any(c => c.Kind is UnverifiedCause.UnknownName or UnverifiedCause.PackageNotFound) || file.Check > 0 ||
            document.Snippets.Source.Items.OfType<HiddenFences>().Any() || PackageEvidence.TestCandidates(document.Snippets).Any();
        return lacksNames && document.Snippets.Snippets.All(s => !s.IsTagged) &&
            file.Proposals.Count(p => p.Kind is SnippetKind.Compile or SnippetKind.Run or SnippetKind.CompileFail) < file.Blocks &&
            AdoptWriter.SettingsEdit(document.Snippets.Source.Document, new PageSettings(true, ["x"])) is not null;
    }

    /// <summary>
    /// The page's proposals as its fixture: each block that passes in the class with the kind it was tried with (and its
    /// output block), the page's packages and usings on the first; each block that fails in it left out with
    /// <c>ignore</c>, its cause in the report; and the page settings its front matter gets.
    /// </summary>
    /// <param name="frontMatter"><c>--front-matter</c>: the settings go into the front matter, else into a hidden page comment.</param>
    private static AdoptFile AsFixture(
        PreparedDocument document, AdoptFile file, FixtureInference.Trial trial, int aloneVerified, bool write, bool frontMatter)
    {
        var proposals = new List<AdoptProposal>();
        var failures = new List<SnippetResult>();
        var causes = new List<UnverifiedCause>();
        var notes = new List<AdoptNote>();
        var source = document.Snippets.Source.Document;
        foreach (var block in trial.Blocks)
        {
            var snippet = document.Snippets.Snippets.First(s => s.Location == block.Location);
            var left = trial.Left.FirstOrDefault(l => l.Snippet.Location == block.Location);
            if (AdoptWriter.CommentPrefix(snippet.Block, source) is null)
            {
                // Untagged on a fixture page is 'run': a block that passes so needs no tag; one that fails would fail the page.
                if (left is not null) return file with { Notes = [.. file.Notes, new AdoptNote(snippet.Location,
                    "fails in its page's class, and its fence shares its line with a list marker, so no ignore tag can leave it out: the page is " +
                    "not proposed as a fixture")] };
                notes.Add(new AdoptNote(
                    snippet.Location, "passes in its page's class, left untagged: its fence shares its line with a list marker (on a fixture page " +
                    "an untagged block runs)"));
                continue;
            }
            if (left is not null)
            {
                proposals.Add(new AdoptProposal(snippet, SnippetKind.Ignore, null));
                failures.Add(left);
                var cause = UnverifiedCause.Of(left, packageLookedFor: false);
                causes.Add(cause with { Detail = "in its page's class: " + cause.Detail });
                continue;
            }
            var (first, second) = trial.Runs[block.Location];
            var output = block.Kind == SnippetKind.Run
                ? OutputFenceFor(document, snippet, ScrubbingOf(document, snippet), first.ActualOutput, second.ActualOutput) : null;
            proposals.Add(new AdoptProposal(
                snippet, block.Kind, output) { Usings = block.Tags.Usings, Packages = block.Tags.Packages, WebSdk = block.Tags.WebSdk });
        }
        var settings = FixtureSettings(document, trial) with { InComment = !frontMatter };
        var said = settings.Lines.Count == 0 ? ""
            : $"; {(frontMatter ? "its front matter" : "a hidden comment at its top")} {(write ? "gets" : "would get")}: {settings}";
        notes.Insert(0, new AdoptNote(new SourceLocation(file.Path, 1, 1),
            $"page fixture: {trial.Verified} of {trial.Blocks.Count} blocks verified as one class ({aloneVerified} block by block){said}"));
        return new AdoptFile(source, file.Blocks, proposals, failures, notes) { Causes = causes, Fixture = settings, Rot = file.Rot };
    }

    /// <summary>What the page must say to be verified as <paramref name="trial"/>'s class: nothing when config already says all.</summary>
    private static PageSettings FixtureSettings(PreparedDocument document, FixtureInference.Trial trial)
    {
        // The page's own list replaces config's: it names config's fences too, which the trial read beside the new ones.
        IReadOnlyList<string> fences = trial.HiddenFences.Count == 0 ? []
            : [.. (document.Settings.Config.HiddenFences ?? []).Concat(trial.HiddenFences).Distinct(StringComparer.OrdinalIgnoreCase)];
        return new PageSettings(!document.Settings.IsFixture, fences);
    }

    /// <summary>The calls that start work on other threads, as <c>Type.Method</c>, or a method alone for an extension.</summary>
    private static readonly string[] ParallelStarts =
        ["Parallel.For", "Parallel.ForEach", "Parallel.ForEachAsync", "Parallel.Invoke", "Task.Run", "Factory.StartNew",
         "ThreadPool.QueueUserWorkItem", "ThreadPool.UnsafeQueueUserWorkItem", "AsParallel"];

    /// <summary>
    /// The first call in the block that starts work on other threads (<c>Parallel.For</c>, <c>Task.Run</c>,
    /// <c>new Thread</c>, PLINQ), as written; null when there is none, or when each such call is awaited on the spot.
    /// Read from the syntax: a block that may race is told apart before it is trusted, not after.
    /// </summary>
    private static string? ParallelWorkIn(Snippet snippet)
    {
        foreach (var node in CSharpSyntaxTree.ParseText(string.Join('\n', snippet.Code.Select(l => l.Text)), ResultSyntax).GetRoot()
            .DescendantNodes())
        {
            switch (node)
            {
                // 'await Task.Run(...)' waits for its one task before going on: nothing runs beside it.
                case MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax { Parent: not AwaitExpressionSyntax } } access
                    when ParallelStarts.Contains(access.Name.Identifier.ValueText)
                    || ParallelStarts.Contains(LastName(access.Expression) + "." + access.Name.Identifier.ValueText):
                    return access.ToString();
                case ObjectCreationExpressionSyntax { Type: var type } when LastName(type) == "Thread":
                    return "new Thread";
            }
        }
        return null;
    }

    private static string? LastName(Microsoft.CodeAnalysis.SyntaxNode node) => node switch
    {
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => null,
    };

    private static bool IsMarkdown(string path) =>
        path.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".markdown", StringComparison.OrdinalIgnoreCase)
        || MdxSyntax.IsMdx(path);

    private static bool IsCSharp(string path) => path.EndsWith(".cs", StringComparison.OrdinalIgnoreCase);

    private static (string File, int Line) Key(Snippet snippet) => (snippet.Location.File, snippet.Location.Line);

    private static Dictionary<(string, int), SnippetResult> ByBlock(IReadOnlyList<SnippetResult> results) =>
        results.GroupBy(r => Key(r.Snippet)).ToDictionary(g => g.Key, g => g.First());

    /// <summary>
    /// The compiler's errors for methods, properties and fields written outside a type: a modifier on what it reads as
    /// a local function (CS0106), a member directly in the file (CS9348, CS0116).
    /// </summary>
    internal static bool IsMembersOutsideAType(SnippetResult result) =>
        result.Diagnostics.Any(d => d.Id is "CS0106" or "CS9348" or "CS0116");

    private static bool HasEntryPoint(PreparedDocument document, Snippet snippet) => document.HasEntryPoint(snippet);

    /// <summary>
    /// The fence after the block, when it is the next fence of the post, is a <c>text</c>, <c>console</c> or untagged
    /// block that belongs to no snippet, and holds what each run printed through <paramref name="scrubbing"/> (nothing
    /// printed: no output block).
    /// </summary>
    private static FencedBlock? OutputFenceFor(PreparedDocument document, Snippet snippet, Scrubbing scrubbing, params string?[] printed)
    {
        if (printed.Any(string.IsNullOrWhiteSpace)) return null;
        var items = document.Snippets.Source.Items;
        var index = -1;
        for (var i = 0; i < items.Count; i++)
        {
            if (ReferenceEquals(items[i], snippet.Block)) index = i;
        }
        if (index < 0) return null;
        var next = items.Skip(index + 1).OfType<FencedBlock>().FirstOrDefault();
        if (next is null || SnippetReader.IsCSharp(next) || next.Comments.Count > 0 || next.Arguments.Trim().Length > 0 ||
            !OutputLanguages.Contains(next.Info.Trim(), StringComparer.OrdinalIgnoreCase) ||
            !next.Geometry.IsClosed || next.Geometry.XmlEscaped || AdoptWriter.CommentPrefix(next, document.Snippets.Source.Document) is null)
        {
            return null;
        }
        return printed.All(p => Alike(next.Content, p!, scrubbing)) ? next : null;
    }

    /// <summary>The scrubbers <c>verify</c> will compare the block's output through: the defaults and what its file or config adds.</summary>
    private static Scrubbing ScrubbingOf(PreparedDocument document, Snippet snippet) =>
        document.ScrubbingFor(snippet);

    /// <summary>
    /// Whether two texts read the same as <c>verify</c> compares output: line endings, trailing white space and
    /// surrounding blank lines aside, and through the block's scrubbers (GUIDs, dates, temp paths by default), exact.
    /// Two runs of a block, and a run and the fence beside it, are compared so.
    /// </summary>
    private static bool Alike(string expected, string actual, Scrubbing scrubbing) =>
        OutputComparer.Matches(expected, actual, OutputMatchMode.Exact, scrubbing);
}
