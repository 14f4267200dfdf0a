using SnippetCheck.Driver;
using SnippetCheck.Programs;
using SnippetCheck.Model;
using SnippetCheck.Results;
using SnippetCheck.Extraction.Snippets;

namespace SnippetCheck.Outdated;

/// <summary>What <c>outdated</c> is asked beside an ordinary verify's options.</summary>
/// <param name="Prerelease">Previews count as newer versions.</param>
/// <param name="LookupMaxAge">How long a source's version list is kept in the package cache before it is asked again.</param>
public sealed record OutdatedSettings(bool Prerelease, TimeSpan LookupMaxAge)
{
    /// <summary>A day: a second run the same day asks no source.</summary>
    public static readonly TimeSpan DefaultLookupMaxAge = TimeSpan.FromDays(1);
}

/// <summary>
/// <c>snippetcheck outdated</c>: verifies the posts as they are, finds the newest version of every package
/// they pin (<see cref="PackageService.NewestAsync"/>), and verifies again, in the same run, the blocks whose pins are
/// behind, with those pins read as the newest versions (the verifier's trial constructor). Each pin gets a row: its blocks that
/// still pass, and those that now fail with their first error.
/// </summary>
public static class OutdatedCheck
{
    /// <summary>Verifies the posts on their pins, then the blocks of pins that are behind on the newest versions.</summary>
    public static async Task<OutdatedReport> RunAsync(VerifyOptions options, OutdatedSettings settings, CancellationToken cancellationToken)
    {
        var verifier = new Verifier(options);
        var pinned = await verifier.RunAsync(cancellationToken).ConfigureAwait(false);
        var (documents, _) = verifier.Prepare();
        var byBlock = pinned.Snippets.ToDictionary(r => r.Location);
        var packages = Packages(verifier, settings);
        // The pins of the blocks this run verified: --filter, front matter skip and untagged blocks leave the others out.
        var uses = PinCollector.Collect(documents, packages)
            .Select(u => u with { Blocks =
                [.. u.Blocks.Where(b => byBlock.GetValueOrDefault(b.Location) is { } r && Verified(r))] })
            .Where(u => u.Blocks.Count > 0)
            .ToList();
        var newest = await NewestByPackageAsync(packages, uses,
            blocks => blocks.Select(b => byBlock.GetValueOrDefault(b.Location)).OfType<SnippetResult>().SelectMany(FrameworksOf), cancellationToken)
            .ConfigureAwait(false);
        var moved = Moves(newest, uses);
        var affected = uses.Where(u => moved.ContainsKey(u.Pin.Id)).SelectMany(u => u.Blocks).Select(b => b.Location).ToHashSet();
        var onNewest = new Dictionary<SourceLocation, SnippetResult>();
        var reverified = 0;
        if (affected.Count > 0)
        {
            // Only the blocks that use a moved package are verified again, in the posts that have them.
            var files = documents.Where(d => d.Blocks.Any(s => affected.Contains(s.Location))).Select(
                d => d.Document.FullPath).ToList();
            var again = new Verifier(options with { Paths = files, Filter = null }, moved, affected);
            var report = await again.RunAsync(cancellationToken).ConfigureAwait(false);
            foreach (var result in report.Snippets.Where(r => affected.Contains(r.Location))) onNewest[result.Location] = result;
            reverified = Verified(report);
        }

        var rows = uses.Select(u => Row(u, newest[u.Pin.Id], byBlock, onNewest)).ToList();
        var (frameworkRows, onNewestFramework) =
            await NewestFramework.CheckAsync(options, documents, byBlock, cancellationToken).ConfigureAwait(false);
        return new OutdatedReport(
            [.. rows, .. frameworkRows], pinned.Errors) { Requests = packages.Requests, Reverified = reverified + onNewestFramework };
    }

    /// <summary>
    /// The posts' pins moved to the newest versions that restore for the run's frameworks: what <c>verify --packages
    /// newest</c> verifies with.
    /// </summary>
    /// <returns>Package ID (any case) to the version its pins are read as, for the verifier's trial constructor.</returns>
    public static async Task<IReadOnlyDictionary<string, string>> NewestMovesAsync(
        VerifyOptions options, OutdatedSettings settings, CancellationToken cancellationToken)
    {
        var verifier = new Verifier(options);
        var (documents, _) = verifier.Prepare();
        var packages = Packages(verifier, settings);
        var uses = PinCollector.Collect(documents, packages);
        var frameworks = PreparedDocument.RunFrameworks(documents);
        var newest = await NewestByPackageAsync(packages, uses,
            blocks => blocks.SelectMany(
                b => documents.Where(d => d.Blocks.Contains(b)).SelectMany(d => d.FrameworksOf(b, frameworks))),
            cancellationToken).ConfigureAwait(false);
        return Moves(newest, uses);
    }

    /// <summary>Each package's newest version that restores for the frameworks its blocks verify on, from the oldest pin of it up.</summary>
    private static async Task<Dictionary<string, (string? Newest, string? Note)>> NewestByPackageAsync(
        PackageService packages, IReadOnlyList<PinUse> uses, Func<IEnumerable<Snippet>, IEnumerable<TargetFramework>> frameworksOf,
        CancellationToken cancellationToken)
    {
        var groups = uses.GroupBy(u => u.Pin.Id, StringComparer.OrdinalIgnoreCase).ToList();
        var found = await Task.WhenAll(groups.Select(async group =>
        {
            var frameworks = frameworksOf(group.SelectMany(u => u.Blocks)).Distinct().Order().ToList();
            var oldest = group.Select(u => u.Pin.Version).Aggregate((a, b) => PackageService.IsNewer(a, b) ? b : a);
            return (Id: group.Key, Found: await packages.NewestAsync(
                group.Key, oldest, frameworks.Count > 0 ? frameworks : [TargetFramework.Tool], cancellationToken).ConfigureAwait(false));
        })).ConfigureAwait(false);
        return found.ToDictionary(n => n.Id, n => n.Found, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The packages with a pin below the newest version found, to that version.</summary>
    private static Dictionary<string, string> Moves(
        IReadOnlyDictionary<string, (string? Newest, string? Note)> newest, IReadOnlyList<PinUse> uses) =>
        newest.Where(
            n => n.Value.Newest is { } version
            && uses.Any(u => u.Pin.Id.Equals(n.Key, StringComparison.OrdinalIgnoreCase) && PackageService.IsNewer(version, u.Pin.Version)))
            .ToDictionary(n => n.Key, n => n.Value.Newest!, StringComparer.OrdinalIgnoreCase);

    /// <summary>The blocks a run compiled or ran (passed or failed), from the cache or not.</summary>
    internal static int Verified(VerificationReport report) => report.Snippets.Count(Verified);

    /// <summary>True for a block the run compiled or ran: it passed (checked too) or failed.</summary>
    internal static bool Verified(SnippetResult result) => Passed(result) || result.Verdict is Verdict.Failed;

    private static bool Passed(SnippetResult result) => result.Verdict is Verdict.Passed or Verdict.Checked;

    /// <summary>What a pin's blocks did on it and on the newest version.</summary>
    internal static PinRow Row(
        PinUse use, (string? Newest, string? Note) newest, IReadOnlyDictionary<SourceLocation, SnippetResult> onPin,
        IReadOnlyDictionary<SourceLocation, SnippetResult> onNewest)
    {
        var row = new PinRow(use.Pin, newest.Newest, newest.Note);
        var (stillPass, nowFail, failedBefore, nowPass) =
            (new List<SourceLocation>(), new List<BlockFailure>(), new List<BlockFailure>(), new List<SourceLocation>());
        foreach (var block in use.Blocks)
        {
            if (onPin.GetValueOrDefault(block.Location) is not { } before || !Verified(before)) continue;
            var after = row.Behind ? onNewest.GetValueOrDefault(block.Location) ?? before : before;
            var passedBefore = Passed(before);
            if (Passed(after)) (passedBefore ? stillPass : nowPass).Add(block.Location);
            else if (after.Verdict is Verdict.Failed) (passedBefore ? nowFail : failedBefore).Add(FirstError(after));
        }
        return row with { StillPass = stillPass, NowFail = nowFail, FailedBefore = failedBefore, NowPass = nowPass };
    }

    /// <summary>The block's first error, at its place in the post; the verdict's own when it has no diagnostic.</summary>
    private static BlockFailure FirstError(SnippetResult result) =>
        result.Diagnostics.FirstOrDefault(d => d.IsError) is { } error
            ? new BlockFailure(result.Location, error.Location, error.Id, error.Message)
            : new BlockFailure(result.Location, result.Location, result.Code ?? "SC2000", result.Message ?? "failed");

    /// <summary>The frameworks a block was verified on: its matrix's, or the tool's own.</summary>
    internal static IEnumerable<TargetFramework> FrameworksOf(SnippetResult result) =>
        result.JudgedOn ?? [TargetFramework.Tool];

    /// <summary>The run's pins and version look-ups, through its package cache and the NuGet.Config nearest its config.</summary>
    private static PackageService Packages(Verifier verifier, OutdatedSettings settings) =>
        new(verifier, settings.Prerelease, settings.LookupMaxAge);
}
