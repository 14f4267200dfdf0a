using SnippetCheck.Adoption.Inference;
using SnippetCheck.Adoption.Inference.Classes;
using SnippetCheck.Adoption.Trials.Packages;
using SnippetCheck.Driver;
using SnippetCheck.Model;
using SnippetCheck.Programs;
using SnippetCheck.Results;
using static SnippetCheck.Adoption.Inference.Classes.EnclosingClassWays;

namespace SnippetCheck.Adoption.Trials;

/// <summary>
/// The enclosing class: docs write a base class's members bare, as statements of a class they
/// never show (FluentValidation's <c>RuleFor(x =&gt; x.Surname).NotNull();</c>, written in an
/// <c>AbstractValidator&lt;Customer&gt;</c>'s constructor). A block that fails only on such bare names is tried inside a
/// class deriving from the one class of its doc set's packages that declares them all (<c>base=</c>), its type argument
/// a model of the doc set (<see cref="DocModels"/>) that has every member the block's lambdas read (the one their
/// parameter names first); and a block that lacks only a model another page of its doc set declares is tried with that
/// page's models. The first ranked way that compiles is proposed: the library's own members then bind, so a misspelt
/// one fails; no model is invented for a member no page declares. Which ways are tried is <see cref="EnclosingClassWays"/>'.
/// </summary>
internal static class EnclosingClassTrials
{
    /// <summary>
    /// Each failed block that passes inside an inferred base class, or with another page's models: its passing result
    /// (its tags say how: <c>base=</c>, <c>usings=DocModels.Page</c>, <c>packages=</c>), the first ranked of the ways that
    /// pass. Blocks that pass no way are left out.
    /// </summary>
    public static async Task<(IReadOnlyList<SnippetResult> Passed, IReadOnlyDictionary<SourceLocation, AdoptNote> Notes)> TryAsync(
        IBlockTrials verifier, PackageFinds packages, DocModels models,
        IReadOnlyList<(PreparedDocument Document, SnippetResult Failed)> failing, CancellationToken cancellationToken)
    {
        var ways = new Ways();
        foreach (var post in failing.GroupBy(f => f.Document))
            await packages.AnswerAsync(pages => AddWaysOfPage(ways, packages.Inference, models, post, pages), cancellationToken)
                .ConfigureAwait(false);
        var passed = await PassedAsync(verifier, models, ways, cancellationToken).ConfigureAwait(false);
        return (passed, NotesFor(ways.Lacking, passed));
    }

    /// <summary>
    /// The ways tried in one verifier run, the first ranked that passes of each block; then the stub models of the blocks
    /// none passes, each stub that passes added to the doc models.
    /// </summary>
    private static async Task<List<SnippetResult>> PassedAsync(
        IBlockTrials verifier, DocModels models, Ways ways, CancellationToken cancellationToken)
    {
        var tries = ways.Tries;
        var results = await verifier.VerifyLoneAsync([.. tries.Select(t => (t.Document, t.Snippet))], useCache: true, cancellationToken)
            .ConfigureAwait(false);
        // By the way each was tried, not by order: the verifier returns results as they finish (cached first).
        var ranks = tries.GroupBy(t => TryKey(t.Snippet)).ToDictionary(g => g.Key, g => g.Min(t => t.Rank));
        var passed = results.Where(r => r.Status == SnippetStatus.Passed).GroupBy(r => r.Snippet.Location)
            .Select(block => block.MinBy(r => ranks[TryKey(r.Snippet)])!).ToList();
        var stillFailing = ways.Stubs.Where(s => passed.All(p => p.Snippet.Location != s.Snippet.Location)).ToList();
        foreach (var (stubbed, stub) in await StubTrials.TryAsync(verifier, stillFailing, cancellationToken).ConfigureAwait(false))
        {
            passed.Add(stubbed);
            models.Add(stub);
        }
        return passed;
    }
}
