using System.Text.RegularExpressions;
using SnippetCheck.Extraction;

namespace SnippetCheck.Adoption.Inference;

/// <summary>
/// The types an exercise's instructions ask the reader to write (exercism: "Implement the (static) method
/// `DialingCodes.GetEmptyDictionary()`"). A block that lacks only them calls nothing but the class the reader has yet to
/// write: no stub may stand for it (each of its members would be named like a call of the block, so any call would pass),
/// and nothing of a library is left to check. Its cause says so, in the reader's words.
/// </summary>
internal static partial class ExerciseTypes
{
    [GeneratedRegex(@"\bImplement\b[^.`\n]*`(?<name>[A-Z]\w*)[.`(<]")]
    private static partial Regex Asked();

    /// <summary>The names the page's prose (outside its fences) asks the reader to implement.</summary>
    public static IReadOnlySet<string> Of(SourceDocument page)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var fenced = false;
        foreach (var line in page.Text.Split('\n'))
        {
            var trimmed = line.TrimStart();
            if (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal)) fenced = !fenced;
            else if (!fenced) names.UnionWith(Asked().Matches(line).Select(m => m.Groups["name"].Value));
        }
        return names;
    }

    /// <summary>
    /// The cause's words when every name the block lacks (<paramref name="names"/>) is one the page asks its reader to
    /// write; null otherwise.
    /// </summary>
    public static string? CauseOf(SourceDocument page, IReadOnlyList<string>? names)
    {
        if (names is not { Count: > 0 } || !names.All(Of(page).Contains)) return null;
        return $"{string.Join(", ", names.Select(n => $"'{n}'"))}: the page asks its reader to write it (an exercise), and the block " +
            "calls nothing else: no stub may stand for it, and nothing of a library is left to check";
    }
}
