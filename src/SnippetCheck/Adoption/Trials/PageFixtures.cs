using SnippetCheck.Adoption.Inference;
using SnippetCheck.Adoption.Inference.Packages;
using SnippetCheck.Adoption.Trials.Packages;
using SnippetCheck.Adoption.Proposals;
using SnippetCheck.Configuration;
using SnippetCheck.Driver;
using SnippetCheck.Programs;
using SnippetCheck.Extraction;
using SnippetCheck.Extraction.Snippets;
using SnippetCheck.Model;
using SnippetCheck.Results;
using SnippetCheck.Editing;

namespace SnippetCheck.Adoption.Trials;

/// <summary>
/// Adopt's pass 6: pages that verify more as one class (the page fixture) than block by block, and the pages config
/// already makes fixtures, whose blocks are verified only so. A page is proposed as a fixture only when the class loses
/// nothing its blocks have alone and its settings can be written where a reader does not see them (or
/// <c>--front-matter</c> says they may be).
/// </summary>
internal static class PageFixtures
{
    /// <summary>The files, each page that verifies more as a fixture replaced by its fixture's proposals or given a note why not.</summary>
    /// <param name="readAs">The run's documents read again with a trial's config laid over them (<c>Verifier.PrepareAs</c>).</param>
    /// <param name="filter">The run's block filter: a filtered run tries no fixture, which would verify the whole page.</param>
    public static async Task<List<AdoptFile>> ApplyAsync(
        IBlockTrials verifier, Func<SnippetCheckConfig, IReadOnlyList<PreparedDocument>> readAs, PackageFinds packageInference,
        List<AdoptFile> files, IReadOnlyList<PreparedDocument> adoptable, string? filter,
        bool write, bool frontMatter, CancellationToken cancellationToken)
    {
        var pages = string.IsNullOrEmpty(filter)
            ? files.Select(f => (File: f, Document: adoptable.First(d => ReferenceEquals(d.Snippets.Source.Document, f.Document))))
                .Where(p => IsFixtureCandidate(p.Document, p.File)).ToList()
            : [];
        var trials = await FixtureTrials.FindAsync(verifier, readAs, packageInference, [.. pages.Select(p => p.Document)], cancellationToken)
            .ConfigureAwait(false);
        foreach (var (file, document) in pages)
        {
            var index = files.IndexOf(file);
            var trial = trials.GetValueOrDefault(document.Snippets.Source.Document.FullPath);
            files[index] = Decide(document, file, trial, write, frontMatter);
        }
        return files;
    }

    /// <summary>The page's file as a fixture, or with a note why it is not one, or as it was.</summary>
    private static AdoptFile Decide(PreparedDocument document, AdoptFile file, FixtureTrials.Trial? trial, bool write, bool frontMatter)
    {
        var verified = file.Proposals.Count(p => p.Verifies);
        var isFixture = document.Settings.IsFixture;
        if (trial is null || (!isFixture && trial.Verified <= verified))
            return isFixture ? NoBlockPassesInItsClass(file) : file;

        var gains = $"{trial.Verified} of {trial.Blocks.Count} blocks verify as one class ({verified} block by block)";
        AdoptFile NotProposed(string why) =>
            file with { Notes = [.. file.Notes, PageNote(file, $"not proposed as a page fixture: {gains}, but {why}")] };
        // A block the class leaves out would lose the level it has alone (verified, or checked): nothing is lost, so
        // a page whose class leaves out such a block stays block by block, whatever the class gains elsewhere.
        var keptAlone = file.Proposals.Where(p => !p.LeftOut).Select(p => p.Snippet.Location).ToHashSet();
        var lost = trial.Left.Where(l => keptAlone.Contains(l.Snippet.Location)).ToList();
        if (!isFixture && lost.Count > 0)
        {
            var example = lost[0].Snippet.Location.Line;
            return NotProposed($"the class leaves out {lost.Count} block(s) that pass or are checked alone, e.g. line {example}");
        }
        if (!isFixture && FixtureShortfall(trial) is { } shortfall) return NotProposed(shortfall);
        if (!frontMatter && FixtureSettings(document, trial) is { Lines.Count: > 0 } settings
            && PageSettingsPlace.InComment(document.Snippets.Source.Document, settings) is null)
            return NotProposed($"its settings ({settings}) fit no hidden page comment here, only front matter readers would see: " +
                "adopt --front-matter writes it");
        return AsFixture(document, file, trial, verified, write, frontMatter);
    }

    /// <summary>A page config or front matter makes a fixture, on which no block passes in the class: left as it is.</summary>
    private static AdoptFile NoBlockPassesInItsClass(AdoptFile file) => file with
    {
        Proposals = [], Failures = [], Causes = [],
        Notes = [PageNote(file, "the page is a fixture (config or front matter), and no block passes in its class: left as it is")],
    };

    /// <summary>A note on the page as a whole, at its first line.</summary>
    private static AdoptNote PageNote(AdoptFile file, string text) => new(new SourceLocation(file.Path, 1, 1), text);

    /// <summary>
    /// Why a page's class is no fixture to propose, though it verifies more than block by block: it leaves out
    /// as many blocks as it verifies or more (each an ignore tag for a reader's eyes only), or a block it leaves out fails
    /// on an error outside its own lines, so its ignore would say nothing of it. Null when neither holds.
    /// </summary>
    private static string? FixtureShortfall(FixtureTrials.Trial trial)
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
        if (!DocSet.IsMarkdown(file.Path) || document.Settings.Config.Fixture == false) return false;
        if (document.Settings.IsFixture) return true;
        // A class can give a block only names (a field, a setup's work): a page whose blocks fail alone for other reasons
        // (fragments, errors) gains nothing from a trial, which compiles and runs the page up to six times.
        var lacksNames = file.Causes.Any(c => c.Kind is UnverifiedCause.UnknownName or UnverifiedCause.PackageNotFound) || file.Check > 0 ||
            document.Snippets.Source.Items.OfType<HiddenFences>().Any() || PackageEvidence.TestCandidates(document.Snippets).Any();
        return lacksNames && document.Snippets.Snippets.All(s => !s.IsTagged) &&
            file.Proposals.Count(p => p.Verifies) < file.Blocks &&
            PageSettingsPlace.FrontMatterTakesFixture(document.Snippets.Source.Document);
    }

    /// <summary>
    /// The page's proposals as its fixture: each block that passes in the class with the kind it was tried with (and its
    /// output block), the page's packages and usings on the first; each block that fails in it left out with
    /// <c>ignore</c>, its cause in the report; and the page settings its front matter gets.
    /// </summary>
    /// <param name="frontMatter"><c>--front-matter</c>: the settings go into the front matter, else into a hidden page comment.</param>
    private static AdoptFile AsFixture(
        PreparedDocument document, AdoptFile file, FixtureTrials.Trial trial, int aloneVerified, bool write, bool frontMatter)
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
            if (!PageLines.CanTag(snippet.Block, source))
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
                ? AdoptedOutput.FenceFor(
                    document, snippet, AdoptedOutput.ScrubbingOf(document, snippet), first.ActualOutput, second.ActualOutput) : null;
            proposals.Add(new AdoptProposal(
                snippet, block.Kind, output) { Usings = block.Tags.Usings, Packages = block.Tags.Packages, WebSdk = block.Tags.WebSdk });
        }
        var settings = FixtureSettings(document, trial) with { InComment = !frontMatter };
        var said = settings.Lines.Count == 0 ? ""
            : $"; {(frontMatter ? "its front matter" : "a hidden comment at its top")} {(write ? "gets" : "would get")}: {settings}";
        notes.Insert(0, PageNote(
            file, $"page fixture: {trial.Verified} of {trial.Blocks.Count} blocks verified as one class ({aloneVerified} block by block){said}"));
        return new AdoptFile(source, file.Blocks, proposals, failures, notes) { Causes = causes, Fixture = settings, Rot = file.Rot };
    }

    /// <summary>What the page must say to be verified as <paramref name="trial"/>'s class: nothing when config already says all.</summary>
    private static PageSettings FixtureSettings(PreparedDocument document, FixtureTrials.Trial trial)
    {
        // The page's own list replaces config's: it names config's fences too, which the trial read beside the new ones.
        IReadOnlyList<string> fences = trial.HiddenFences.Count == 0 ? []
            : [.. (document.Settings.Config.HiddenFences ?? []).Concat(trial.HiddenFences).Distinct(StringComparer.OrdinalIgnoreCase)];
        return new PageSettings(!document.Settings.IsFixture, fences);
    }
}
