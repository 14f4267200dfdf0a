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

    /// <summary>
    /// The frameworks a matrix verifies on (docs/frameworks.md), separated by <c>;</c>: the .NET 8 and later ones without
    /// an OS suffix (<c>net8.0;net10.0</c>). Empty unless there are at least two: one build is then checked as before.
    /// </summary>
    [Output]
    public string Matrix { get; private set; } = "";

    /// <inheritdoc />
    public override bool Execute()
    {
        var frameworks = TargetFrameworks.Split([';'], StringSplitOptions.RemoveEmptyEntries).Select(f => f.Trim()).Where(f => f.Length > 0).ToList();
        Selected = Pick(frameworks);
        var matrix = frameworks.Where(IsMatrixFramework).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        Matrix = matrix.Count > 1 ? string.Join(";", matrix) : "";
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

    /// <summary><c>netN.0</c> with N from 8: what the CLI's <c>--frameworks</c> takes.</summary>
    private static bool IsMatrixFramework(string framework)
    {
        var name = framework.ToLowerInvariant();
        return name.StartsWith("net", StringComparison.Ordinal) && !name.Contains('-') && name.EndsWith(".0", StringComparison.Ordinal)
            && int.TryParse(name.Substring(3, name.Length - 5), out var major) && major >= 8;
    }

    private static Version ParseVersion(string text) => Version.TryParse(text, out var version) ? version : new Version(0, 0);
}
