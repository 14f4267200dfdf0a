using SnippetCheck.Adoption.Inference;
using SnippetCheck.Adoption.Inference.Receivers;
using SnippetCheck.Driver;
using SnippetCheck.Extraction.Snippets;
using SnippetCheck.Model;
using SnippetCheck.Programs;
using SnippetCheck.Results;

namespace SnippetCheck.Adoption.Trials;

/// <summary>
/// The trials of <see cref="BareHelpers"/>: each failed block with the page's own helpers it calls bare given, as
/// <c>compile</c>. First each helper its first type; then those on a line the compiler still objects to (for anything
/// but an unknown name) their next (a lambda's body the library types <c>Func&lt;bool&gt;</c>, not <c>Action</c>).
/// </summary>
internal static class BareHelperTrials
{
    private const int Rounds = 2;

    /// <summary>
    /// Each tried block that passes, or that then fails only on unknown names none of its helpers': what it still lacks
    /// (the docs' own types, for the stub trials). Other results are left out: a helper's guessed type is no evidence of rot.
    /// </summary>
    public static async Task<IReadOnlyList<SnippetResult>> TryAsync(
        IBlockTrials verifier, IReadOnlyList<(PreparedDocument Document, SnippetResult Failed)> failing, CancellationToken cancellationToken)
    {
        var tries = failing.GroupBy(f => f.Document).SelectMany(page =>
        {
            var options = page.Key.SettingsFor(page.First().Failed.Snippet).ParseOptions;
            var shows = BareHelpers.PageShows(page.Key.Snippets.Snippets, options);
            return page.Select(f => (f.Document, f.Failed.Snippet, Helpers: BareHelpers.Of(f.Failed.Snippet, f.Failed.Diagnostics, options, shows)));
        }).Where(t => t.Helpers.Count > 0).ToList();
        var choices = tries.ToDictionary(t => t.Snippet.Location, t => t.Helpers.ToDictionary(h => h.Name, _ => 0, StringComparer.Ordinal));
        var kept = new Dictionary<SourceLocation, SnippetResult>();
        for (var round = 0; round < Rounds && tries.Count > 0; round++)
        {
            var results = (await verifier.VerifyLoneAsync(
                    [.. tries.Select(t => (t.Document, With(t.Snippet, t.Helpers, choices[t.Snippet.Location])))], useCache: true, cancellationToken)
                .ConfigureAwait(false)).GroupBy(r => r.Snippet.Location).ToDictionary(g => g.Key, g => g.First());
            var next = tries.Where(t => results.ContainsKey(t.Snippet.Location)).ToList();
            foreach (var (_, snippet, helpers) in next)
            {
                var result = results[snippet.Location];
                if (Narrowed(result, helpers)) kept[snippet.Location] = result;
                var objected = result.Diagnostics.Where(d => d.IsError && !Compilation.CheckLevel.IsUnknownName(d.Id))
                    .Select(d => d.Location.Line).ToHashSet();
                List<BareHelpers.Helper> advance = result.Status == SnippetStatus.Passed ? [] : [.. helpers.Where(
                    h => h.Types.Count > choices[snippet.Location][h.Name] + 1 && h.Lines.Overlaps(objected))];
                foreach (var helper in advance) choices[snippet.Location][helper.Name]++;
                if (advance.Count == 0) choices.Remove(snippet.Location);
            }
            tries = [.. next.Where(t => choices.ContainsKey(t.Snippet.Location))];
        }
        return [.. kept.Values];
    }

    /// <summary>The block as <c>compile</c> with its helpers given, each of the type <paramref name="choice"/> says.</summary>
    private static Snippet With(Snippet snippet, IReadOnlyList<BareHelpers.Helper> helpers, Dictionary<string, int> choice) =>
        snippet with { Tags = snippet.Tags with
        {
            Kind = SnippetKind.Compile, Given = [.. snippet.Tags.Given, .. helpers.Select(h => h.Entry(choice[h.Name]))],
        } };

    /// <summary>
    /// Passed, or failed only on unknown names (an enum's values read off a namesake aside; a given's type argument reported
    /// at the fence, off the block's words), none of them a helper.
    /// </summary>
    private static bool Narrowed(SnippetResult result, IReadOnlyList<BareHelpers.Helper> helpers) =>
        result.Status == SnippetStatus.Passed
        || result.Status == SnippetStatus.Failed && EnumReads.WithoutEnumReads(result).Where(d => d.IsError).ToList() is { Count: > 0 } errors
            && errors.All(d => UnknownNames.Package.Contains(d.Id))
            && !errors.Any(d => UsingInference.IdentifierAt(result.Snippet, d.Location) is { } name && helpers.Any(h => h.Name == name));
}
