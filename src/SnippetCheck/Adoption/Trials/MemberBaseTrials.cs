using SnippetCheck.Adoption.Inference.Classes;
using SnippetCheck.Adoption.Trials.Packages;
using SnippetCheck.Driver;
using SnippetCheck.Programs;
using SnippetCheck.Results;

namespace SnippetCheck.Adoption.Trials;

/// <summary>
/// Members written out of a class that derives from a library's base class: ASP.NET Core-style docs
/// show <c>public override void Configure() { Post("/login"); AllowAnonymous(); }</c> alone, the endpoint class around it
/// never shown. As <c>members</c> it fails on the override (CS0115) and the bare base-class calls (CS0103); such a block
/// is tried as <c>members base=TYPE</c>, TYPE a class of its doc set's packages that has each member it overrides as a
/// virtual one and each bare name as an instance member. Of several, the most general are tried first (those needing no
/// type argument, then the base-most); the first ranked that compiles is taken. Each override then must find its
/// virtual member and each call its base member, so a misspelt one fails. Which ways are tried is <see cref="MemberBases"/>'.
/// </summary>
internal static class MemberBaseTrials
{
    /// <summary>Each failed <c>members</c> block that passes inside an inferred base class: its passing result. Others are left out.</summary>
    /// <param name="failing">Untagged blocks whose last failure was as <c>members</c>.</param>
    public static async Task<IReadOnlyList<SnippetResult>> TryAsync(IBlockTrials verifier, PackageFinds packages, DocModels models,
        IReadOnlyList<(PreparedDocument Document, SnippetResult Failed)> failing, CancellationToken cancellationToken)
    {
        var tries = await packages.AnswerAsync(pages => MemberBases.Tries(packages.Inference, models, failing, pages), cancellationToken)
            .ConfigureAwait(false);
        var results = await verifier.VerifyLoneAsync([.. tries.Select(t => (t.Document, t.Snippet))], useCache: true, cancellationToken)
            .ConfigureAwait(false);
        // Each result is told by its block and base class: results need not come back in the order asked.
        var ranks = tries.GroupBy(t => (t.Snippet.Location, t.Snippet.Tags.Base)).ToDictionary(g => g.Key, g => g.Min(t => t.Rank));
        return [.. results.Where(r => r.Status == SnippetStatus.Passed).GroupBy(r => r.Snippet.Location)
            .Select(g => g.MinBy(r => ranks.GetValueOrDefault((r.Snippet.Location, r.Snippet.Tags.Base), int.MaxValue))!)];
    }
}
