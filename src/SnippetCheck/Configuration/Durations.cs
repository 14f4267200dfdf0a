using System.Globalization;
using System.Text.RegularExpressions;

namespace SnippetCheck.Configuration;

/// <summary>
/// The one home of a duration's wording: how one is written (<c>500ms</c>, <c>10s</c>, <c>2m</c>, <c>12h</c>, <c>1d</c>,
/// or a bare number of seconds) and what a bad one is told, in a tag, a config file or an option.
/// </summary>
internal static partial class Durations
{
    /// <summary>The forms an option's error lists: every unit.</summary>
    private const string OptionForms = "500ms, 10s, 2m, 12h or 1d";

    /// <summary>The forms a tag's error lists: a block's timeout needs no hours.</summary>
    private const string TagForms = "500ms, 10s or 2m";

    /// <summary>The forms <c>--timeout</c>'s help lists.</summary>
    internal const string HelpForms = "500ms, 10s, 2m";

    /// <summary>What a config value that is no duration is told it should be.</summary>
    internal const string ConfigExpected = "a duration such as \"10s\" or \"500ms\"";

    /// <summary>A duration as tags, config and options write it; false for text that is none, or for zero.</summary>
    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = default;
        var match = Pattern().Match(text.Trim());
        if (!match.Success) return false;
        var amount = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        duration = match.Groups[2].Value switch
        {
            "ms" => TimeSpan.FromMilliseconds(amount),
            "m" or "min" => TimeSpan.FromMinutes(amount),
            // For how long a version look-up is kept (outdated --lookup-max-age 1d).
            "h" => TimeSpan.FromHours(amount),
            "d" => TimeSpan.FromDays(amount),
            _ => TimeSpan.FromSeconds(amount),
        };
        return duration > TimeSpan.Zero;
    }

    /// <summary>What option <paramref name="option"/> (<c>--timeout</c>) given <paramref name="text"/>, no duration, is told.</summary>
    public static string NotAnOptionDuration(string option, string text) => $"{option} '{text}' is not a duration (write {OptionForms})";

    /// <summary>What tag <paramref name="word"/> (<c>timeout</c>) given <paramref name="value"/>, no duration, is told.</summary>
    public static string NotATagDuration(string word, string value) => $"'{word}={value}' is not a duration (write {TagForms})";

    [GeneratedRegex(@"^([0-9]+(?:\.[0-9]+)?)(ms|s|m|min|h|d)?$")]
    private static partial Regex Pattern();
}
