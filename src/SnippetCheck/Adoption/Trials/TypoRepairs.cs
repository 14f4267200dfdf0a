using SnippetCheck.Programs;
using SnippetCheck.Adoption.Proposals;
using SnippetCheck.Adoption.Rot;
using SnippetCheck.Driver;
using SnippetCheck.Extraction.Snippets;
using SnippetCheck.Model;
using SnippetCheck.Results;
using static SnippetCheck.Adoption.Trials.BlockKeys;

namespace SnippetCheck.Adoption.Trials;

/// <summary>
/// Typos found by repair (issue 76; docs/authoring.md, "What adopt reports as rot"): a block that failed for a syntax error
/// and that one token inserted or taken out at the error (or the same one at each such error) makes parse
/// (<see cref="SyntaxRepair"/>) is tried again, repaired, through the same compile trials as every block, with the
/// packages and models the run already has. One that then compiles is a typo, not a fragment: listed as suspected rot
/// with its repair, in place of any weaker evidence, and its cause is the compiler's error.
/// </summary>
internal static class TypoRepairs
{
    public static async Task<List<AdoptFile>> ApplyAsync(
        Verifier verifier, CompileTrials compiled, List<AdoptFile> files, IReadOnlyList<PreparedDocument> adoptable,
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
                work.Add((i, document, failed, original with { Block = original.Block with { Lines = repair.Code }, Code = repair.Code }, repair));
            }
        }
        if (work.Count == 0) return files;
        var trials = await compiled.AgainAsync(verifier, adoptable, [.. work.Select(w => (w.Document, w.Repaired))], cancellationToken)
            .ConfigureAwait(false);
        var result = files.ToList();
        foreach (var typo in work.Where(w => CompiledOnItsOwnNames(trials, Key(w.Repaired))).GroupBy(w => w.File))
            result[typo.Key] = WithTypos(result[typo.Key], typo.Select(t => (t.Failed, t.Repair)));
        return result;
    }

    /// <summary>
    /// The repaired block passed a trial that gave it no type of the tool's making: as written, as members, with usings, the
    /// Web SDK, its post's packages or the doc set's receivers; not only inside a class or over stubs the tool made up.
    /// </summary>
    private static bool CompiledOnItsOwnNames(CompileTrials trials, (string, int) key) =>
        trials.Compiles.ContainsKey(key) && new[] { trials.Compiled, trials.AsMembers, trials.WithUsings, trials.WithWebSdk, trials.WithPackages,
            trials.WithReceivers }.Any(pass => pass.GetValueOrDefault(key)?.Status == SnippetStatus.Passed);

    /// <summary>The file with each repaired block's typo as its rot, and the compiler's first syntax error as its cause.</summary>
    private static AdoptFile WithTypos(AdoptFile file, IEnumerable<(SnippetResult Failed, SyntaxRepair.Found Repair)> typos)
    {
        var rot = file.Rot.ToList();
        var causes = file.Causes.ToList();
        foreach (var (failed, repair) in typos)
        {
            var at = failed.Snippet.Location;
            var error = failed.Diagnostics.First(d => d.IsError && RotEvidence.IsSyntaxError(d.Id));
            rot.RemoveAll(r => r.Block == at);
            rot.Add(new SuspectedRot(error.Location, error.Id, error.Message, RotEvidence.Typo, $"{repair.Description} makes the block compile")
                { Block = at, Repair = repair.Repair });
            var index = file.Failures.ToList().FindIndex(f => f.Snippet.Location == at);
            if (index >= 0 && index < causes.Count && causes[index].Kind == UnverifiedCause.Fragment)
                causes[index] = new UnverifiedCause(UnverifiedCause.CompileError, $"{error.Id}: {error.Message} (a typo: {repair.Description})",
                    error.Location);
        }
        return file with { Rot = rot, Causes = causes };
    }
}
