using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using SnippetCheck.Programs;
using Found = SnippetCheck.Adoption.Inference.Packages.PackageInference.Found;

namespace SnippetCheck.Adoption.Inference.Packages;

/// <summary>
/// A page's packages as a pure rule asks for them, so the rule awaits nothing: it reads the answers its trial looked up, and a page it
/// has no answer for yet is asked (<see cref="Asked"/>) and read as "not yet": the rule skips what needs it. Its trial
/// (<c>Trials/Packages/PackageFinds.AnswerAsync</c>) looks up what was asked, in the order asked, and runs the rule again
/// with the answers, until it asks nothing new; so a rule asks for the pages only where a block reaches the point that needs
/// them, as it did when it awaited the lookups itself, and each page is looked up once a run of the rule.
/// </summary>
/// <param name="answers">What the trial looked up so far, by what was asked.</param>
internal sealed class PagePackages(IReadOnlyDictionary<PagePackages.Ask, IReadOnlyList<Found>> answers)
{
    /// <summary>
    /// One page's packages: every package the page names (<see cref="DocSet"/> false), or those and the ones its doc set
    /// names. The framework is the one the first ask of the page gave: what a package's evidence and names are read against.
    /// </summary>
    public sealed record Ask(PreparedDocument Page, bool DocSet)
    {
        public ImmutableArray<MetadataReference> Framework { get; init; }

        // The framework is not part of what is asked: a page's blocks differ in it only by the Web SDK, whose namespaces are no
        // package's evidence (PackageEvidence.UsingCandidates), and its packages are read once, as they were found.
        public bool Equals(Ask? other) => other is not null && other.Page == Page && other.DocSet == DocSet;

        public override int GetHashCode() => HashCode.Combine(Page, DocSet);
    }

    /// <summary>No answer yet: what a rule asks in its first step.</summary>
    public static PagePackages None => new(new Dictionary<Ask, IReadOnlyList<Found>>());

    private readonly List<Ask> _asked = [];

    /// <summary>What the rule asked and had no answer for, in the order it first asked.</summary>
    public IReadOnlyList<Ask> Asked => _asked;

    /// <summary>Every package <paramref name="page"/> names, found and restored; null until its trial has looked them up.</summary>
    public IReadOnlyList<Found>? OfPage(PreparedDocument page, ImmutableArray<MetadataReference> framework) =>
        Answer(new Ask(page, DocSet: false) { Framework = framework });

    /// <summary>Every package <paramref name="page"/> or its doc set names, found and restored; null until looked up.</summary>
    public IReadOnlyList<Found>? OfDocSet(PreparedDocument page, ImmutableArray<MetadataReference> framework) =>
        Answer(new Ask(page, DocSet: true) { Framework = framework });

    private IReadOnlyList<Found>? Answer(Ask ask)
    {
        if (answers.TryGetValue(ask, out var found)) return found;
        if (!_asked.Contains(ask)) _asked.Add(ask);
        return null;
    }
}
