using System.Globalization;
using SnippetCheck.Model;

namespace SnippetCheck.Configuration;

/// <summary>
/// The kinds of config and front-matter value (<see cref="RawValue"/>: a string, a bool, a number or a list of strings),
/// each read once, with the error that names the key. Text inside them is parsed by <see cref="SettingValues"/>, as tags'
/// and the command line's is.
/// </summary>
internal static class ConfigValues
{
    /// <summary>Below this a runner cannot even start its runtime.</summary>
    public const long MinimumMemoryLimit = 64L << 20;

    public static bool? Bool(SettingInput input) => input.Value is bool value ? value : throw input.Bad("true or false");

    /// <summary>A list of strings, or one string as a list of one.</summary>
    public static Func<SettingInput, IReadOnlyList<string>?> Strings(string expected) => input => StringList(input.Value)
        ?? throw input.Bad(expected);

    /// <summary>
    /// A value as its tag writes it (<c>"CS0618,CS0168"</c>), or a list of such parts, read by the tag's own parser: one
    /// grammar for tag, config and front matter.
    /// </summary>
    public static Func<SettingInput, T?> AsTag<T>(TryParse<T> parse, string expected) => input =>
        StringList(input.Value) is { Count: > 0 } parts && parse(string.Join(',', parts), out var value) ? value : throw input.Bad(expected);

    /// <summary>One of <paramref name="words"/>, as written (case matters).</summary>
    public static Func<SettingInput, T?> Choice<T>(string expected, params (string Word, T Value)[] words) where T : struct => input =>
        input.Value is string text && words.FirstOrDefault(w => w.Word == text) is { Word: not null } match ? match.Value : throw input.Bad(expected);

    public static Func<SettingInput, int?> WholeNumber(Func<double, bool> accepts, string expected) => input =>
        input.Value is double number && number == Math.Floor(number) && accepts(number) ? (int)number : throw input.Bad(expected);

    public static double? Percentage(SettingInput input) =>
        input.Value is double percent && percent is >= 0 and <= 100 ? percent : throw input.Bad("a percentage from 0 to 100, such as 50");

    /// <summary>A duration (<c>"10s"</c>, <c>"500ms"</c>), or a number of seconds.</summary>
    public static TimeSpan? Duration(SettingInput input)
    {
        if (input.Value is string text && Durations.TryParse(text, out var duration)) return duration;
        if (input.Value is double seconds && seconds > 0) return TimeSpan.FromSeconds(seconds);
        throw input.Bad(Durations.ConfigExpected);
    }

    public static Microsoft.CodeAnalysis.CSharp.LanguageVersion? LanguageVersion(SettingInput input) =>
        input.Value is string or double
        && SettingValues.TryParseLanguageVersion(Convert.ToString(input.Value, CultureInfo.InvariantCulture)!, out var version)
            ? version
            : throw input.Bad("a C# language version such as \"13\" or \"preview\"");

    public static Microsoft.CodeAnalysis.NullableContextOptions? Nullable(SettingInput input) =>
        input.Value is string text && SettingValues.TryParseNullable(text, out var nullable) ? nullable
        : throw input.Bad("\"enable\" or \"disable\"");

    public static BuildConfiguration? Configuration(SettingInput input) =>
        input.Value is string text && SettingValues.TryParseConfiguration(text, out var configuration) ? configuration
        : throw input.Bad("\"Debug\" or \"Release\"");

    /// <summary>
    /// A non-empty list of supported target frameworks, without repeats, oldest first, read as every layer reads
    /// <c>frameworks</c> (<see cref="FrameworkSet.TryParse"/>: <c>net9.0+</c> too).
    /// </summary>
    public static IReadOnlyList<TargetFramework>? Frameworks(SettingInput input)
    {
        var names = StringList(input.Value) is { Count: > 0 } list ? list
            : throw input.Bad($"a list of target frameworks, such as [\"net8.0\", \"net10.0\"] (supported: {TargetFramework.SupportedList})");
        return FrameworkSet.TryParse(string.Join(',', names), out var problem) is { } frameworks
            ? frameworks.Matrix
            : throw input.Error($"'{input.Key}': {problem}");
    }

    /// <summary>Global usings, each checked as the <c>usings=</c> tag checks it (a namespace, or <c>static:</c> a type).</summary>
    public static IReadOnlyList<string>? Usings(SettingInput input)
    {
        const string Expected = "a list of namespaces, or static:Type for a using static, such as [\"System.Text\", \"static:System.Console\"]";
        if (StringList(input.Value) is not { } entries) throw input.Bad(Expected);
        return SettingValues.TryParseUsings(entries, out var usings, out var bad) || (bad is null && entries.Count == 0) ? usings
            : throw input.Error($"'{input.Key}' must be {Expected}, not \"{bad}\"");
    }

    public static IReadOnlyList<string>? Preludes(SettingInput input)
    {
        if (StringList(input.Value) is not { } preludes) throw input.Bad("a list of .cs files");
        return preludes.FirstOrDefault(p => !p.EndsWith(".cs", StringComparison.OrdinalIgnoreCase)) is { } other
            ? throw input.Error($"'{input.Key}' lists C# files of hidden code, such as \"docs/_prelude.cs\", not \"{other}\"")
            : preludes;
    }

    public static IReadOnlyList<string>? HiddenCode(SettingInput input) =>
        StringList(input.Value) ?? throw input.Bad("a list of lines of C#, such as [\"public record Person(string Name);\"]");

    /// <summary>Pinned packages, each <c>ID@VERSION</c>, no package twice.</summary>
    public static IReadOnlyList<string>? Packages(SettingInput input)
    {
        if (StringList(input.Value) is not { } packages) throw input.Bad("a list of pinned packages, such as [\"Spectre.Console@0.57.2\"]");
        if (packages.FirstOrDefault(p => PackageRequest.TryParse(p, default) is null) is { } unpinned)
            throw input.Error($"'{input.Key}' must pin each package as ID@VERSION, such as \"Spectre.Console@0.57.2\", not \"{unpinned}\"");
        if (packages.GroupBy(p => PackageRequest.TryParse(p, default)!.Id, StringComparer.OrdinalIgnoreCase).FirstOrDefault(
            g => g.Count() > 1) is { } twice)
            throw input.Error($"'{input.Key}' names '{twice.Key}' more than once; one program can use only one version of a package");
        return packages;
    }

    /// <summary>
    /// Scrubber names, as a list or as a tag writes them (<c>"duration,hex"</c>); whether each is a scrubber is checked once all keys are read.
    /// </summary>
    public static IReadOnlyList<string>? Scrub(SettingInput input) =>
        (input.Value is string text ? SettingValues.ParseScrub(text) : StringList(input.Value) is { } list
            ? SettingValues.ParseScrub(string.Join(',', list)) : null)
            ?? throw input.Bad("scrubber names, such as [\"duration\", \"hex\"] or \"none\"");

    public static IReadOnlyList<CustomScrubber>? Scrubbers(SettingInput input) =>
        input.Value is IReadOnlyList<IReadOnlyDictionary<string, string>> entries
            ? ReadScrubbers(input, entries)
            : throw input.Bad("a list of { \"name\", \"pattern\", \"replacement\" } objects");

    public static long? MemoryLimit(SettingInput input) =>
        TryParseSize(input.Value, out var bytes) && bytes >= MinimumMemoryLimit ? bytes
        : throw input.Bad("a size of at least 64MB, such as \"512MB\" or \"2GB\"");

    private static readonly string[] ScrubberFields = ["name", "pattern", "replacement"];

    /// <summary>Custom scrubbers, each checked now: a name of its own, a pattern that compiles, a replacement.</summary>
    private static List<CustomScrubber> ReadScrubbers(SettingInput input, IReadOnlyList<IReadOnlyDictionary<string, string>> entries)
    {
        var scrubbers = new List<CustomScrubber>();
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            ConfigException Bad(string field, string problem) => input.Error($"'scrubbers[{i}].{field}' {problem}");
            if (entry.Keys.FirstOrDefault(k => !ScrubberFields.Contains(k, StringComparer.Ordinal)) is { } extra)
                throw Bad(extra, "is not a scrubber field (a scrubber has \"name\", \"pattern\" and \"replacement\")");
            if (!entry.TryGetValue("name", out var name) || SettingValues.ParseScrub(name) is not [var single] || single != name)
                throw Bad("name", "must be a lower-case name of letters, digits, '-' and '_', used as scrub=NAME");
            if (DocumentWords.BuiltInScrubberNames.Contains(name) || scrubbers.Any(s => s.Name == name))
                throw Bad("name", $"'{name}' is already a scrubber's name");
            if (!entry.TryGetValue("pattern", out var pattern) || pattern.Length == 0)
                throw Bad("pattern", "is missing: write the regular expression to scrub");
            try
            {
                _ = new System.Text.RegularExpressions.Regex(pattern, System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
            }
            catch (ArgumentException e)
            {
                throw Bad("pattern", $"is not a valid regular expression: {e.Message}");
            }
            if (!entry.TryGetValue("replacement", out var replacement))
                throw Bad("replacement", "is missing: write the text that stands in for a match");
            scrubbers.Add(new CustomScrubber(name, pattern, replacement));
        }
        return scrubbers;
    }

    /// <summary>
    /// A size such as <c>512MB</c>, <c>1GB</c> or <c>1.5GiB</c> (KB, MB and GB count in 1024s, as the runtime's
    /// heap limit does), or a plain number of bytes.
    /// </summary>
    public static bool TryParseSize(object value, out long bytes)
    {
        bytes = 0;
        if (value is double number)
        {
            if (number < 1 || number > long.MaxValue || number != Math.Floor(number)) return false;
            bytes = (long)number;
            return true;
        }
        if (value is not string text) return false;
        text = text.Trim();
        var unitStart = text.Length;
        while (unitStart > 0 && char.IsAsciiLetter(text[unitStart - 1])) unitStart--;
        var unit = text[unitStart..].ToUpperInvariant();
        var shift = unit switch
        {
            "" or "B" => 0,
            "K" or "KB" or "KIB" => 10,
            "M" or "MB" or "MIB" => 20,
            "G" or "GB" or "GIB" => 30,
            _ => -1,
        };
        if (shift < 0 || !double.TryParse(
            text[..unitStart].Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount)) return false;
        var total = amount * (1L << shift);
        if (total < 1 || total > long.MaxValue / 2) return false;
        bytes = (long)total;
        return true;
    }

    private static IReadOnlyList<string>? StringList(object value) => value switch
    {
        IReadOnlyList<string> list => list,
        string single => [single],
        _ => null,
    };

    public static string Describe(object value) => value switch
    {
        string s => $"\"{s}\"",
        bool b => b ? "true" : "false",
        double d => d.ToString(CultureInfo.InvariantCulture),
        IReadOnlyList<string> list => $"[{string.Join(", ", list)}]",
        IReadOnlyList<IReadOnlyDictionary<string, string>> objects => $"a list of {objects.Count} objects",
        _ => value.ToString() ?? "null",
    };
}
