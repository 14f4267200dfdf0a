using SnippetCheck.Driver;
using SnippetCheck.Model;
using SnippetCheck.Programs;
using SnippetCheck.Results;

namespace SnippetCheck.Outdated;

/// <summary>
/// .NET itself as a pin: a block verified only on frameworks older than the newest the SDK offers (the tool's own) is
/// verified again on that one alone, whatever its matrix, <c>frameworks=</c> tag or <c>#:property TargetFramework</c>
/// say. A row per file and framework, as <see cref="PackagePin.Framework"/>, which <c>--write</c> leaves alone.
/// </summary>
internal static class NewestFramework
{
    private static readonly IReadOnlyDictionary<string, string> NoMoves = new Dictionary<string, string>();

    /// <returns>A row per file and framework, and how many blocks were verified again.</returns>
    public static async Task<(IReadOnlyList<PinRow> Rows, int Reverified)> CheckAsync(
        VerifyOptions options, IReadOnlyList<PreparedDocument> documents,
        IReadOnlyDictionary<SourceLocation, SnippetResult> onPin, CancellationToken cancellationToken)
    {
        var newest = TargetFramework.Tool;
        var behind = onPin.Values
            .Where(r => OutdatedCheck.Verified(r) && OutdatedCheck.FrameworksOf(r).Max()!.CompareTo(newest) < 0)
            .ToList();
        if (behind.Count == 0) return ([], 0);
        var locations = behind.Select(r => r.Location).ToHashSet();
        var files = documents.Where(d => d.Blocks.Any(s => locations.Contains(s.Location))).Select(
            d => d.Document.FullPath).ToList();
        var again = new Verifier(options with { Paths = files, Filter = null }, NoMoves, locations, newest);
        var report = await again.RunAsync(cancellationToken).ConfigureAwait(false);
        var onNewest = report.Snippets.Where(r => locations.Contains(r.Location)).ToDictionary(r => r.Location);
        IReadOnlyList<PinRow> rows = [.. behind
            .GroupBy(r => (r.Location.File, Framework: OutdatedCheck.FrameworksOf(r).Max()!))
            .Select(g => OutdatedCheck.Row(
                new PinUse(PackagePin.Framework(g.Key.Framework, g.First().Location), [.. g.Select(r => r.Snippet)]),
                (newest.Moniker, null), onPin, onNewest))];
        return (rows, OutdatedCheck.Verified(report));
    }
}
