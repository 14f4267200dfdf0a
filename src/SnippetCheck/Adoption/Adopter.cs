using System.Diagnostics;
using SnippetCheck.Adoption.Inference;
using SnippetCheck.Adoption.Inference.Classes;
using SnippetCheck.Adoption.Inference.Packages;
using SnippetCheck.Adoption.Decisions;
using SnippetCheck.Adoption.Proposals;
using SnippetCheck.Adoption.Trials;
using SnippetCheck.Adoption.Writing;
using SnippetCheck.Extraction.Discovery;
using SnippetCheck.Configuration;
using SnippetCheck.Driver;
using SnippetCheck.References;
using SnippetCheck.Programs;
using SnippetCheck.Extraction.Snippets;
using SnippetCheck.Engine.Scheduling;
using static SnippetCheck.Adoption.Inference.BlockKeys;

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
internal static class Adopter
{
    /// <summary>
    /// Proposes the tags, hidden lines and settings that make each block of <paramref name="verifier"/>'s files pass, by
    /// verifying trials; with <paramref name="write"/>, writes them into the files (only insertions of comments, and of front matter with
    /// <c>--front-matter</c>).
    /// </summary>
    /// <param name="verifier">The run's files and settings (<see cref="Verifier.Options"/>); its events report each pass's progress.</param>
    /// <param name="packages">
    /// Packages the author names (<c>adopt --package</c>), each <c>NAME</c> or <c>NAME@VERSION</c> (<see cref="AdoptReport.IsPackage"/>),
    /// tried first for every post.
    /// </param>
    /// <param name="frontMatter">
    /// <c>adopt --front-matter</c>: a page fixture whose settings the page must say (<c>fixture: true</c>, hidden fences) is
    /// proposed, its settings written into the front matter. Without it adopt changes nothing a reader sees: GitHub shows a
    /// front matter as a table, and many docs renderers as text, so such a page gets a note saying what it would verify.
    /// </param>
    public static async Task<AdoptReport> RunAsync(
        Verifier verifier, bool write, IReadOnlyList<string> packages, bool frontMatter, CancellationToken cancellationToken = default)
    {
        // The run's options, as the verifier holds them: adopt reads their folder, filter and command line.
        var options = verifier.Options;
        var stated = packages.Select(p => PackageCandidate.TryParse(p)
            ?? throw new ArgumentException($"'{p}' is not NAME or NAME@VERSION", nameof(packages))).ToList();
        var clock = Stopwatch.StartNew();
        var (documents, fileErrors) = verifier.Prepare();
        // Markdown posts, and the doc comments of C# files (a .csproj's, a folder's through the globs, or one named).
        static bool Adoptable(string path) => DocSet.IsMarkdown(path) || IsCSharp(path);
        var adoptable = documents.Where(d => !d.Skip && Adoptable(d.Snippets.DisplayPath)).ToList();
        // A block that only its output block tags is 'run' to verify though its author tagged nothing: adopt tries it as an
        // untagged one (its output block aside), and what it proposes is proven against that output block as written.
        var untagged = adoptable
            .SelectMany(d => d.Snippets.Snippets.Where(s => (!s.IsTagged || TaggedOnlyByItsOutput(s)) && RunPlanner.Matches(s, options.Filter))
                .Select(s => (Document: d, Snippet: s with { Output = null })))
            .ToList();

        // The package lookups, handed to the passes beside the seam: restores through the run's package cache and the NuGet.Config
        // over the config file's folder (else the run's); removed-API rot asks the sources over the run's folder.
        var feed = PackageFeed.For(verifier.Config.SourcePath is { } source ? Path.GetDirectoryName(source)! : options.CurrentDirectory,
            options.PackageCacheRoot, options.NuGetPackages);
        var (files, compiled) = await ProposeAsync(verifier, feed, stated, adoptable, untagged, cancellationToken).ConfigureAwait(false);

        // Pass 5b: names the blocks use that an older version of their post's packages declared (removed or renamed API).
        files = await RemovedApiTrials.ApplyAsync(
            verifier, PackageFeed.For(options.CurrentDirectory, options.PackageCacheRoot, options.NuGetPackages), files, adoptable,
            s => compiled.FailedWithReceivers(Key(s)) ?? compiled.PackageFailure(Key(s)),
            compiled.Packages.PostPackages,
            options.CurrentDirectory, cancellationToken).ConfigureAwait(false);

        // Pass 6: pages that verify more as one class (the page fixture) than block by block (PageFixtures).
        files = await PageFixtures.ApplyAsync(
            verifier, trial => verifier.PrepareAs(trial).Documents, compiled.Finds, files, adoptable, options.Filter, write, frontMatter,
            cancellationToken).ConfigureAwait(false);

        // A block its output block tags that passes as its author wrote it needs no tag: verify runs it and compares already.
        files = [.. files.Select(f => f with { Proposals = [.. f.Proposals.Where(p => !SaysNothingNew(p, documents))] })];

        var (written, pins, pinsProblem) =
            await PinAndWriteAsync(verifier, options, files, compiled.Models, write, cancellationToken).ConfigureAwait(false);
        var errors = fileErrors.Concat(documents.SelectMany(d => d.Errors)).ToList();
        var pinsFile = DocumentDiscovery.DisplayPath(pins.ConfigPath, options.CurrentDirectory);
        return new AdoptReport(written, errors, write, clock.Elapsed)
        {
            OwnPins = DocSetPins.OwnPins(written, pins, pinsFile, pinsProblem),
            SetupProblems = SetupProblems(compiled.Packages, written),
            Pins = [.. pins.New.Select(p => $"{p.Id}@{p.Version}")],
            PinsFile = pinsFile,
            PinsProblem = pinsProblem,
            Versions = compiled.Packages.WrittenFor(written.SelectMany(f => f.Proposals).Where(p => !p.LeftOut)
                .SelectMany(p => p.Packages).Select(p => p.Id).ToHashSet(StringComparer.OrdinalIgnoreCase)),
        };
    }

    /// <summary>A block whose output block is its only tag: no kind, no tag word, no stdin, no slip.</summary>
    private static bool TaggedOnlyByItsOutput(Snippet snippet) =>
        snippet.Output is not null && !snippet.Tags.HasAny && snippet.Stdin is null && !snippet.HasAnnotationErrors;

    /// <summary>A plain <c>run</c> proposed for a block its output block already makes <c>run</c>: writing it changes nothing.</summary>
    private static bool SaysNothingNew(AdoptProposal proposal, IReadOnlyList<PreparedDocument> documents) =>
        proposal is { Kind: SnippetKind.Run, Output: null, Members: false, Listing: false, Results: false, StatementsFirst: false, Base: null,
            WebSdk: false, Session: null, Given.Count: 0, Usings.Count: 0, Packages.Count: 0, HiddenChecks.Count: 0 }
        && documents.SelectMany(d => d.Snippets.Snippets).Any(s => s.Location == proposal.Snippet.Location && TaggedOnlyByItsOutput(s));

    /// <summary>
    /// Passes 1 to 5a': each untagged block's proposal as its trials decide, through <paramref name="trials"/> alone (the
    /// seam unit tests drive with recorded results, tests/SnippetCheck.Tests/Unit/Adoption/) and the package lookups of <paramref name="feed"/>.
    /// </summary>
    internal static async Task<(List<AdoptFile> Files, CompileTrials Compiled)> ProposeAsync(
        IBlockTrials trials, IPackageFeed feed, IReadOnlyList<PackageCandidate> stated, IReadOnlyList<PreparedDocument> adoptable,
        IReadOnlyList<(PreparedDocument Document, Snippet Snippet)> untagged, CancellationToken cancellationToken)
    {
        // Passes 1 to 1g: as written, then in the shapes that may make a failed block compile (CompileTrials).
        var compiled = await CompileTrials.RunAsync(trials, feed, stated, adoptable, untagged, cancellationToken).ConfigureAwait(false);
        // Passes 2 and 2b: what compiled and has something to execute, run twice, and its prose's claims (RunTrials).
        var runs = await RunTrials.RunAsync(trials, untagged, compiled.Compiles, cancellationToken).ConfigureAwait(false);
        // Passes 3 to 5a: sessions, compile-fail on marked errors, check, listings (FallbackTrials).
        var fallbacks = await FallbackTrials.RunAsync(trials, untagged, compiled, runs, cancellationToken).ConfigureAwait(false);
        var results = HandedOver(untagged, compiled, runs, fallbacks);
        var files = adoptable.Select(d => BlockProposals.For(d, untagged, results)).OfType<AdoptFile>().ToList();

        // Pass 5a': blocks the parser rejects that one token makes compile, tried again repaired (typos, TypoRepairs).
        files = await TypoRepairs.ApplyAsync(trials, compiled, files, adoptable, cancellationToken).ConfigureAwait(false);
        return (files, compiled);
    }

    /// <summary>
    /// What the passes found of each untagged block, handed to the decision as data (<see cref="TrialResults"/>, by the block's
    /// place): the passes' own keys (file and fence line, whatever tags a trial gave the block) are read here, once.
    /// </summary>
    private static TrialResults HandedOver(
        IReadOnlyList<(PreparedDocument Document, Snippet Snippet)> untagged, CompileTrials compiled, RunTrials runs, FallbackTrials fallbacks) =>
        new(compiled.Packages, fallbacks.Chains, untagged.Select(u => u.Snippet).DistinctBy(s => s.Location).ToDictionary(s => s.Location, s =>
        {
            var key = Key(s);
            return new TrialResults.Block
            {
                Compiles = compiled.Compiles.GetValueOrDefault(key),
                Failure = compiled.FailedWithReceivers(key) ?? compiled.PackageFailure(key),
                Narrowed = compiled.NarrowedByReceivers(key),
                ClassNote = compiled.ClassNotes.GetValueOrDefault(s.Location),
                Guess = compiled.Guesses.GetValueOrDefault(s.Location),
                FailsAsMarked = fallbacks.FailsAsMarked.GetValueOrDefault(key),
                MarksRefused = fallbacks.Readings.GetValueOrDefault(key).Reading?.Refusal,
                Check = fallbacks.Checks.GetValueOrDefault(key),
                Listing = fallbacks.Listings.GetValueOrDefault(key),
                Unlisted = fallbacks.Unlisted.GetValueOrDefault(key),
                Ran = runs.Ran.GetValueOrDefault(key),
                Again = runs.Again.GetValueOrDefault(key),
                Claims = runs.Claims.TryGetValue(key, out var claimed) ? claimed.Claims : [],
                Claimed = runs.Claimed.GetValueOrDefault(key),
            };
        }));

    /// <summary>
    /// One pin per package for the doc set, in the config (<see cref="DocSetPins"/>): tags name the package, the config its
    /// version. Then the proof (<see cref="ProposalProof"/>): the pages verified as they will be written, with the config
    /// <c>verify</c> will read, every block that fails so withdrawn. With <paramref name="write"/>, the models' prelude and
    /// the pins are written first (the proof reads them from the config as <c>verify</c> will), then each file's proposals;
    /// a dry run lays them over the config instead.
    /// </summary>
    private static async Task<(List<AdoptFile> Files, DocSetPins.Plan Pins, string? PinsProblem)> PinAndWriteAsync(
        IBlockTrials verifier, VerifyOptions options, List<AdoptFile> files, DocModels models, bool write, CancellationToken cancellationToken)
    {
        var (unpinned, pins) = DocSetPins.Propose(files, verifier.Config, options.CurrentDirectory);
        var usings = unpinned.SelectMany(f => f.Proposals).Where(p => !p.LeftOut).SelectMany(p => p.Usings).ToList();
        var proving = options;
        if (write) DocModelsWriter.Write(models, options.CurrentDirectory, usings);
        else if (models.Code(usings) is { Count: > 0 } hidden)
            proving = options with { CommandLine = options.CommandLine with { HiddenCode = hidden } };
        (unpinned, pins) = DocSetPins.Keep(
            unpinned, pins, await DocSetPins.FailingAsync(verifier, proving.CommandLine, unpinned, pins, cancellationToken).ConfigureAwait(false));
        var pinsProblem = write ? DocSetPins.Write(pins, options.CurrentDirectory) : null;
        if (pinsProblem is not null)
            (unpinned, pins) = DocSetPins.Keep(unpinned, pins, pins.New.Select(p => p.Id).ToHashSet(StringComparer.OrdinalIgnoreCase));
        var pending = write ? null : new SnippetCheckConfig { PackageVersions = [.. pins.All.Select(p => $"{p.Id}@{p.Version}")] };
        files = await ProposalProof.ProveAsync(verifier, proving.CommandLine, [.. unpinned], pending, cancellationToken).ConfigureAwait(false);
        if (!write) return (files, pins, null);
        for (var i = 0; i < files.Count; i++)
        {
            if (files[i].Proposals.Count == 0) continue;
            files[i] = files[i] with { WriteProblem = AdoptWriter.Write(files[i]), WriteTried = true };
        }
        return (files, pins, pinsProblem);
    }

    /// <summary>
    /// Each package a source has that could not be restored here, with how many blocks stay unverified for it: a setup
    /// problem the closing summary names, never a silent loss of blocks.
    /// </summary>
    private static IReadOnlyList<string> SetupProblems(PackageInference packages, IReadOnlyList<AdoptFile> files)
    {
        var proposed = files.SelectMany(f => f.Proposals).Where(p => !p.LeftOut).Select(p => p.Snippet.Location).ToHashSet();
        return [.. packages.Unloaded.Where(u => !proposed.Contains(u.Key))
            .SelectMany(u => packages.Unrestorable(u.Value).Select(id => (Id: id, Block: u.Key)))
            .GroupBy(b => b.Id, StringComparer.OrdinalIgnoreCase).OrderBy(g => g.Key, StringComparer.OrdinalIgnoreCase)
            .Select(g => $"{packages.UnloadedText([g.Key])}: {g.Select(b => b.Block).Distinct().Count()} " +
                $"block{(g.Select(b => b.Block).Distinct().Count() == 1 ? "" : "s")} not verified for it")];
    }

    private static bool IsCSharp(string path) => path.EndsWith(".cs", StringComparison.OrdinalIgnoreCase);
}
