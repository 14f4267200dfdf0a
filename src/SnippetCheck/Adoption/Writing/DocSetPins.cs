using SnippetCheck.Adoption.Proposals;
using SnippetCheck.Configuration;
using SnippetCheck.Extraction.Discovery;
using SnippetCheck.Driver;
using SnippetCheck.Model;
using SnippetCheck.References;
using SnippetCheck.Results;
using SnippetCheck.Editing;

namespace SnippetCheck.Adoption.Writing;

/// <summary>
/// One pin per package for the doc set: <c>adopt</c> writes <c>packages=Id</c> tags with no version and the
/// version once, in the config's <c>packageVersions</c>, so a release of the library is a one-line diff, not one per block.
/// A package's pin is the config's own when it has one, else the version most of the run's proposals were verified
/// with; a proposal verified with another version keeps it in its tag, and the summary lists it (<see cref="OwnPins"/>).
/// Before anything is written, the tagged pages are verified again in memory with the pins as the config will hold them:
/// a package any of whose blocks then fails keeps its versions in the tags. The config file is readers' business no more
/// than a tag comment is: they never see it.
/// </summary>
internal static class DocSetPins
{
    /// <summary>The config key the pins go under.</summary>
    private const string Key = "packageVersions";

    /// <summary>What the run's config file holds and gets: every pin in force after the write, and those new to it.</summary>
    /// <param name="ConfigPath">The config file the pins go into: the run's, else <c>snippetcheck.json</c> in its folder.</param>
    public sealed record Plan(string ConfigPath, IReadOnlyList<PackageRequest> All, IReadOnlyList<PackageRequest> New);

    /// <summary>
    /// <paramref name="files"/> with each proposal's packages that the run's pin covers written without a version, and the
    /// pins that takes.
    /// </summary>
    public static (IReadOnlyList<AdoptFile> Files, Plan Plan) Propose(
        IReadOnlyList<AdoptFile> files, SnippetCheckConfig config, string currentDirectory)
    {
        var configured = PackageVersionsOf(config, currentDirectory);
        var chosen = files.SelectMany(f => f.Proposals).SelectMany(p => p.Packages)
            .GroupBy(r => r.Id, StringComparer.OrdinalIgnoreCase)
            .Select(g => configured.FirstOrDefault(c => c.Id.Equals(g.Key, StringComparison.OrdinalIgnoreCase)) ?? MostUsed(g))
            .ToList();
        var path = config.SourcePath ?? Path.Combine(currentDirectory, ConfigLoader.FileName);
        var added = chosen.Where(c => !configured.Any(p => p.Id.Equals(c.Id, StringComparison.OrdinalIgnoreCase))).ToList();
        var plan = new Plan(path, [.. configured, .. added.Select(a => a with { Location = default })], added);
        return (Unpin(files, plan.All), plan);
    }

    /// <summary>
    /// The packages of <paramref name="plan"/> whose blocks do not all pass when their pages are read as written, with the
    /// pins as the config will hold them (verified in memory, the files untouched): those keep their versions in the tags.
    /// </summary>
    public static async Task<IReadOnlySet<string>> FailingAsync(
        IBlockTrials trials, SnippetCheckConfig commandLine, IReadOnlyList<AdoptFile> files, Plan plan, CancellationToken cancellationToken)
    {
        var written = ProposalProof.Written(files, p => p.Packages.Any(r => r.Unpinned));
        var blocks = written.Blocks.ToDictionary(
            b => b.Key, b => (IReadOnlyList<string>)[.. b.Value.Proposal.Packages.Where(r => r.Unpinned).Select(r => r.Id)]);
        var texts = written.Texts;
        if (written.Unmatched.Count > 0) return plan.New.Select(p => p.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (blocks.Count == 0) return new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var again = commandLine with { PackageVersions = [.. plan.All.Select(p => $"{p.Id}@{p.Version}")] };
        var report = await trials.VerifyWrittenAsync(again, texts, blocks.Keys.ToHashSet(), cancellationToken).ConfigureAwait(false);
        var passed = report.Snippets.Where(r => r.Status == SnippetStatus.Passed).Select(r => r.Location).ToHashSet();
        return blocks.Where(b => !passed.Contains(b.Key)).SelectMany(b => b.Value).ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary><paramref name="files"/> and <paramref name="plan"/> with the packages <paramref name="ids"/> pinned in the tags again.</summary>
    public static (IReadOnlyList<AdoptFile> Files, Plan Plan) Keep(IReadOnlyList<AdoptFile> files, Plan plan, IReadOnlySet<string> ids)
    {
        if (ids.Count == 0) return (files, plan);
        var kept = plan with { All = [.. plan.All.Where(p => !ids.Contains(p.Id))], New = [.. plan.New.Where(p => !ids.Contains(p.Id))] };
        PackageRequest Pinned(PackageRequest r) => r.Unpinned && ids.Contains(r.Id)
            ? r with { Version = plan.All.First(a => a.Id.Equals(r.Id, StringComparison.OrdinalIgnoreCase)).Version } : r;
        return (ChangePackages(files, Pinned), kept);
    }

    /// <summary>
    /// Adds the plan's new pins to the config file, creating it when there is none: into its <c>packageVersions</c> list,
    /// or as that key first in the object (<see cref="ConfigWriter"/>). The file must read back with every pin. Null when
    /// written; otherwise why not.
    /// </summary>
    public static string? Write(Plan plan, string currentDirectory)
    {
        if (plan.New.Count == 0) return null;
        return ConfigWriter.AddToList(plan.ConfigPath, DocumentDiscovery.DisplayPath(plan.ConfigPath, currentDirectory), Key,
            [.. plan.New.Select(p => $"\"{p.Id}@{p.Version}\"")], onePerLine: false, text => ReadsBack(plan, text), "with the pins");
    }

    /// <summary>The config's text reads back with every pin of the plan in its <c>packageVersions</c>.</summary>
    private static bool ReadsBack(Plan plan, string text)
    {
        try
        {
            var config = ConfigLoader.ReadText(plan.ConfigPath, text);
            return plan.All.All(p => config.PackageVersions?.Contains($"{p.Id}@{p.Version}", StringComparer.Ordinal) == true
                || config.Packages?.Contains($"{p.Id}@{p.Version}", StringComparer.Ordinal) == true);
        }
        catch (ConfigException)
        {
            return false;
        }
    }

    /// <summary>
    /// Each block of <paramref name="files"/> whose tag keeps a version of its own, as the summary lists it:
    /// "guide.md(12,1): packages=Acme.Lib@2.0.0 keeps its own pin: it is verified at 2.0.0, not at the set's version 1.0.0
    /// (snippetcheck.json)". No block is verified at another version than the set's without the summary saying so.
    /// </summary>
    public static IReadOnlyList<string> OwnPins(IReadOnlyList<AdoptFile> files, Plan plan, string configFile, string? pinsProblem) =>
        [.. files.SelectMany(f => f.Proposals).Where(p => !p.LeftOut)
            .SelectMany(p => p.Packages.Where(r => !r.Unpinned).Select(r => (p.Snippet.Location, r)))
            .Select(b => $"{b.Location}: packages={b.r.TagText} keeps its own pin: it is verified at {b.r.Version}, " +
                (plan.All.FirstOrDefault(a => a.Id.Equals(b.r.Id, StringComparison.OrdinalIgnoreCase)) is { } set
                    ? $"not at the set's version {set.Version} ({configFile})"
                    : pinsProblem is null ? $"and {configFile} pins no version of {b.r.Id} for the set (its blocks do not all pass at one)"
                    : $"and {configFile} pins no version for the set ({pinsProblem})"))];

    /// <summary>The config's pins a <c>packages=Id</c> tag would take (its <c>packageVersions</c>, then its <c>packages</c>).</summary>
    private static IReadOnlyList<PackageRequest> PackageVersionsOf(SnippetCheckConfig config, string currentDirectory) =>
        [.. ConfigPins.Of(config.PackageVersions, config.SourcePath, currentDirectory),
         .. ConfigPins.Of(config.Packages, config.SourcePath, currentDirectory)];

    /// <summary>The version most of <paramref name="requests"/> name (the newest of those named as often).</summary>
    private static PackageRequest MostUsed(IEnumerable<PackageRequest> requests)
    {
        var versions = requests.GroupBy(r => r.Version, StringComparer.Ordinal).ToList();
        var most = versions.Max(v => v.Count());
        var newest = PackageSearch.NewestFirst([.. versions.Where(v => v.Count() == most).Select(v => v.Key)])[0];
        return versions.First(v => v.Key == newest).First();
    }

    /// <summary>Each proposal's package at its pin's version, written without it.</summary>
    private static IReadOnlyList<AdoptFile> Unpin(IReadOnlyList<AdoptFile> files, IReadOnlyList<PackageRequest> pins)
    {
        PackageRequest Unpinned(PackageRequest r) =>
            pins.Any(pin => pin.Id.Equals(r.Id, StringComparison.OrdinalIgnoreCase) && pin.Version == r.Version) ? r with { Version = "" } : r;
        return ChangePackages(files, Unpinned);
    }

    /// <summary>The files with each package of each proposal changed by <paramref name="change"/>.</summary>
    private static IReadOnlyList<AdoptFile> ChangePackages(IReadOnlyList<AdoptFile> files, Func<PackageRequest, PackageRequest> change)
    {
        AdoptProposal Changed(AdoptProposal proposal) => proposal with { Packages = [.. proposal.Packages.Select(change)] };
        return [.. files.Select(f => f with { Proposals = [.. f.Proposals.Select(Changed)] })];
    }
}
