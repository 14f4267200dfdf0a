using System.Globalization;
using SnippetCheck.Model;
using SnippetCheck.Snippets;

namespace SnippetCheck.Configuration;

/// <summary>A config value before validation: a string, a bool, a number or a list of strings.</summary>
internal readonly record struct RawValue(object Value, int Line);

/// <summary>
/// Validates raw key/value pairs, from JSON or YAML alike, into a <see cref="SnippetCheckConfig"/>.
/// Unknown keys are errors, with a hint when they are a near miss of a known one.
/// </summary>
internal static class ConfigReader
{
    public static readonly string[] Keys =
        ["include", "exclude", "includeGenerated", "mode", "timeout", "langVersion", "nullable", "configuration", "warningLevel", "usings", "frameworks", "references", "packages", "preludes", "environment", "parallelism", "cache", "strictTags", "memoryLimit", "sandbox", "sandboxRead", "sandboxWrite", "network", "requireVerified", "minCoverage", "minCheckCoverage", "stale", "engineWords", "scrub", "scrubbers", "fixture", "hiddenFences"];

    /// <summary>Keys that only make sense for a whole run, not one file's front matter.</summary>
    public static readonly string[] RunOnlyKeys = ["include", "exclude", "includeGenerated", "references", "packages", "preludes", "environment", "parallelism", "cache", "memoryLimit", "sandbox", "sandboxRead", "sandboxWrite", "requireVerified", "minCoverage", "minCheckCoverage", "stale", "scrubbers"];

    /// <summary>Below this a runner cannot even start its runtime.</summary>
    public const long MinimumMemoryLimit = 64L << 20;

    public static SnippetCheckConfig Read(string file, IReadOnlyDictionary<string, RawValue> values, bool isFrontMatter)
    {
        var config = new SnippetCheckConfig();
        foreach (var (key, raw) in values)
        {
            var known = Keys.FirstOrDefault(k => k.Equals(key, StringComparison.Ordinal));
            if (known is null)
            {
                var hint = EditDistance.DidYouMean(EditDistance.NearMiss(key, Keys));
                throw new ConfigException(file, raw.Line, $"unknown key '{key}'{hint} (known keys: {string.Join(", ", Keys)})");
            }
            if (isFrontMatter && RunOnlyKeys.Contains(known))
                throw new ConfigException(file, raw.Line, $"'{known}' applies to a whole run and belongs in snippetcheck.json, not in a post's front matter");
            config = Apply(config, file, known, raw);
        }
        if (!isFrontMatter && config.Scrub is { } scrub && UnknownScrubber(scrub, config.Scrubbers) is { } unknown)
            throw new ConfigException(file, values["scrub"].Line, $"'scrub' names '{unknown}', which is no scrubber (known: {string.Join(", ", ScrubberNames(config.Scrubbers))})");
        return config;
    }

    private static SnippetCheckConfig Apply(SnippetCheckConfig config, string file, string key, RawValue raw)
    {
        ConfigException Bad(string expected) => new(file, raw.Line, $"'{key}' must be {expected}, not {Describe(raw.Value)}");

        switch (key)
        {
            case "include": return config with { Include = StringList(raw.Value) ?? throw Bad("a list of globs") };
            case "exclude": return config with { Exclude = StringList(raw.Value) ?? throw Bad("a list of globs") };
            case "usings": return config with { Usings = StringList(raw.Value) ?? throw Bad("a list of namespaces") };
            case "frameworks":
                var monikers = StringList(raw.Value) is { Count: > 0 } list ? list : throw Bad($"a list of target frameworks, such as [\"net8.0\", \"net10.0\"] (supported: {TargetFramework.SupportedList})");
                if (monikers.FirstOrDefault(m => TargetFramework.TryParse(m) is null) is { } unknown)
                    throw new ConfigException(file, raw.Line, $"'frameworks': '{unknown}' is not a supported target framework (supported: {TargetFramework.SupportedList})");
                return config with { Frameworks = [.. monikers.Select(m => TargetFramework.TryParse(m)!).Distinct().Order()] };
            case "references": return config with { References = StringList(raw.Value) ?? throw Bad("a list of .dll or .csproj paths") };
            case "preludes":
                if (StringList(raw.Value) is not { } preludes) throw Bad("a list of .cs files");
                return preludes.FirstOrDefault(p => !p.EndsWith(".cs", StringComparison.OrdinalIgnoreCase)) is { } other
                    ? throw new ConfigException(file, raw.Line, $"'preludes' lists C# files of hidden code, such as \"docs/_prelude.cs\", not \"{other}\"")
                    : config with { Preludes = preludes };
            case "packages":
                if (StringList(raw.Value) is not { } packages) throw Bad("a list of pinned packages, such as [\"Spectre.Console@0.57.2\"]");
                if (packages.FirstOrDefault(p => PackageRequest.TryParse(p, default) is null) is { } unpinned)
                    throw new ConfigException(file, raw.Line, $"'packages' must pin each package as ID@VERSION, such as \"Spectre.Console@0.57.2\", not \"{unpinned}\"");
                if (packages.GroupBy(p => PackageRequest.TryParse(p, default)!.Id, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } twice)
                    throw new ConfigException(file, raw.Line, $"'packages' names '{twice.Key}' more than once; one program can use only one version of a package");
                return config with { Packages = packages };
            case "environment": return config with { Environment = StringList(raw.Value) ?? throw Bad("a list of variable names") };
            case "mode":
                return raw.Value is string mode && (mode is "all" or "tagged")
                    ? config with { Mode = mode == "all" ? VerifyMode.All : VerifyMode.Tagged }
                    : throw Bad("\"tagged\" or \"all\"");
            case "timeout":
                if (raw.Value is string text && SettingValues.TryParseDuration(text, out var timeout)) return config with { Timeout = timeout };
                if (raw.Value is double seconds && seconds > 0) return config with { Timeout = TimeSpan.FromSeconds(seconds) };
                throw Bad("a duration such as \"10s\" or \"500ms\"");
            case "langVersion":
                return raw.Value is string or double && SettingValues.TryParseLanguageVersion(Convert.ToString(raw.Value, CultureInfo.InvariantCulture)!, out var version)
                    ? config with { LangVersion = version }
                    : throw Bad("a C# language version such as \"13\" or \"preview\"");
            case "nullable":
                return raw.Value is string text1 && SettingValues.TryParseNullable(text1, out var nullable)
                    ? config with { Nullable = nullable }
                    : throw Bad("\"enable\" or \"disable\"");
            case "configuration":
                return raw.Value is string text2 && SettingValues.TryParseConfiguration(text2, out var configuration)
                    ? config with { Configuration = configuration }
                    : throw Bad("\"Debug\" or \"Release\"");
            case "warningLevel":
                return raw.Value is double level && SettingValues.IsWarningLevel(level)
                    ? config with { WarningLevel = (int)level }
                    : throw Bad("a whole number from 0 to 9999 (net10.0 projects get 10)");
            case "parallelism":
                return raw.Value is double count && count >= 1 && count == Math.Floor(count)
                    ? config with { Parallelism = (int)count }
                    : throw Bad("a whole number of at least 1");
            case "includeGenerated":
                return raw.Value is bool generated ? config with { IncludeGenerated = generated } : throw Bad("true or false");
            case "cache":
                return raw.Value is bool cache ? config with { Cache = cache } : throw Bad("true or false");
            case "strictTags":
                return raw.Value is bool strict ? config with { StrictTags = strict } : throw Bad("true or false");
            case "sandbox":
                return raw.Value is string sandbox && (sandbox is "auto" or "off")
                    ? config with { Sandbox = sandbox == "auto" ? SandboxMode.Auto : SandboxMode.Off }
                    : throw Bad("\"auto\" or \"off\"");
            case "sandboxRead": return config with { SandboxRead = StringList(raw.Value) ?? throw Bad("a list of paths") };
            case "sandboxWrite": return config with { SandboxWrite = StringList(raw.Value) ?? throw Bad("a list of paths") };
            case "engineWords": return config with { EngineWords = StringList(raw.Value) ?? throw Bad("a list of words, such as [\"linenos\", \"title\"]") };
            case "hiddenFences":
                return config with { HiddenFences = StringList(raw.Value) ?? throw Bad("a list of info strings, such as [\"requiredcode\"]") };
            case "fixture":
                return raw.Value is bool fixture ? config with { Fixture = fixture } : throw Bad("true or false");
            case "network":
                return raw.Value is bool network ? config with { Network = network } : throw Bad("true or false");
            case "minCoverage":
                return raw.Value is double percent && percent is >= 0 and <= 100
                    ? config with { MinCoverage = percent }
                    : throw Bad("a percentage from 0 to 100, such as 50");
            case "minCheckCoverage":
                return raw.Value is double checkPercent && checkPercent is >= 0 and <= 100
                    ? config with { MinCheckCoverage = checkPercent }
                    : throw Bad("a percentage from 0 to 100, such as 50");
            case "requireVerified":
                return raw.Value is bool require ? config with { RequireVerified = require } : throw Bad("true or false");
            case "stale":
                return raw.Value is string stale && (stale is "warn" or "error" or "off")
                    ? config with { Stale = stale switch { "warn" => StaleMode.Warn, "error" => StaleMode.Error, _ => StaleMode.Off } }
                    : throw Bad("\"warn\", \"error\" or \"off\"");
            case "scrub":
                return (raw.Value is string scrubText ? TagParser.ParseScrub(scrubText) : StringList(raw.Value) is { } scrubList ? TagParser.ParseScrub(string.Join(',', scrubList)) : null) is { } scrubNames
                    ? config with { Scrub = scrubNames }
                    : throw Bad("scrubber names, such as [\"duration\", \"hex\"] or \"none\"");
            case "scrubbers":
                return raw.Value is IReadOnlyList<IReadOnlyDictionary<string, string>> entries
                    ? config with { Scrubbers = ReadScrubbers(file, raw.Line, entries) }
                    : throw Bad("a list of { \"name\", \"pattern\", \"replacement\" } objects");
            case "memoryLimit":
                return TryParseSize(raw.Value, out var bytes) && bytes >= MinimumMemoryLimit
                    ? config with { MemoryLimit = bytes }
                    : throw Bad("a size of at least 64MB, such as \"512MB\" or \"2GB\"");
            default:
                throw new ConfigException(file, raw.Line, $"unknown key '{key}'");
        }
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


    private static readonly string[] ScrubberFields = ["name", "pattern", "replacement"];

    /// <summary>Custom scrubbers, each checked now: a name of its own, a pattern that compiles, a replacement.</summary>
    private static List<CustomScrubber> ReadScrubbers(string file, int line, IReadOnlyList<IReadOnlyDictionary<string, string>> entries)
    {
        var scrubbers = new List<CustomScrubber>();
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            ConfigException Bad(string field, string problem) => new(file, line, $"'scrubbers[{i}].{field}' {problem}");
            if (entry.Keys.FirstOrDefault(k => !ScrubberFields.Contains(k, StringComparer.Ordinal)) is { } extra)
                throw Bad(extra, "is not a scrubber field (a scrubber has \"name\", \"pattern\" and \"replacement\")");
            if (!entry.TryGetValue("name", out var name) || TagParser.ParseScrub(name) is not [var single] || single != name)
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
        if (shift < 0 || !double.TryParse(text[..unitStart].Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount)) return false;
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

    private static string Describe(object value) => value switch
    {
        string s => $"\"{s}\"",
        bool b => b ? "true" : "false",
        double d => d.ToString(CultureInfo.InvariantCulture),
        IReadOnlyList<string> list => $"[{string.Join(", ", list)}]",
        IReadOnlyList<IReadOnlyDictionary<string, string>> objects => $"a list of {objects.Count} objects",
        _ => value.ToString() ?? "null",
    };
}
