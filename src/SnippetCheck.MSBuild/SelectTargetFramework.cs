using System;
using System.Linq;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using SnippetCheck.References;

namespace SnippetCheck.MSBuild;

/// <summary>
/// Picks the target framework a multi-targeted library's doc-comment examples run against: the one a program on
/// <see cref="SnippetFramework"/> consumes, as NuGet picks it (<see cref="NearestFramework"/>, the rule the CLI builds a
/// library by). <c>SnippetCheckTargetFramework</c> overrides it.
/// </summary>
public sealed class SelectTargetFramework : Task
{
    /// <summary>The project's <c>TargetFrameworks</c>, separated by <c>;</c>.</summary>
    [Required]
    public string TargetFrameworks { get; set; } = "";

    /// <summary>The framework the examples compile and run on (the CLI's, <c>net10.0</c>); empty: the newest .NET listed.</summary>
    public string SnippetFramework { get; set; } = "";

    /// <summary>The framework to run against; when none fits (<see cref="Fits"/> false), the last one listed, as before.</summary>
    [Output]
    public string Selected { get; private set; } = "";

    /// <summary>False when no listed framework can be consumed on <see cref="SnippetFramework"/> (a <c>net48</c>-only library).</summary>
    [Output]
    public bool Fits { get; private set; }

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
        var nearest = NearestFramework.For(SnippetFramework.Trim().Length == 0 ? null : SnippetFramework.Trim(), frameworks);
        Fits = nearest is not null;
        Selected = nearest ?? frameworks.LastOrDefault() ?? "";
        var matrix = frameworks.Where(IsMatrixFramework).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        Matrix = matrix.Count > 1 ? string.Join(";", matrix) : "";
        return true;
    }

    /// <summary><c>netN.0</c> with N from 8: what the CLI's <c>--frameworks</c> takes.</summary>
    private static bool IsMatrixFramework(string framework)
    {
        var name = framework.ToLowerInvariant();
        return name.StartsWith("net", StringComparison.Ordinal) && !name.Contains('-') && name.EndsWith(".0", StringComparison.Ordinal)
            && int.TryParse(name.Substring(3, name.Length - 5), out var major) && major >= 8;
    }
}
