using SnippetCheck.Model;

namespace SnippetCheck.References;

/// <summary>
/// What a tool tries over a plain run's documents: pins read as other versions (<c>verify --packages newest</c>,
/// <c>outdated</c>'s second pass), only some blocks, or every block on one framework (<c>outdated</c>'s pass on the
/// newest .NET). Given to the verifier's trial constructor (<c>Driver.Verifier</c>); a plain run has <see cref="None"/>.
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
internal sealed record PinTrial(PackageMoves Moves, IReadOnlySet<SourceLocation>? OnlyBlocks = null, TargetFramework? OnlyFramework = null)
{
    public static readonly PinTrial None = new(PackageMoves.None);
}
