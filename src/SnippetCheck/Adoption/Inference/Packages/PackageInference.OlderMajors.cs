using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SnippetCheck.Compilation;
using SnippetCheck.Programs;
using SnippetCheck.Model;
using SnippetCheck.References;
using SnippetCheck.Results;
using SnippetCheck.Extraction.Snippets;

namespace SnippetCheck.Adoption.Inference.Packages;

/// <summary>
/// Docs written for an older major of their package: AutoMapper's pages create
/// <c>new MapperConfiguration(cfg =&gt; …)</c>, whose one-argument constructor its newest major dropped. A block that fails with
/// the newest version on a member or constructor of the package (CS1729, CS7036, CS1061, CS0117, CS1501, CS1503) is tried
/// with the newest version of each older major, newest first; when one passes, the difference is suspected rot, never
/// hidden: "verifies with AutoMapper 14.0.0 but fails with 17.0.0". Only docs written
/// for the older major are verified at it: when none of the package's blocks passes with the newest and some pass with it,
/// it is the doc set's version (the blocks that pass with it take it, the later passes find the package at it, and the
/// config gets one pin). Otherwise the newest stays the set's one version, and the blocks that fail with it stay
/// unverified, their rot listed (a removed name's own evidence, with its [Obsolete] advice, replaces this one): a block
/// that passes with the newest is never verified at an older version, and pinning a doc set that
/// works with the newest to an old major would hide its rot. An upgrade guide's blocks show the old API on purpose
/// (RemovedApiRot guards them): they are neither tried nor counted.
/// </summary>
internal sealed partial class PackageInference
{
    /// <summary>A member or constructor of a type the block binds that does not fit as written: what a new major changes.</summary>
    private static readonly HashSet<string> ApiChangeIds = ["CS1729", "CS7036", "CS1061", "CS0117", "CS1501", "CS1503"];

    /// <summary>How many older majors are tried for a package: each is a restore and a verification of its failing blocks.</summary>
    private const int OlderMajorsTried = 3;

    private readonly ConcurrentDictionary<SourceLocation, SuspectedRot> _olderMajorRot = new();

    private readonly ConcurrentQueue<(string Id, string Note)> _writtenForNotes = new();

    /// <summary>
    /// Each package pinned to the older major its docs were written for, said with the names the newest lacks; only those
    /// of <paramref name="tagged"/> (the packages a proposed block is tagged with): of a package no block got, the note's
    /// "their blocks are verified at" would name what the report does not.
    /// </summary>
    public IReadOnlyList<string> WrittenFor(IReadOnlySet<string> tagged) =>
        [.. _writtenForNotes.Where(n => tagged.Contains(n.Id)).Select(n => n.Note)];

    private readonly Lazy<IReadOnlyDictionary<string, SourceLocation>> _namesUsed = new(() => NamesUsedIn(docSet));

    /// <summary>The blocks of <paramref name="document"/> verified at an older major than the newest, as suspected rot.</summary>
    public IEnumerable<SuspectedRot> OlderMajorRot(SnippetDocument document) =>
        document.Snippets.Select(s => _olderMajorRot.GetValueOrDefault(s.Location)).OfType<SuspectedRot>();

    /// <summary>
    /// A block that failed at the newest (<paramref name="before"/>) and passes at an older major: suspected rot, never
    /// hidden (<see cref="OlderMajorRot"/>).
    /// </summary>
    public void KeepOlderMajorRot(SnippetResult before, SnippetResult result, Found newest, Found older)
    {
        var error = before.Diagnostics.First(d => d.IsError);
        _olderMajorRot[result.Snippet.Location] = new SuspectedRot(error.Location, error.Id, error.Message, RotEvidence.KnownApi,
            $"verifies with {older.Package.Id} {older.Package.Version} but fails with {newest.Package.Version}, the newest")
            { Block = result.Snippet.Location, LastVersion = older.Package.Version };
    }

    /// <summary>
    /// The major <paramref name="page"/> names of <paramref name="newest"/>'s package, when that is not the newest's:
    /// Quartz.NET's <c>quartz-3.x/</c> pages want 3.22.10, not 4.7.3 (<see cref="PackageMajors.PageMajor"/>). Null when it names none.
    /// </summary>
    public int? PageMajor(SnippetDocument page, Found newest) =>
        PackageMajors.PageMajor(page.Source, newest.Package.Id, DocSets.Of(page)) is { } major
            && major != PackageMajors.Major(newest.Package.Version) ? major : null;

    /// <summary>How many type names the docs use that an older major declares and the newest does not, at least, before
    /// the older major is taken as the version they were written for: one removed call in a post is rot, not a version.</summary>
    private const int GoneNamesForAVersion = 3;

    /// <summary>
    /// Whether <paramref name="older"/> is the version of a package the run's docs were written for, told by the names they use
    /// before any block is tried: when it declares at least <see cref="GoneNamesForAVersion"/> of them that
    /// <paramref name="newest"/> does not (CsvHelper 34 dropped <c>CsvConfiguration</c>, <c>ClassMap</c>, <c>NameAttribute</c>),
    /// more than twice as many as the names of theirs only the newest declares. A note then says which names the newest
    /// lacks, so the rot is never hidden: moving the pin shows it block by block. Its trials try each older major in turn.
    /// </summary>
    public bool IsWrittenFor(Found newest, Found older)
    {
        var used = _namesUsed.Value;
        var newestOnly = used.Keys.Where(newest.Names.Contains).ToList();
        var gone = used.Keys.Where(n => older.Names.Contains(n) && !newest.Names.Contains(n)).Order(StringComparer.Ordinal).ToList();
        var added = newestOnly.Count(n => !older.Names.Contains(n));
        if (gone.Count < GoneNamesForAVersion || gone.Count <= 2 * added) return false;
        var note = $"the docs use {gone.Count} names {older.Package.Id} {newest.Package.Version}, the newest, no longer declares " +
            $"({string.Join(", ", gone.Take(5))}{(gone.Count > 5 ? ", …" : "")}); {older.Package.Version} declares them: their blocks are " +
            $"verified at {older.Package.Version}, the version they were written for (pinning {newest.Package.Version} shows the rot)";
        _writtenForNotes.Enqueue((newest.Package.Id, $"{used[gone[0]]}: {note}"));
        return true;
    }

    /// <summary>
    /// The PascalCase names the run's code uses and does not declare, each with its first place; an upgrade guide's blocks
    /// show the old API on purpose and are left out.
    /// </summary>
    private static IReadOnlyDictionary<string, SourceLocation> NamesUsedIn(IReadOnlyList<SnippetDocument> docSet)
    {
        var blocks = docSet.SelectMany(d => d.Snippets.Select(s => (d, s)))
            .Where(b => !PackageEvidence.PageSaysItIsGone(b.d.Source, b.s.Block)).ToList();
        var declared = RotEvidence.DeclaredNames(string.Join('\n', blocks.SelectMany(b => b.s.Code).Select(l => l.Text)));
        var used = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        foreach (var (_, snippet) in blocks)
        {
            foreach (var token in CSharpSyntaxTree.ParseText(string.Join('\n', snippet.Code.Select(l => l.Text))).GetRoot().DescendantTokens())
            {
                if (token.IsKind(SyntaxKind.IdentifierToken) && token.ValueText is { Length: > 0 } name && char.IsUpper(name[0])
                    && !declared.Contains(name))
                    used.TryAdd(name, snippet.Location);
            }
        }
        return used;
    }

    /// <summary>
    /// Of a package's stable <paramref name="versions"/>, the newest of each major below <paramref name="newest"/>'s, newest first.
    /// </summary>
    public static IReadOnlyList<string> OlderMajors(IReadOnlyList<string> versions, string newest) =>
        [.. PackageSearch.NewestFirst(versions).Where(v => Major(v) < Major(newest)).DistinctBy(Major).Take(OlderMajorsTried)];

    private static int Major(string version) => PackageMajors.Major(version);

    /// <summary>
    /// The unknown names of a block that fails only on unknown names (and <see cref="ApiChangeIds"/>) which are types none of
    /// <paramref name="packages"/> declares and the doc set does not declare either: what an older major may have had.
    /// </summary>
    public static IReadOnlyList<string> TypesGone(SnippetResult result, IReadOnlyList<Found> packages, IReadOnlySet<string> docSetDeclared)
    {
        var errors = result.Diagnostics.Where(d => d.IsError).ToList();
        if (errors.Count == 0 || errors.Any(e => !CheckLevel.IsUnknownName(e.Id) && !ApiChangeIds.Contains(e.Id))) return [];
        var names = errors.Where(e => CheckLevel.IsUnknownName(e.Id)).Select(e => UsingInference.IdentifierAt(result.Snippet, e.Location)).ToList();
        if (names.Count == 0 || names.Any(n => n is null || !char.IsUpper(n[0]))) return [];
        var gone = names.Cast<string>().Distinct(StringComparer.Ordinal).ToList();
        return gone.Any(n => docSetDeclared.Contains(n) || packages.Any(p => p.Names.Contains(n))) ? [] : gone;
    }

    private readonly ConcurrentDictionary<string, IReadOnlySet<string>> _docSetDeclared = new(StringComparer.Ordinal);

    /// <summary>The names the code of <paramref name="document"/>'s doc set declares (types, members, locals).</summary>
    public IReadOnlySet<string> DocSetDeclared(PreparedDocument document) =>
        _docSetDeclared.GetOrAdd(DocSets.Of(document.Snippets), docSet =>
        {
            var lines = DocSets.PagesOf(docSet).SelectMany(d => d.Snippets).SelectMany(s => s.Code).Select(l => l.Text);
            return RotEvidence.DeclaredNames(string.Join('\n', lines));
        });

    /// <summary>Every error the block has is one of <see cref="ApiChangeIds"/>: nothing else in it is missing.</summary>
    public static bool IsApiChange(SnippetResult result) =>
        result.Diagnostics.Where(d => d.IsError).ToList() is { Count: > 0 } errors && errors.All(e => ApiChangeIds.Contains(e.Id));
}
