using SnippetCheck.Adoption.Proposals;
using SnippetCheck.Configuration;
using SnippetCheck.Driver;
using SnippetCheck.Extraction;
using SnippetCheck.Extraction.Snippets;
using SnippetCheck.Model;
using SnippetCheck.Results;
using SnippetCheck.Loading;

namespace SnippetCheck.Adoption.Writing;

/// <summary>
/// Adopt's last step ("what adopt writes, verify proves"): the pages are verified as adopt would write
/// them, with every tag, page setting, hidden line and pin, through the loader <c>verify</c> uses and the config it will
/// read, and every proposed block that then fails or is skipped is withdrawn, its cause said. Withdrawing a block can
/// change its session or page fixture, so the pages are verified again until nothing more is withdrawn. Afterwards
/// <c>verify</c> reports exactly the blocks adopt tagged.
/// </summary>
internal static class ProposalProof
{
    /// <summary>
    /// Rounds of verifying and withdrawing; a round that withdraws nothing ends it. A page that still has a failing block in
    /// the last round has all its blocks withdrawn.
    /// </summary>
    private const int Rounds = 4;

    /// <summary>
    /// <paramref name="files"/> with every proposal withdrawn whose block does not pass (or check) when its page is read as
    /// written, with <paramref name="commandLine"/> as the run's command line. <paramref name="over"/> lays what adopt has not
    /// written yet over the config (a dry run's pins and models).
    /// </summary>
    public static async Task<List<AdoptFile>> ProveAsync(
        IBlockTrials trials, SnippetCheckConfig commandLine, List<AdoptFile> files, SnippetCheckConfig? over, CancellationToken cancellationToken)
    {
        var proving = over is null ? commandLine : Over(commandLine, over);
        for (var round = 0; round < Rounds; round++)
        {
            var written = Written(files);
            if (written.Blocks.Count == 0 && written.Unmatched.Count == 0) return files;
            var report = await trials.VerifyWrittenAsync(proving, written.Texts, null, cancellationToken)
                .ConfigureAwait(false);
            // One result per block (a framework matrix joins its passes); a failing one decides where there would be more.
            var results = report.Snippets.GroupBy(r => r.Location)
                .ToDictionary(g => g.Key, g => g.FirstOrDefault(r => r.Status != SnippetStatus.Passed) ?? g.First());
            var withdrawn = written.Blocks.Where(b => !Holds(b.Value.Proposal, results.GetValueOrDefault(b.Key)))
                .ToDictionary(b => b.Value.Proposal, b => results.GetValueOrDefault(b.Key));
            foreach (var proposal in written.Unmatched.SelectMany(f => f.Proposals)) withdrawn.TryAdd(proposal, null);
            if (withdrawn.Count == 0) return files;
            // The last round withdraws every block of a page that still has a failing one: what stays must pass as it is.
            files = [.. files.Select(f => Withdraw(f, withdrawn, wholePage: round == Rounds - 1))];
        }
        return files;
    }

    /// <summary>The pages with proposals as adopt would write them, and each proposed block's place in that text.</summary>
    /// <param name="Unmatched">Pages whose blocks, once the tags are in, are not the same blocks (never expected): nothing of them is proven.</param>
    internal sealed record WrittenPages(
        List<DocumentText> Texts, Dictionary<SourceLocation, (AdoptFile File, AdoptProposal Proposal)> Blocks, List<AdoptFile> Unmatched);

    /// <summary>
    /// <paramref name="files"/>' texts as adopt would write them. The inserted tag lines move every block below them: a
    /// block is found again by its place among the page's blocks (a page whose blocks do not match up is left out).
    /// </summary>
    internal static WrittenPages Written(IEnumerable<AdoptFile> files, Func<AdoptProposal, bool>? which = null)
    {
        var texts = new List<DocumentText>();
        var blocks = new Dictionary<SourceLocation, (AdoptFile, AdoptProposal)>();
        var unmatched = new List<AdoptFile>();
        foreach (var file in files.Where(f => f.Proposals.Any(p => which?.Invoke(p) ?? true)))
        {
            var text = AdoptWriter.Apply(file.Document.Text, file.Document, file.Proposals, file.Fixture);
            var before = SnippetReader.Read(DocumentExtractor.Extract(file.Document)).Snippets;
            var after = SnippetReader.Read(DocumentExtractor.Extract(
                SourceDocument.FromText(file.Document.FullPath, file.Document.DisplayPath, text))).Snippets;
            if (before.Count != after.Count)
            {
                unmatched.Add(file);
                continue;
            }
            texts.Add(new DocumentText(file.Document.FullPath, text));
            foreach (var proposal in file.Proposals.Where(p => which?.Invoke(p) ?? true))
            {
                var index = before.ToList().FindIndex(s => s.Location == proposal.Snippet.Location);
                if (index >= 0) blocks[after[index].Location] = (file, proposal);
            }
        }
        return new WrittenPages(texts, blocks, unmatched);
    }

    /// <summary>
    /// True when <paramref name="result"/> is what the tag promises: a pass (a check block's pass is its check), an
    /// <c>ignore</c> left out. No result at all (the block was not verified) does not hold.
    /// </summary>
    private static bool Holds(AdoptProposal proposal, SnippetResult? result) =>
        proposal.LeftOut || result?.Status == SnippetStatus.Passed;

    private static AdoptFile Withdraw(AdoptFile file, Dictionary<AdoptProposal, SnippetResult?> withdrawn, bool wholePage)
    {
        var failing = file.Proposals.Where(withdrawn.ContainsKey).ToList();
        if (failing.Count == 0) return file;
        if (wholePage) failing = [.. file.Proposals.Where(p => !p.LeftOut)];
        var kept = file.Proposals.Except(failing).ToList();
        var failures = new List<SnippetResult>(file.Failures);
        var causes = new List<UnverifiedCause>(file.Causes);
        foreach (var proposal in failing)
        {
            var result = withdrawn.GetValueOrDefault(proposal);
            failures.Add(result is null
                ? new SnippetResult(proposal.Snippet, new Verdict.Skipped("not verified when its page was read as written"), [], null, TimeSpan.Zero)
                : result with { Snippet = proposal.Snippet });
            causes.Add(UnverifiedCause.Withdrawn(proposal, result));
        }
        return file with
        {
            Proposals = kept, Failures = failures, Causes = causes,
            // A page fixture with none of its blocks left is not proposed: its settings would verify nothing.
            Fixture = kept.Any(p => !p.LeftOut) ? file.Fixture : null,
        };
    }

    /// <summary>The command line's settings with what adopt would write laid under them (the command line still wins).</summary>
    private static SnippetCheckConfig Over(SnippetCheckConfig commandLine, SnippetCheckConfig pending) => commandLine with
    {
        PackageVersions = commandLine.PackageVersions ?? pending.PackageVersions,
        HiddenCode = commandLine.HiddenCode ?? pending.HiddenCode,
    };
}
