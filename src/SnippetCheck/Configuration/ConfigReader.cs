using SnippetCheck.Model;

namespace SnippetCheck.Configuration;

/// <summary>
/// Validates raw key/value pairs, from JSON or YAML alike, into a <see cref="SnippetCheckConfig"/>.
/// Unknown keys are errors, with a hint when they are a near miss of a known one.
/// </summary>
internal static class ConfigReader
{
    /// <summary>The known keys, from the settings table.</summary>
    public static string[] Keys => Settings.Keys;

    /// <param name="untrusted"><c>--untrusted</c>: a value that widens the sandbox (<see cref="Setting.Widens"/>) is refused.</param>
    public static SnippetCheckConfig Read(string file, IReadOnlyDictionary<string, RawValue> values, bool isFrontMatter, bool untrusted = false)
    {
        var config = new SnippetCheckConfig();
        foreach (var (key, raw) in values)
        {
            if (Settings.ForKey(key) is not { } setting)
            {
                var hint = EditDistance.DidYouMean(EditDistance.NearMiss(key, Keys));
                throw new ConfigException(file, raw.Line, $"unknown key '{key}'{hint} (known keys: {string.Join(", ", Keys)})");
            }
            if (isFrontMatter && setting.RunOnly)
                throw new ConfigException(
                    file, raw.Line, $"'{setting.Key}' applies to a whole run and belongs in snippetcheck.json, not in a post's front matter");
            config = setting.Read(config, new SettingInput(file, setting.Key, raw));
            if (untrusted && setting.WideningIn(config) is { } grant) throw Untrusted.Refusal(file, raw.Line, $"'{setting.Key}'", grant);
        }
        if (!isFrontMatter && config.Scrub is { } scrub && UnknownScrubber(scrub, config.Scrubbers) is { } unknown)
            throw new ConfigException(
                file, values["scrub"].Line, $"'scrub' names '{unknown}', which is no scrubber (known: " +
                $"{string.Join(", ", ScrubberNames(config.Scrubbers))})");
        return config;
    }

    /// <summary>The names <c>scrub</c> may use: the built-in ones (<c>none</c> too) and the project's own.</summary>
    public static IReadOnlyList<string> ScrubberNames(IReadOnlyList<CustomScrubber>? custom) =>
        [.. DocumentWords.BuiltInScrubberNames, .. (custom ?? []).Select(c => c.Name)];

    /// <summary>The first name in <paramref name="names"/> that is no scrubber, or null.</summary>
    public static string? UnknownScrubber(IEnumerable<string> names, IReadOnlyList<CustomScrubber>? custom)
    {
        var known = ScrubberNames(custom);
        return names.FirstOrDefault(n => !known.Contains(n, StringComparer.OrdinalIgnoreCase));
    }
}
