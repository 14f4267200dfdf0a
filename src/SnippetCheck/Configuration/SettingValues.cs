using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace SnippetCheck.Configuration;

/// <summary>
/// Setting values as written in tags, config files and front matter, parsed once at the edge into the types the
/// compiler takes. Everything after this point works with typed values only.
/// </summary>
internal static partial class SettingValues
{
    /// <summary>A C# version as <c>LangVersion</c> takes it (<c>12</c>, <c>latest</c>, <c>preview</c>).</summary>
    public static bool TryParseLanguageVersion(string text, out LanguageVersion version) => LanguageVersionFacts.TryParse(text, out version);

    /// <summary>A nullable context as <c>Nullable</c> takes it (<c>enable</c>, <c>disable</c>, <c>warnings</c>, <c>annotations</c>).</summary>
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

    internal static bool TryParseConfiguration(string text, out BuildConfiguration configuration)
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

    /// <summary>The names in a <c>scrub=</c> value (<c>duration,hex</c>), lower-cased; null when it names none.</summary>
    public static IReadOnlyList<string>? ParseScrub(string value)
    {
        var names = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return names.Length > 0 && names.All(IsId) ? [.. names.Select(n => n.ToLowerInvariant())] : null;
    }

    /// <summary>Scrubber names, comma-separated (<c>scrub=guid,time</c>).</summary>
    public static bool TryParseScrub(string value, out IReadOnlyList<string> names) => (names = ParseScrub(value)!) is not null;

    /// <summary>
    /// A <c>usings</c> list, as a tag writes it (<c>System.Text,static:System.Console</c>) and config lists it: each a
    /// namespace, or a type after <c>static:</c> (config may write <c>static System.Console</c>), kept in the settings'
    /// <c>static System.Console</c> form; false when any entry is neither, or none is given.
    /// </summary>
    public static bool TryParseUsings(string value, out IReadOnlyList<string> usings) =>
        TryParseUsings(value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), out usings, out _);

    /// <inheritdoc cref="TryParseUsings(string, out IReadOnlyList{string})"/>
    /// <param name="bad">The first entry that is no using, when there is one.</param>
    public static bool TryParseUsings(IEnumerable<string> entries, out IReadOnlyList<string> usings, out string? bad)
    {
        var parsed = new List<string>();
        bad = null;
        foreach (var entry in entries)
        {
            if (ParseUsing(entry) is not { } @using)
            {
                bad = entry;
                break;
            }
            parsed.Add(@using);
        }
        usings = parsed;
        return bad is null && parsed.Count > 0;
    }

    /// <summary>The word that tags a <c>static:</c> using: a tag word holds no space.</summary>
    private const string StaticPrefix = "static:";

    private const string StaticUsing = "static ";

    /// <summary>One entry of <c>usings</c>: a namespace, or a type after <c>static:</c> or <c>static </c>; null when it is neither.</summary>
    private static string? ParseUsing(string entry)
    {
        var type = entry.StartsWith(StaticPrefix, StringComparison.Ordinal) ? entry[StaticPrefix.Length..]
            : entry.StartsWith(StaticUsing, StringComparison.Ordinal) ? entry[StaticUsing.Length..].Trim()
            : null;
        return type is not null ? IsTypeName(type) ? StaticUsing + type : null
            : IsTypeName(entry) ? entry : null;
    }

    /// <summary>
    /// The <c>usings=</c> value of <paramref name="usings"/> in the settings' form: what
    /// <see cref="TryParseUsings(string, out IReadOnlyList{string})"/> reads back.
    /// </summary>
    public static string UsingsValue(IEnumerable<string> usings) =>
        string.Join(',', usings.Select(u => u.StartsWith(StaticUsing, StringComparison.Ordinal) ? StaticPrefix + u[StaticUsing.Length..] : u));

    /// <summary>Compiler or analyzer diagnostic IDs, comma-separated (<c>CS0618,CS0168</c>); false when any is not one, or none is given.</summary>
    public static bool TryParseDiagnosticIds(string value, out IReadOnlyList<string> ids)
    {
        var listed = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        ids = listed;
        return listed.Length > 0 && listed.All(id => DiagnosticIdPattern().IsMatch(id));
    }

    /// <summary>An ID as tags write names and sessions: letters, digits, '-' and '_'.</summary>
    public static bool IsId(string text) => IdPattern().IsMatch(text);

    /// <summary>A namespace or a type's full name (<c>System.Text</c>, <c>System.Console</c>).</summary>
    public static bool IsTypeName(string text) => TypeNamePattern().IsMatch(text);

    /// <summary>A setting's value as cache-key text: lists item by item, each item's length first, so no two lists read alike.</summary>
    public static string KeyText(object value) => value switch
    {
        string text => text,
        TimeSpan span => span.Ticks.ToString(CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        System.Collections.IEnumerable items => string.Concat(items.Cast<object>().Select(KeyText).Select(item => $"{item.Length}:{item}")),
        _ => value.ToString() ?? "",
    };

    [GeneratedRegex("^[A-Za-z]+[0-9]+$")]
    private static partial Regex DiagnosticIdPattern();

    [GeneratedRegex("^[A-Za-z0-9_-]+$")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$")]
    private static partial Regex TypeNamePattern();
}
