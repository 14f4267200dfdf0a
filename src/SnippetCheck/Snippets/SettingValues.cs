using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace SnippetCheck.Snippets;

/// <summary>The build configuration a snippet compiles in: Debug, as <c>dotnet run</c> builds, or Release.</summary>
internal enum BuildConfiguration { Debug, Release }

/// <summary>
/// Setting values as written in tags, config files and front matter, parsed once at the edge into the types the
/// compiler takes. Everything after this point works with typed values only.
/// </summary>
internal static partial class SettingValues
{
    /// <summary>A duration as tags and config write it: <c>500ms</c>, <c>10s</c>, <c>2m</c>, or a bare number of seconds.</summary>
    public static bool TryParseDuration(string text, out TimeSpan duration)
    {
        duration = default;
        var match = DurationPattern().Match(text.Trim());
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


    public static bool TryParseLanguageVersion(string text, out LanguageVersion version) => LanguageVersionFacts.TryParse(text, out version);

    public static bool TryParseNullable(string text, out NullableContextOptions nullable)
    {
        (var ok, nullable) = text switch
        {
            "enable" => (true, NullableContextOptions.Enable),
            "disable" => (true, NullableContextOptions.Disable),
            "warnings" => (true, NullableContextOptions.Warnings),
            "annotations" => (true, NullableContextOptions.Annotations),
            _ => (false, NullableContextOptions.Enable),
        };
        return ok;
    }

    public static bool TryParseConfiguration(string text, out BuildConfiguration configuration)
    {
        (var ok, configuration) = text.ToLowerInvariant() switch
        {
            "debug" => (true, BuildConfiguration.Debug),
            "release" => (true, BuildConfiguration.Release),
            _ => (false, BuildConfiguration.Debug),
        };
        return ok;
    }

    /// <summary>The warning levels the compiler knows: 0 to 9999 (the SDK gives <c>net10.0</c> projects 10).</summary>
    public static bool IsWarningLevel(double level) => level >= 0 && level <= 9999 && level == Math.Floor(level);

    /// <summary>Splits <c>args="a 'b c'"</c> the way a shell would, for quotes at least.</summary>
    public static string[] SplitArgs(string? args)
    {
        if (string.IsNullOrWhiteSpace(args)) return [];
        var result = new List<string>();
        var current = new System.Text.StringBuilder();
        char? quote = null;
        var any = false;
        foreach (var c in args)
        {
            if (quote is null && c is '\'' or '"') { quote = c; any = true; }
            else if (c == quote) quote = null;
            else if (quote is null && char.IsWhiteSpace(c))
            {
                if (any || current.Length > 0) result.Add(current.ToString());
                current.Clear();
                any = false;
            }
            else current.Append(c);
        }
        if (any || current.Length > 0) result.Add(current.ToString());
        return [.. result];
    }

    [GeneratedRegex(@"^([0-9]+(?:\.[0-9]+)?)(ms|s|m|min|h|d)?$")]
    private static partial Regex DurationPattern();
}
