using SnippetCheck.Configuration;
using SnippetCheck.Extraction.Snippets;
using SnippetCheck.Model;
using SnippetCheck.References;

namespace SnippetCheck.Loading;

/// <summary>
/// What a tool tries over a run's documents, laid over each one as the loader reads it (<see cref="DocumentLoader"/>): pins
/// read as other versions (<c>verify --packages newest</c>, <c>outdated</c>'s second pass), only some blocks, every block on
/// one framework (<c>outdated</c>'s pass on the newest .NET), settings over each file's (<c>adopt</c>'s trial of a page as a
/// fixture). The caller gives it; a plain run has <see cref="None"/>, which changes nothing.
/// </summary>
/// <param name="Moves">Pins read as other versions; none by default.</param>
/// <param name="OnlyBlocks">
/// Verify only these blocks, with the other blocks of their sessions (one program); the documents' other blocks are left
/// out as if they were not there (<c>outdated</c>'s second pass verifies only what a moved pin reaches). Null: all.
/// </param>
/// <param name="OnlyFramework">
/// Verify every block on this framework alone, whatever its <c>frameworks=</c> tag, <c>#:property TargetFramework</c>,
/// front matter or config say; null for a plain run.
/// </param>
/// <param name="Settings">Settings laid over every file's, above its front matter and the command line; null for none.</param>
internal sealed record DocumentTrial(
    PackageMoves Moves, IReadOnlySet<SourceLocation>? OnlyBlocks = null, TargetFramework? OnlyFramework = null, SnippetCheckConfig? Settings = null)
{
    public static readonly DocumentTrial None = new(PackageMoves.None);

    /// <summary>A file's settings (its front matter over the config) with the command line and the trial's laid over them.</summary>
    public SnippetCheckConfig Over(SnippetCheckConfig file, SnippetCheckConfig commandLine) =>
        file.Overlay(OnlyFramework is { } only ? commandLine with { Frameworks = [only] } : commandLine).Overlay(Settings);

    /// <summary>A document's blocks as the trial reads them: pins moved, on any framework, only the chosen blocks and their sessions.</summary>
    public SnippetDocument Apply(SnippetDocument snippets)
    {
        snippets = Moves.Apply(snippets);
        if (OnlyFramework is not null) snippets = snippets with { Snippets = [.. snippets.Snippets.Select(s => s.OnAnyFramework())] };
        if (OnlyBlocks is { } only)
            snippets = snippets with { Snippets = [.. snippets.Snippets.Where(s => only.Contains(s.Location) || InSessionWith(s, only, snippets))] };
        return snippets;
    }

    private static bool InSessionWith(Snippet snippet, IReadOnlySet<SourceLocation> blocks, SnippetDocument document) =>
        snippet.Tags.Session is { } session && document.Snippets.Any(s => s.Tags.Session == session && blocks.Contains(s.Location));
}
