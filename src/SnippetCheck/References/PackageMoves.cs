using SnippetCheck.Configuration;
using SnippetCheck.Model;
using SnippetCheck.Extraction.Snippets;

namespace SnippetCheck.References;

/// <summary>
/// Pins moved to other versions for one run (<c>outdated</c>, <c>verify --packages newest</c>): every pin of a moved
/// package, wherever it is written (a tag, <c>#:package</c>, <c>#r "nuget:"</c>, a prelude, the config), is read as
/// if it named the new version. Applied where documents and the config are read, so cache keys, merging and reports
/// see the version that was used.
/// </summary>
internal sealed class PackageMoves
{
    private readonly Dictionary<string, string> _versions;

    /// <param name="versions">Package ID (any case) to the version its pins are read as.</param>
    public PackageMoves(IReadOnlyDictionary<string, string> versions) =>
        _versions = new Dictionary<string, string>(versions, StringComparer.OrdinalIgnoreCase);

    /// <summary>No pin moves.</summary>
    public static readonly PackageMoves None = new(new Dictionary<string, string>());

    /// <summary>The moved packages, ID to version.</summary>
    public IReadOnlyDictionary<string, string> Versions => _versions;

    /// <summary>The version <paramref name="id"/> is read as; null when it does not move.</summary>
    public string? VersionOf(string id) => _versions.GetValueOrDefault(id);

    internal PackageRequest Apply(PackageRequest request) =>
        VersionOf(request.Id) is { } version && version != request.Version ? request with { Version = version } : request;

    internal SnippetDirectives Apply(SnippetDirectives directives) =>
        directives.Packages.Count == 0 ? directives : directives with { Packages = [.. directives.Packages.Select(Apply)] };

    internal Snippet Apply(Snippet snippet) => snippet.Directives.Packages.Count == 0 ? snippet : snippet with
    {
        BlockDirectives = Apply(snippet.BlockDirectives),
        Tags = snippet.Tags with { Packages = [.. snippet.Tags.Packages.Select(Apply)] },
    };

    internal SnippetDocument Apply(SnippetDocument document) => _versions.Count == 0 ? document : document with
    {
        Snippets = [.. document.Snippets.Select(Apply)],
        Preludes = [.. document.Preludes.Select(p => p with { Directives = Apply(p.Directives) })],
    };

    internal SnippetCheckConfig Apply(SnippetCheckConfig config) => _versions.Count == 0 || config.Packages is not { } packages ? config : config with
    {
        Packages = [.. packages.Select(
            p => PackageRequest.TryParse(p, default) is { } request && VersionOf(request.Id) is { } version ? $"{request.Id}@{version}" : p)],
    };
}
