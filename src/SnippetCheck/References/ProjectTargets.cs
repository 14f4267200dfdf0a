using System.Text.RegularExpressions;
using SnippetCheck.Model;

namespace SnippetCheck.References;

/// <summary>
/// A project file's <c>TargetFrameworks</c>, read as its text says it (not evaluated: one set in a
/// <c>Directory.Build.props</c> is not seen). The one reading both the project build and the matrix use.
/// </summary>
internal static partial class ProjectTargets
{
    /// <summary>True when the project lists <c>TargetFrameworks</c>: it is then built per framework, since one output must be picked.</summary>
    internal static bool IsMultiTargeted(string projectPath) => Listed(projectPath) is not null;

    /// <summary>The listed frameworks that a matrix may name (not <c>netstandard2.0</c>, say); empty without a list.</summary>
    internal static IEnumerable<TargetFramework> Supported(string projectPath) =>
        (Listed(projectPath) ?? []).Select(TargetFramework.TryParse).OfType<TargetFramework>();

    /// <summary>The monikers <c>TargetFrameworks</c> lists; null when the file has no such element or cannot be read.</summary>
    internal static string[]? Listed(string projectPath)
    {
        string text;
        try
        {
            text = File.ReadAllText(projectPath);
        }
        catch (IOException)
        {
            return null;
        }
        var lists = TargetFrameworksElement().Matches(text);
        return lists.Count == 0
            ? null
            : [.. lists.SelectMany(m => m.Groups[1].Value.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))];
    }

    [GeneratedRegex("<TargetFrameworks>([^<]*)</TargetFrameworks>", RegexOptions.IgnoreCase)]
    private static partial Regex TargetFrameworksElement();
}
