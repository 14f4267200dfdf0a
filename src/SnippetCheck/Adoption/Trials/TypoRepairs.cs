using SnippetCheck.Adoption.Inference;
using SnippetCheck.Adoption.Inference.Classes;
using SnippetCheck.Programs;
using SnippetCheck.Adoption.Proposals;
using SnippetCheck.Adoption.Rot;
using SnippetCheck.Compilation;
using SnippetCheck.Driver;
using SnippetCheck.Extraction.Snippets;
using SnippetCheck.Model;
using SnippetCheck.Results;
using static SnippetCheck.Adoption.Inference.BlockKeys;

namespace SnippetCheck.Adoption.Trials;

/// <summary>
/// Typos found by repair (docs/authoring.md, "What adopt reports as rot"): a block that failed for a syntax error
/// and that one token inserted or taken out at the error (or the same one at each such error) makes parse
/// (<see cref="SyntaxRepair"/>) is tried again, repaired, through the same compile trials as every block, with the
/// packages and models the run already has. One that then compiles is a typo, not a fragment: listed as suspected rot
/// with its repair, in place of any weaker evidence, and its cause is the compiler's error.
/// </summary>
internal static class TypoRepairs
{
    public static async Task<List<AdoptFile>> ApplyAsync(
        IBlockTrials verifier, CompileTrials compiled, List<AdoptFile> files, IReadOnlyList<PreparedDocument> adoptable,
        CancellationToken cancellationToken)
    {
        var work = new List<(int File, PreparedDocument Document, SnippetResult Failed, Snippet Repaired, SyntaxRepair.Found Repair)>();
        for (var i = 0; i < files.Count; i++)
        {
            if (adoptable.FirstOrDefault(d => ReferenceEquals(d.Snippets.Source.Document, files[i].Document)) is not { } document) continue;
            foreach (var failed in files[i].Failures.Where(f => f is { Reason: FailureReason.CompileError, Snippet.Tags.Results: false }))
            {
                // Only a block the parser rejects: its repair is tried on its text as the post has it, untagged.
                if (!failed.Diagnostics.Any(d => d.IsError && RotEvidence.IsSyntaxError(d.Id))
                    || document.Snippets.Snippets.FirstOrDefault(s => s.Location == failed.Snippet.Location) is not { } original
                    || SyntaxRepair.Of(original.Code) is not { } repair) continue;
                // Its block repaired too, not only its code: the result cache keys a block by its content, and the repaired
                // block's pass must never answer for the block as written.
                // A menu of alternatives that each declare the same local is tried as alternatives (each in its own braces): the
                // repair is the typo's; the clash of their names is the menu's, no error of the post's.
                var tried = SyntaxRepair.AsAlternatives(repair.Code);
                work.Add((i, document, failed, original with { Block = original.Block with { Lines = tried }, Code = tried }, repair));
            }
        }
        if (work.Count == 0) return files;
        var trials = await compiled.AgainAsync(verifier, adoptable, [.. work.Select(w => (w.Document, w.Repaired))], cancellationToken)
            .ConfigureAwait(false);
        var typos = work.Where(w => CompiledOnItsOwnNames(trials, Key(w.Repaired))).ToList();
        // A page that never names its library (CsvHelper's mapping pages): the repaired block is tried again with the
        // packages the doc set's other blocks compiled with, which its package inference, run on blocks that parsed, never gave it.
        var withDocSet = work.Except(typos).Select(w => (w, Repaired: WithDocSetPackages(compiled, adoptable, w.Document, w.Repaired,
            trials.PackageFailure(Key(w.Repaired))?.Snippet.Tags))).Where(x => x.Repaired is not null).ToList();
        CompileTrials? again = null;
        if (withDocSet.Count > 0)
        {
            again = await compiled.AgainAsync(verifier, adoptable, [.. withDocSet.Select(x => (x.w.Document, x.Repaired!))], cancellationToken)
                .ConfigureAwait(false);
            typos.AddRange(withDocSet.Where(x => CompiledOnItsOwnNames(again, Key(x.Repaired!))).Select(x => x.w));
        }
        var checkedOnly = await CheckedAsync(verifier, compiled, [.. work.Except(typos).Select(w => (w.Document, w.Repaired))],
            [trials, .. again is null ? [] : new[] { again }], cancellationToken).ConfigureAwait(false);
        // The packages the repaired block passed with: an entry never rests on a major of one the page does not name (RotContext).
        IReadOnlyList<Model.PackageRequest> PassedWith((string, int) key) => checkedOnly.GetValueOrDefault(key)?.Snippet.Tags.Packages
            ?? again?.Compiles.GetValueOrDefault(key)?.Packages ?? trials.Compiles.GetValueOrDefault(key)?.Packages ?? [];
        var result = files.ToList();
        foreach (var typo in typos.Select(t => (t.File, t.Failed, t.Repair, Checked: false, Menu: IsMenu(t), Key: Key(t.Repaired)))
            .Concat(work.Where(w => checkedOnly.ContainsKey(Key(w.Repaired)))
                .Select(w => (w.File, w.Failed, w.Repair, Checked: true, Menu: IsMenu(w), Key: Key(w.Repaired))))
            .Where(t => !RotContext.TriedAtAMajorThePageDoesNotName(files[t.File].Document.Text, PassedWith(t.Key)))
            .GroupBy(w => w.File))
            result[typo.Key] = WithTypos(result[typo.Key], typo.Select(t => (t.Failed, t.Repair, t.Checked, t.Menu)));
        return result;
    }

    /// <summary>
    /// The repaired blocks no trial compiled that pass the check level (docs/authoring.md, "What check counts"), twice, with
    /// the tags of their last trial (with the doc set's receivers, as <see cref="CompiledOnItsOwnNames"/> counts them): every
    /// error left is a name the post never declares, and its calls on the framework and its packages bind
    /// (<c>cfg.AddSagas(typeof(Program).Assembly)</c> beside the post's own <c>MySaga</c>). Not a block whose page names a
    /// package that could not be loaded, unless its trial loaded a package: its calls then bind that library, and an add-on
    /// no source serves (MassTransit.Newtonsoft, named on another page of the set) does not veto it (as in PackageInference).
    /// </summary>
    private static async Task<IReadOnlyDictionary<(string File, int Line), SnippetResult>> CheckedAsync(IBlockTrials verifier, CompileTrials compiled,
        List<(PreparedDocument Document, Snippet Repaired)> rest, IReadOnlyList<CompileTrials> trials, CancellationToken cancellationToken)
    {
        var candidates = rest
            .Select(r => (r.Document, Last: Nearest(trials.Select(t => LastTrial(t, Key(r.Repaired))))))
            // A package the page names that no source serves vetoes only a trial that loaded none: one that loaded the
            // library binds it (MassTransit's saga registration, beside an add-on this feed lacks).
            .Where(r => r.Last is not null && (r.Last.Snippet.Tags.Packages.Count > 0 || !LacksAnUnloadedPackage(compiled, r.Last)))
            // Without the tool's models of other pages (usings=DocModels.…): the check level tolerates the post's own types, and
            // a lone verify has no models (CS0400 'DocModels' failed MassTransit's saga registration there).
            .Select(r => (r.Document, r.Last!.Snippet with { Tags = r.Last.Snippet.Tags with
            {
                Results = false, Usings = [.. r.Last.Snippet.Tags.Usings.Where(u => !DocModels.IsModelNamespace(u))],
            } })).ToList();
        if (candidates.Count == 0) return new Dictionary<(string File, int Line), SnippetResult>();
        return await CheckAdoption.FindAsync(verifier, candidates, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The repaired block with the packages the blocks of its doc set compiled with (each package once, at the version most
    /// of them compiled with) and the namespaces those blocks import (their usings and <c>usings=</c>); null when it has
    /// packages of its own or its doc set compiled with none. What its <paramref name="own"/> last trial found is kept: the
    /// packages its page lists, their usings and the Web SDK (MassTransit's observability page: OpenTelemetry's
    /// <c>ResourceBuilder</c> and <c>WebApplication</c> beside MassTransit's <c>DiagnosticHeaders</c>, which only the doc set gives).
    /// </summary>
    private static Snippet? WithDocSetPackages(
        CompileTrials compiled, IReadOnlyList<PreparedDocument> adoptable, PreparedDocument document, Snippet repaired, SnippetTags? own)
    {
        if (repaired.Tags.Packages.Count > 0) return null;
        var docSet = compiled.Packages.DocSets.Of(document.Snippets);
        var blocks = adoptable.Where(d => compiled.Packages.DocSets.Of(d.Snippets) == docSet).SelectMany(d => d.Snippets.Snippets)
            .Select(s => (Snippet: s, Tags: compiled.Compiles.GetValueOrDefault(Key(s)))).Where(b => b.Tags is { Packages.Count: > 0 }).ToList();
        var packages = blocks.SelectMany(b => b.Tags!.Packages).GroupBy(p => p.Id, StringComparer.OrdinalIgnoreCase)
            .Select(g => g.GroupBy(p => p.Version, StringComparer.Ordinal).OrderByDescending(v => v.Count())
                .ThenBy(v => v.Key, StringComparer.Ordinal)
                .First().First() with { Location = repaired.Location, PinLocation = null })
            .Where(p => own?.Packages.Any(o => string.Equals(o.Id, p.Id, StringComparison.OrdinalIgnoreCase)) != true)
            .OrderBy(p => p.Id, StringComparer.OrdinalIgnoreCase).ToList();
        if (packages.Count == 0) return null;
        packages = [.. (own?.Packages ?? []).Select(p => p with { Location = repaired.Location, PinLocation = null }).Concat(packages)
            .OrderBy(p => p.Id, StringComparer.OrdinalIgnoreCase)];
        // Not the namespaces of models the tool wrote for another block (DocModels.Stubs.…): this trial has no such model, and an
        // import of none is an error that is no unknown name, which keeps the receiver trial from the block.
        var usings = blocks.SelectMany(b => b.Tags!.Usings.Concat(BlockUsings.Of(b.Snippet))).Concat(own?.Usings ?? [])
            .Where(u => u != DocModels.RootNamespace && !DocModels.IsModelNamespace(u))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return repaired with
        {
            Tags = repaired.Tags with
            {
                Packages = packages, Usings = [.. repaired.Tags.Usings.Union(usings, StringComparer.Ordinal)],
                WebSdk = repaired.Tags.WebSdk || own?.WebSdk == true,
            },
        };
    }

    /// <summary>
    /// The block's page names a package no source had (its unknown names may be that package's API), and its last trial
    /// did not bring it: a name the page gave as a package that the trial imports as a namespace without an error on it
    /// (FusionCache's <c>using ZiggyCreatures.Caching.Fusion;</c>, a namespace of the package the trial had) is loaded.
    /// </summary>
    private static bool LacksAnUnloadedPackage(CompileTrials compiled, SnippetResult last) =>
        compiled.Packages.Unloaded.GetValueOrDefault(last.Snippet.Location) is { } ids && ids.Any(id =>
            !last.Snippet.Tags.Usings.Contains(id, StringComparer.Ordinal)
            || last.Diagnostics.Any(d => d.Message.Contains($"'{id[(id.LastIndexOf('.') + 1)..]}'", StringComparison.Ordinal)));

    /// <summary>Whether the repaired block was tried as a menu of alternatives (<see cref="SyntaxRepair.AsAlternatives"/>).</summary>
    private static bool IsMenu((int File, PreparedDocument Document, SnippetResult Failed, Snippet Repaired, SyntaxRepair.Found Repair) work) =>
        !work.Repaired.Code.Select(l => l.Text).SequenceEqual(work.Repair.Code.Select(l => l.Text), StringComparer.Ordinal);

    /// <summary>
    /// Of the repaired block's trials, the last one that failed only on unknown names, else the last: the doc set's packages
    /// bring usings of other pages (<c>Microsoft.AspNetCore.Mvc</c>) that may fail where the block's own trial did not.
    /// </summary>
    private static SnippetResult? Nearest(IEnumerable<SnippetResult?> lasts)
    {
        var tried = lasts.OfType<SnippetResult>().ToList();
        return tried.LastOrDefault(f => f.Diagnostics.Where(d => d.IsError).All(d => CheckLevel.IsUnknownName(d.Id))) ?? tried.LastOrDefault();
    }

    private static SnippetResult? LastTrial(CompileTrials trials, (string, int) key) =>
        trials.WithReceivers.GetValueOrDefault(key) ?? trials.PackageFailure(key);

    /// <summary>
    /// The repaired block passed a trial that gave it no type of the tool's making: as written, as members, with usings, the
    /// Web SDK, its post's packages or the doc set's receivers; not only inside a class or over stubs the tool made up.
    /// </summary>
    private static bool CompiledOnItsOwnNames(CompileTrials trials, (string, int) key) =>
        trials.Compiles.ContainsKey(key) && new[] { trials.Compiled, trials.AsMembers, trials.WithUsings, trials.WithWebSdk, trials.WithPackages,
            trials.WithReceivers }.Any(pass => pass.GetValueOrDefault(key)?.Status == SnippetStatus.Passed);

    /// <summary>The file with each repaired block's typo as its rot, and the compiler's first syntax error as its cause.</summary>
    private static AdoptFile WithTypos(
        AdoptFile file, IEnumerable<(SnippetResult Failed, SyntaxRepair.Found Repair, bool Checked, bool Menu)> typos)
    {
        var rot = file.Rot.ToList();
        var causes = file.Causes.ToList();
        foreach (var (failed, repair, isChecked, menu) in typos)
        {
            var at = failed.Snippet.Location;
            var error = failed.Diagnostics.First(d => d.IsError && RotEvidence.IsSyntaxError(d.Id));
            rot.RemoveAll(r => r.Block == at);
            var what = menu ? "each of the block's alternatives" : "the block";
            var makes = isChecked
                ? $"makes {what} pass the check level (only names the post never declares are left unknown)" : $"makes {what} compile";
            rot.Add(new SuspectedRot(error.Location, error.Id, error.Message, RotEvidence.Typo, $"{repair.Description} {makes}")
                { Block = at, Repair = repair.Repair });
            var index = file.Failures.ToList().FindIndex(f => f.Snippet.Location == at);
            if (index >= 0 && index < causes.Count && causes[index].Kind == UnverifiedCause.Fragment)
                causes[index] = new UnverifiedCause(UnverifiedCause.CompileError, $"{error.Id}: {error.Message} (a typo: {repair.Description})",
                    error.Location);
        }
        return file with { Rot = rot, Causes = causes };
    }
}
