using System.Text.RegularExpressions;


namespace SnippetCheck.Results;

/// <summary>
/// One scrubber: a pattern for a value that changes from run to run, and what stands in for it. A built-in one
/// numbers its values by first appearance (<c>Guid_1</c>, <c>Guid_2</c>; the same value, the same placeholder);
/// a custom one (config <c>"scrubbers"</c>) puts its fixed <see cref="Replacement"/> in place of every match.
/// </summary>
internal sealed class Scrubber
{
    private Scrubber(string name, Regex pattern, string? placeholder, string? replacement, bool ignoreCase)
    {
        Name = name;
        Pattern = pattern;
        Placeholder = placeholder;
        Replacement = replacement;
        IgnoreCase = ignoreCase;
    }

    /// <summary>The name a <c>scrub=</c> tag uses (<c>guid</c>, <c>duration</c>, a custom scrubber's name).</summary>
    public string Name { get; }

    /// <summary>What the scrubber finds in output.</summary>
    public Regex Pattern { get; }

    /// <summary>The numbered placeholder's stem (<c>Guid</c> → <c>Guid_1</c>); null for a custom scrubber.</summary>
    public string? Placeholder { get; }

    /// <summary>A custom scrubber's replacement (<see cref="Regex.Replace(string, string)"/> syntax); null for a built-in one.</summary>
    internal string? Replacement { get; }

    /// <summary>Values that differ only in case are one value (a GUID printed as <c>N</c> and as <c>X</c>-upper).</summary>
    private bool IgnoreCase { get; }

    internal static Scrubber Numbered(string name, string placeholder, Regex pattern, bool ignoreCase = false) =>
        new(name, pattern, placeholder, null, ignoreCase);

    /// <summary>A custom scrubber; <paramref name="pattern"/> was validated when the config was read.</summary>
    internal static Scrubber Custom(string name, string pattern, string replacement) =>
        new(name, new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)), null, replacement, false);

    /// <summary>Replaces this scrubber's matches in <paramref name="text"/>, numbering values in <paramref name="seen"/>.</summary>
    internal string Apply(string text, Dictionary<string, int> seen)
    {
        if (Replacement is not null) return Pattern.Replace(text, Replacement);
        return Pattern.Replace(text, match =>
        {
            var key = Placeholder + "\0" + (IgnoreCase ? match.Value.ToLowerInvariant() : match.Value);
            if (!seen.TryGetValue(key, out var number))
            {
                // The count of this placeholder's values so far is kept under the stem itself.
                number = seen[Placeholder!] = seen.GetValueOrDefault(Placeholder!) + 1;
                seen[key] = number;
            }
            return $"{Placeholder}_{number}";
        });
    }

    /// <summary>True when the scrubber finds anything in <paramref name="text"/>.</summary>
    public bool Finds(string text) => Pattern.IsMatch(text);
}
