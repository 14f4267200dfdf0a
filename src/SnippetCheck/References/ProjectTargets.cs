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

/// <summary>A project's target frameworks as MSBuild evaluated them (<c>-getProperty:TargetFramework -getProperty:TargetFrameworks</c>).</summary>
/// <param name="Frameworks">Its <c>TargetFrameworks</c>, else its one <c>TargetFramework</c>; empty when it names neither.</param>
/// <param name="MultiTargeted">True when it lists <c>TargetFrameworks</c>: a build then needs <c>-f</c>.</param>
internal sealed record LibraryTargets(IReadOnlyList<string> Frameworks, bool MultiTargeted)
{
    /// <summary>Reads MSBuild's <c>-getProperty</c> JSON.</summary>
    public static LibraryTargets Read(string json)
    {
        using var document = System.Text.Json.JsonDocument.Parse(json);
        string Property(string name) =>
            document.RootElement.TryGetProperty("Properties", out var properties) && properties.TryGetProperty(name, out var value)
            ? value.GetString() ?? "" : "";
        var many = Property("TargetFrameworks").Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (many.Length > 0) return new LibraryTargets(many, true);
        var one = Property("TargetFramework").Trim();
        return new LibraryTargets(one.Length == 0 ? [] : [one], false);
    }
}
