using SnippetCheck.Model;

namespace SnippetCheck.Extraction.Snippets;

/// <summary>
/// What the <c>#:</c> and <c>#r</c> directives of one block (or prelude) ask for, read once with the block.
/// Problems in them are kept in <see cref="Errors"/> and reported only when the block is verified, so an
/// untagged block that shows a file-based app is never failed for its directives.
/// </summary>
internal sealed record SnippetDirectives
{
    public static readonly SnippetDirectives None = new();

    public IReadOnlyList<PackageRequest> Packages { get; init; } = [];

    public IReadOnlyList<ProjectRequest> Projects { get; init; } = [];

    public IReadOnlyList<PropertyDirective> Properties { get; init; } = [];

    /// <summary>Where <c>#:sdk Microsoft.NET.Sdk.Web</c> stands; null without it.</summary>
    public SourceLocation? WebSdk { get; init; }

    /// <summary>Malformed, unknown, unsupported or misplaced directives, each at its own line and column.</summary>
    public IReadOnlyList<Diagnostic> Errors { get; init; } = [];

    public bool IsEmpty => Packages.Count == 0 && Projects.Count == 0 && Properties.Count == 0 && WebSdk is null && Errors.Count == 0;

    /// <summary>The packages alone, as a set.</summary>
    public PackageSet PackageSet => Packages.Count == 0 ? PackageSet.Empty : new PackageSet(Packages);

    /// <summary>
    /// Everything the directives change about compiling and running, as one stable string ("" for none).
    /// Snippets with different keys must never share a compilation.
    /// </summary>
    public string Key
    {
        get
        {
            if (IsEmpty) return "";
            var parts = new List<string>();
            if (Packages.Count > 0) parts.Add("packages=" + PackageSet.Key);
            if (Projects.Count > 0) parts.Add("projects=" + string.Join(';', Projects.Select(p => p.Path).Order(StringComparer.Ordinal)));
            if (Properties.Count > 0) parts.Add(
                "properties=" + string.Join(';', Properties.Select(p => $"{p.Name}={p.Value}").Order(StringComparer.Ordinal)));
            if (WebSdk is not null) parts.Add("sdk=web");
            if (Errors.Count > 0) parts.Add("errors");
            return string.Join('|', parts);
        }
    }
}
