namespace SnippetCheck.References;

/// <summary>The result of resolving a package set or building a project: assets, or the SDK's own error lines.</summary>
internal sealed record ResolveOutcome(ResolvedAssets? Assets, string? Error, bool FromCache = false)
{
    /// <summary>The packages resolved: <see cref="Assets"/> is set and <see cref="Error"/> is not.</summary>
    public bool Succeeded => Assets is not null;

    /// <summary>The diagnostic a failure is reported as, where not the package one: a refused reach (<see cref="ReachRefusedException"/>).</summary>
    public string? Code { get; private init; }

    internal static ResolveOutcome Failed(string error) => new(null, error);

    internal static ResolveOutcome Refused(string code, string error) => new(null, error) { Code = code };
}
