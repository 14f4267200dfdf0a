using SnippetCheck.Configuration;
using SnippetCheck.Model;
using SnippetCheck.Extraction.Snippets;

namespace SnippetCheck.References;

/// <summary>
/// One pin per package for a doc set: a <c>packages=Id</c> tag names no version, and the config's
/// <c>packageVersions</c> (else its <c>packages</c>) gives it one, so a release of the library moves one line of the config,
/// not every block's tag. Applied where documents are read, before <see cref="PackageMoves"/>: every later step sees a
/// pinned request, whose <see cref="PackageRequest.PinLocation"/> says where its version is written.
/// </summary>
internal static class PackageVersions
{
    /// <summary>
    /// <paramref name="document"/> with each <c>packages=Id</c> tag given its version from <paramref name="pins"/> (the
    /// config's <c>packageVersions</c>, then its <c>packages</c>); a tag no pin covers fails its block for its tags (SC1002).
    /// </summary>
    internal static SnippetDocument Apply(SnippetDocument document, IReadOnlyList<PackageRequest> pins) =>
        document.Snippets.Any(s => s.Tags.Packages.Any(p => p.Unpinned))
            ? document with { Snippets = [.. document.Snippets.Select(s => Apply(s, pins))] }
            : document;

    private static Snippet Apply(Snippet snippet, IReadOnlyList<PackageRequest> pins)
    {
        if (!snippet.Tags.Packages.Any(p => p.Unpinned)) return snippet;
        var errors = new List<Diagnostic>();
        var packages = new List<PackageRequest>();
        foreach (var request in snippet.Tags.Packages)
        {
            if (!request.Unpinned)
            {
                packages.Add(request);
                continue;
            }
            if (pins.FirstOrDefault(p => p.Id.Equals(request.Id, StringComparison.OrdinalIgnoreCase)) is { } pin)
            {
                packages.Add(request with { Version = pin.Version, PinLocation = pin.Location });
                continue;
            }
            errors.Add(Diagnostic.Error(DiagnosticCodes.BadTagValue,
                $"'packages={request.Id}' names no version, and the config pins none for it: add \"{request.Id}@VERSION\" to " +
                $"\"packageVersions\" in {ConfigLoader.FileName}, or pin it in the tag (packages={request.Id}@VERSION)", request.Location));
        }
        return snippet with { Tags = snippet.Tags with { Packages = packages }, Annotations = [.. snippet.Annotations, .. errors] };
    }
}
