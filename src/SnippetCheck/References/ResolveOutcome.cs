namespace SnippetCheck.References;

/// <summary>The result of resolving a package set or building a project: assets, or the SDK's own error lines.</summary>
internal sealed record ResolveOutcome(ResolvedAssets? Assets, string? Error, bool FromCache = false)
{
    /// <summary>The packages resolved: <see cref="Assets"/> is set and <see cref="Error"/> is not.</summary>
    public bool Succeeded => Assets is not null;

    internal static ResolveOutcome Failed(string error) => new(null, error);
}
