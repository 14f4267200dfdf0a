using System;
using System.Linq;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace SnippetCheck.MSBuild;

/// <summary>
/// Picks the target framework a multi-targeted library's doc-comment examples run against: the highest .NET
/// (<c>net10.0</c> over <c>net8.0</c>), else the highest .NET Standard, else the last one listed.
/// <c>SnippetCheckTargetFramework</c> overrides it.
/// </summary>
public sealed class SelectTargetFramework : Task
{
    /// <summary>The project's <c>TargetFrameworks</c>, separated by <c>;</c>.</summary>
    [Required]
    public string TargetFrameworks { get; set; } = "";

    /// <summary>The framework to run against; empty when none was given.</summary>
    [Output]
    public string Selected { get; private set; } = "";

    /// <inheritdoc />
    public override bool Execute()
    {
        var frameworks = TargetFrameworks.Split([';'], StringSplitOptions.RemoveEmptyEntries).Select(f => f.Trim()).Where(f => f.Length > 0).ToList();
        Selected = Pick(frameworks);
        return true;
    }

    internal static string Pick(System.Collections.Generic.IReadOnlyList<string> frameworks) =>
        frameworks
            .Select((name, order) => (name, order, rank: Rank(name)))
            .OrderByDescending(f => f.rank.Family).ThenByDescending(f => f.rank.Version).ThenByDescending(f => f.order)
            .Select(f => f.name)
            .FirstOrDefault() ?? "";

    /// <summary>.NET 5+ (<c>netX.Y</c>, maybe with an OS suffix) ranks above <c>netcoreappX.Y</c>, above <c>netstandardX.Y</c>.</summary>
    private static (int Family, Version Version) Rank(string framework)
    {
        var name = framework.ToLowerInvariant().Split('-')[0];
        if (name.StartsWith("netstandard", StringComparison.Ordinal)) return (1, ParseVersion(name.Substring(11)));
        if (name.StartsWith("netcoreapp", StringComparison.Ordinal)) return (2, ParseVersion(name.Substring(10)));
        if (name.StartsWith("net", StringComparison.Ordinal) && name.Contains('.')) return (3, ParseVersion(name.Substring(3)));
        return (0, new Version(0, 0));
    }

    private static Version ParseVersion(string text) => Version.TryParse(text, out var version) ? version : new Version(0, 0);
}
