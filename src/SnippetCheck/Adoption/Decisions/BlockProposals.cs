using SnippetCheck.Adoption.Inference;
using SnippetCheck.Adoption.Inference.Packages;
using SnippetCheck.Adoption.Proposals;
using SnippetCheck.Adoption.Rot;
using SnippetCheck.Programs;
using SnippetCheck.Extraction;
using SnippetCheck.Extraction.Snippets;
using SnippetCheck.Model;
using SnippetCheck.Results;
using SnippetCheck.Editing;

namespace SnippetCheck.Adoption.Decisions;

/// <summary>
/// One page's proposals, read from adopt's trials: for each untagged block, the strongest level a trial verified it at
/// (a session, a listing, <c>compile-fail</c>, <c>check</c>, <c>run</c> with its output block, <c>compile</c>), else
/// its failure, its cause and any suspected rot; and the notes that say why a block was left as it is.
/// </summary>
internal sealed class BlockProposals
{
    private readonly PreparedDocument _document;
    private readonly TrialResults _trials;
    private readonly List<AdoptProposal> _proposals = [];
    private readonly List<SnippetResult> _failures = [];
    private readonly List<UnverifiedCause> _causes = [];
    private readonly List<AdoptNote> _notes = [];
    private readonly List<SuspectedRot> _rot;

    private BlockProposals(PreparedDocument document, TrialResults trials)
    {
        _document = document;
        _trials = trials;
        _rot = trials.Packages.OlderMajorRot(document.Snippets).ToList();
    }

    private PackageInference Packages => _trials.Packages;

    private SourceDocument Source => _document.Snippets.Source.Document;

    /// <summary>The page's proposals; null when it has no untagged block.</summary>
    public static AdoptFile? For(
        PreparedDocument document, IReadOnlyList<(PreparedDocument Document, Snippet Snippet)> untagged, TrialResults trials)
    {
        var blocks = untagged.Where(u => ReferenceEquals(u.Document, document)).Select(u => u.Snippet).ToList();
        if (blocks.Count == 0) return null;
        var page = new BlockProposals(document, trials);
        foreach (var snippet in blocks) page.Add(snippet);
        return new AdoptFile(page.Source, blocks.Count, page._proposals, page._failures, page._notes) { Causes = page._causes, Rot = page._rot };
    }

    private void Add(Snippet snippet)
    {
        var block = _trials.Of(snippet);
        if (AddedAsSessionOrListing(snippet, block)) return;
        var packageNotes = Packages.Notes.Where(n => n.Location == snippet.Location).Distinct().ToList();
        // A bare member of a package's base class is declared, on that class: its own note says what was missing instead.
        if (block.Compiles is null) _notes.AddRange(block.ClassNote is null ? packageNotes : [block.ClassNote]);
        if (block.Guess is { Ambiguous.Count: > 0 } guess)
        {
            _notes.Add(new AdoptNote(snippet.Location, "no using added: " + string.Join("; ", guess.Ambiguous.Select(a =>
                $"'{a.Name}' is a type in {string.Join(" and ", a.Namespaces)}")) + "; add the one the post means as usings=NAMESPACE"));
        }
        if (block.FailsAsMarked is { Status: SnippetStatus.Passed } marked)
        {
            var markedTags = marked.Snippet.Tags;
            _proposals.Add(new AdoptProposal(snippet, SnippetKind.CompileFail, null)
                { Members = markedTags.Members, Results = markedTags.Results, StatementsFirst = markedTags.StatementsFirst,
                    Usings = markedTags.Usings, Packages = markedTags.Packages, WebSdk = markedTags.WebSdk,
                    ExpectedErrorIds = markedTags.ExpectedErrorIds });
            return;
        }
        if (block.MarksRefused is { } refusal) _notes.Add(new AdoptNote(snippet.Location, refusal));
        var unrestorable = NoteUnloadedPackages(snippet, block);
        if (block is { Compiles: null, Check: { } checkedBlock })
        {
            var checkTags = checkedBlock.Snippet.Tags;
            _proposals.Add(new AdoptProposal(
                snippet, SnippetKind.Check, null) { Members = checkTags.Members, Usings = checkTags.Usings, Given = checkTags.Given,
                StatementsFirst = checkTags.StatementsFirst, Packages = checkTags.Packages, WebSdk = checkTags.WebSdk });
            return;
        }
        if (block.Compiles is not { } tags)
        {
            AddFailure(snippet, block, packageLookedFor: packageNotes.Count > 0, unrestorable);
            return;
        }
        if (NotedAsLeftUntagged(snippet) || AddedAsRun(snippet, block, tags)) return;
        AddAsCompile(snippet, block, tags);
    }

    /// <summary>A block joined with earlier ones as a session, or one that only lists signatures: proposed so.</summary>
    private bool AddedAsSessionOrListing(Snippet snippet, TrialResults.Block block)
    {
        if (_trials.Chains.FirstOrDefault(c => c.Holds(snippet)) is { } chain)
        {
            var index = chain.Blocks.ToList().FindIndex(b => b.Location == snippet.Location);
            var joined = chain.Blocks[index];
            var printed = joined.Kind == SnippetKind.Run
                ? AdoptedOutput.FenceFor(_document, snippet, AdoptedOutput.ScrubbingOf(_document, snippet), chain.Outputs[index]) : null;
            _proposals.Add(new AdoptProposal(
                snippet, joined.Kind, printed) { Members = joined.Tags.Members, Results = joined.Tags.Results, Base = joined.Tags.Base,
                StatementsFirst = joined.Tags.StatementsFirst, Usings = joined.Tags.Usings, Packages = joined.Tags.Packages,
                WebSdk = joined.Tags.WebSdk, Session = joined.Tags.Session });
            return true;
        }
        if (block.Listing is { } listed)
        {
            _proposals.Add(new AdoptProposal(snippet, SnippetKind.Check, null) { Listing = true, Packages = listed.Snippet.Tags.Packages });
            return true;
        }
        return false;
    }

    /// <summary>The note for a block that does not compile and whose post names packages adopt could not load; those that a source has.</summary>
    private IReadOnlyList<string> NoteUnloadedPackages(Snippet snippet, TrialResults.Block block)
    {
        var unloadedPackages = Packages.Unloaded.GetValueOrDefault(snippet.Location);
        var unrestorable = unloadedPackages is null ? [] : Packages.Unrestorable(unloadedPackages);
        if (unloadedPackages is not null && block.Compiles is null)
            _notes.Add(new AdoptNote(snippet.Location, unrestorable.Count > 0
                ? $"not verified: {Packages.NamedBy(snippet, unrestorable)} {Packages.UnloadedText(unrestorable)}: a setup problem, not the " +
                    "post's; its unknown names may be that package's API, where a misspelt name would pass, so it is not tagged check either"
                : $"not tagged check: {Packages.NamedBy(snippet, unloadedPackages)} {Packages.UnloadedText(unloadedPackages)}, " +
                    "so its unknown names may be " +
                    "that package's API, where a misspelt name would pass"));
        return unrestorable;
    }

    /// <summary>A block no trial passed: its failure, its cause, and its rot when the failure suggests it.</summary>
    private void AddFailure(Snippet snippet, TrialResults.Block block, bool packageLookedFor, IReadOnlyList<string> unrestorable)
    {
        if (block.Failure is not { Status: SnippetStatus.Failed } failed) return;
        _failures.Add(failed);
        // A package its post is given that no source has may be what declares its names: package-not-found, as it says.
        var nowhere = Packages.Unloaded.ContainsKey(snippet.Location) ? null : Packages.DeclaredNowhereInTheDocs(snippet);
        // A listing's signatures, compiled, say 'readonly' is not valid or a body is missing: its listing's failure is what it lacks.
        var cause = block.Unlisted is { } unlisted ? UnverifiedCause.OfListing(unlisted)
            : UnverifiedCause.Of(failed, packageLookedFor, unrestorable, nowhere);
        // An exercise's class the page asks its reader to write: said so, as no stub may stand for it (ExerciseTypes).
        if (cause.Kind == UnverifiedCause.UnknownName
            && ExerciseTypes.CauseOf(Source, PackageInference.UnknownNames(failed.Snippet, failed.Diagnostics)) is { } exercise)
            cause = cause with { Detail = exercise };
        // What a reader has to add first: once its receivers are given, the names it still lacks, not the receiver it no longer lacks.
        if (cause.Kind is UnverifiedCause.UnknownName or UnverifiedCause.PackageNotFound && block.Narrowed is { } narrowed)
        {
            var left = UnverifiedCause.Of(narrowed, packageLookedFor, unrestorable, nowhere);
            var given = narrowed.Snippet.Tags.Given.Select(g => g.Split(':', 2)).Select((g, i) => $"'{g[0]}'{(i == 0 ? " is" : "")} given as {g[1]}");
            cause = left with { Detail = $"{left.Detail}, once {string.Join(", ", given)}" };
        }
        // A name one letter from the block's own local ('μs' beside 'var us') is its typo, not context the page leaves out.
        if (PackageInference.UnknownNames(failed.Snippet, failed.Diagnostics)?.Select(n => (Name: n, Meant: LocalTypos.MeantBy(
            _document.Snippets, snippet, n))).FirstOrDefault(t => t.Meant is not null) is { Meant: { } meant } typo)
            cause = cause with { Kind = UnverifiedCause.UnknownName, Detail = $"'{typo.Name}': the block declares '{meant}' (misspelt?)" };
        _causes.Add(cause);
        var known = _rot.Any(r => r.Block == snippet.Location);
        if (!known && RotReport.Of(Source, snippet, failed) is { } suspected) _rot.Add(suspected);
    }

    /// <summary>A block that compiles but would prove nothing tagged, or whose tag has no line to stand on: a note says so.</summary>
    private bool NotedAsLeftUntagged(Snippet snippet)
    {
        if (ApiListing.DeclaresOnly(snippet))
        {
            _notes.Add(new AdoptNote(
                snippet.Location, "compiles, but left untagged: it only lists constants or fields of built-in types with literal values, " +
                "which compile whatever the library holds; compiling it would prove nothing about the API"));
            return true;
        }
        if (!PageLines.CanTag(snippet.Block, Source))
        {
            _notes.Add(new AdoptNote(snippet.Location, snippet.Block.Geometry.XmlEscaped
                ? "passes, but left untagged: its <code> tag shares its line with other text of the comment, so no comment line can stand " +
                "just before it; put <code> on a line of its own"
                : "passes, but left untagged: its fence shares its line with a list marker, so no comment line can stand above it in the " +
                "same list item"));
            return true;
        }
        return false;
    }

    /// <summary>
    /// A block whose two runs passed and printed alike: proposed as <c>run</c>, with its output block and its prose's
    /// claims. One that starts parallel work, or printed something else the second time, gets a note instead; one
    /// that reads the clock or a random source is <c>run</c> without its output compared, whatever its runs printed.
    /// </summary>
    private bool AddedAsRun(Snippet snippet, TrialResults.Block block, SnippetTags tags)
    {
        if (block.Ran is not null && RunVariance.ParallelStart(snippet) is { } parallel)
        {
            // Two quiet runs prove little of a race: a Dictionary written from Parallel.For ran clean twice while
            // adopt ran, and threw in the verify right after it (realworld, AsyncGuidance.md, under load). Whether its
            // runs passed depends on the load too, so the note is read from the code: two cold adopts differed in it.
            _notes.Add(new AdoptNote(
                snippet.Location, $"starts parallel work ({parallel}): tagged compile, since a race may pass twice and fail the " +
                "next run; tag it run yourself if its threads cannot race"));
            return false;
        }
        if (block.Ran is not { Status: SnippetStatus.Passed } runResult || block.Again is not { Status: SnippetStatus.Passed } secondRun)
            return false;
        var scrubbing = AdoptedOutput.ScrubbingOf(_document, snippet with { Tags = tags });
        if (RunVariance.VaryingRead(snippet) is { } varying)
        {
            // Read from the code, not from whether two runs happened to print alike: that made two adopts of one post differ.
            _notes.Add(new AdoptNote(snippet.Location, $"reads {varying}, so what it prints varies from run to run: tagged run, " +
                "which checks that it runs to the end, without an output block; add one with scrub= or an ellipsis if it is meant to be compared"));
            _proposals.Add(WithProseClaims(Proposed(snippet, SnippetKind.Run, null, tags), snippet, block));
            return true;
        }
        if (!AdoptedOutput.Alike(runResult.ActualOutput ?? "", secondRun.ActualOutput ?? "", scrubbing))
        {
            // A race that printed in another order this time may as well throw next time (a Dictionary written
            // from several threads does, one run in three): only a run seen twice alike is proposed as 'run'.
            _notes.Add(new AdoptNote(
                snippet.Location, "runs, but printed something else on its second run (a race, a time, a random value): tagged compile, "
                + "since its run may not pass next time; tag it run yourself, with scrub= or an ellipsis output block, "
                + "if it is meant to vary"));
            return false;
        }
        var output = AdoptedOutput.FenceFor(_document, snippet, scrubbing, runResult.ActualOutput, secondRun.ActualOutput);
        if (output is null && OutputClaim.Of(Source, _document.Snippets.Source.Items, snippet, scrubbing, runResult.ActualOutput) is { } stale)
            _rot.Add(stale);
        _proposals.Add(WithProseClaims(Proposed(snippet, SnippetKind.Run, output, tags), snippet, block));
        return true;
    }

    private static AdoptProposal Proposed(Snippet snippet, SnippetKind kind, FencedBlock? output, SnippetTags tags) =>
        new(snippet, kind, output) { Members = tags.Members, Results = tags.Results, StatementsFirst = tags.StatementsFirst, Base = tags.Base,
            Usings = tags.Usings, Packages = tags.Packages, WebSdk = tags.WebSdk };

    /// <summary>The run proposal with its prose's claims as hidden checks when they hold; a claim its run disproves is rot.</summary>
    private AdoptProposal WithProseClaims(AdoptProposal proposal, Snippet snippet, TrialResults.Block block)
    {
        if (block.Claims.Count == 0) return proposal;
        if (block.Claimed is { Status: SnippetStatus.Passed } && PageLines.CanAddAfter(snippet.Block, Source))
            return proposal with { HiddenChecks = [.. block.Claims.Select(c => c.Check)] };
        if (block.Claimed is { Status: SnippetStatus.Failed, Reason: FailureReason.Exception } disproved
            && block.Claims.Select(c => (Claim: c, Actual: ProseClaims.Actual(disproved, c))).FirstOrDefault(
                c => c.Actual is not null) is { Actual: { } actual } falseClaim)
            _rot.Add(RotReport.OfClaim(falseClaim.Claim, actual, snippet));
        return proposal;
    }

    /// <summary>A block that compiles and is not proposed as <c>run</c>: <c>compile</c>, unless its result lines are disproved.</summary>
    private void AddAsCompile(Snippet snippet, TrialResults.Block block, SnippetTags tags)
    {
        var ran = block.Ran;
        // Result lines are claims about values: a block whose claims do not hold is not adopted as 'compile'.
        if (tags.Results && new[] { ran, block.Again }.FirstOrDefault(
            r => r?.Status == SnippetStatus.Failed) is { } wrong && !RotEvidence.HoldsElsewhere(wrong))
        {
            _failures.Add(wrong);
            _causes.Add(UnverifiedCause.Of(wrong, packageLookedFor: false));
            if (RotReport.Of(Source, snippet, wrong) is { } suspected) _rot.Add(suspected);
            return;
        }
        // Its claims hold in the post's culture or moment, not the run's: compiled with them, never run (RotEvidence.HoldsElsewhere).
        if (tags.Results && ran is { Status: SnippetStatus.Failed } elsewhere && RotEvidence.HoldsElsewhere(elsewhere))
            _notes.Add(new AdoptNote(snippet.Location, "tagged compile: its result lines are worded for another culture, the clock " +
                $"or another number type ({elsewhere.Message}), so its run is not checked, only that every call in it compiles"));
        // It compiles, and its run fails: tagged compile, and suspected where the text does not say it fails.
        // A racing block's throw may be the race's, not the library's: no rot rests on it.
        if (RunVariance.ParallelStart(snippet) is null && RotReport.Of(Source, snippet, ran) is { } thrown) _rot.Add(thrown);
        _proposals.Add(new AdoptProposal(
            snippet, SnippetKind.Compile, null) { Members = tags.Members, Results = tags.Results, Base = tags.Base,
            StatementsFirst = tags.StatementsFirst, Given = tags.Given, Usings = tags.Usings, Packages = tags.Packages, WebSdk = tags.WebSdk });
    }
}
