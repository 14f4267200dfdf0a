using System.Text.RegularExpressions;

namespace SnippetCheck.References;

/// <summary>The result of resolving a package set or building a project: assets, or the SDK's own error lines.</summary>
internal sealed partial record ResolveOutcome(ResolvedAssets? Assets, string? Error, bool FromCache = false)
{
    /// <summary>The packages resolved: <see cref="Assets"/> is set and <see cref="Error"/> is not.</summary>
    public bool Succeeded => Assets is not null;

    /// <summary>The diagnostic a failure is reported as, where not the package one: a refused reach (<see cref="ReachRefusedException"/>).</summary>
    public string? Code { get; private init; }

    internal static ResolveOutcome Failed(string error) => new(null, error);

    /// <summary>
    /// A failure NuGet gave a reason for that holds on every try (<c>NU1101</c>: no such package, <c>NU1202</c>: not for this
    /// framework, <c>NU1605</c>: a downgrade): what the sources say. Anything else may not recur (a timeout, an I/O error, a
    /// source that did not answer, <c>NU1301</c>), and is tried again, so no answer rests on it.
    /// </summary>
    public bool FailedForGood => Error is { } error && ForGoodCode().IsMatch(error);

    /// <summary>The package's other versions may restore where this one does not: it is not for this framework, or not served.</summary>
    public bool VersionRefused => Error is { } error && VersionCode().IsMatch(error);

    [GeneratedRegex(@"\bNU1(?!301\b)\d{3}\b")]
    private static partial Regex ForGoodCode();

    [GeneratedRegex(@"\bNU1(201|202|212|213|102|103)\b")]
    private static partial Regex VersionCode();

    internal static ResolveOutcome Refused(string code, string error) => new(null, error) { Code = code };
}
