namespace SnippetCheck.References;

/// <summary>What the sources offer for a pinned package (what <c>PackageService.NewestAsync</c> answers).</summary>
/// <param name="Newest">The newest version that restores for every framework asked; null when the sources list none.</param>
/// <param name="Note">Why the newest listed version is not <paramref name="Newest"/> (it does not restore), or why nothing was found.</param>
internal sealed record NewestVersion(string Id, string? Newest, string? Note)
{
    public bool Resolved => Newest is not null;
}
