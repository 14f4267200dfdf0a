using SnippetCheck.Model;

namespace SnippetCheck.Configuration;

/// <summary>
/// How a setting is written on one block: a word alone (<c>network</c>, which sets true) or <c>word=value</c>
/// (<c>timeout=2s</c>), with how the value text is read. <c>Extraction.Snippets.TagParser</c> reads every rule of the settings table.
/// </summary>
internal sealed class TagRule
{
    private readonly Func<string, SourceLocation, TagReading>? _read;

    private TagRule(string word, Func<string, SourceLocation, TagReading>? read)
    {
        Word = word;
        _read = read;
    }

    /// <summary>The tag word, lower case.</summary>
    public string Word { get; }

    /// <summary>A one-word tag (<c>unsafe</c>): no value.</summary>
    public bool IsFlag => _read is null;

    /// <summary>A one-word tag that sets the block's value to true.</summary>
    public static TagRule Flag(string word) => new(word, null);

    /// <summary>A <c>word=value</c> tag, its value read by <paramref name="read"/> (the tag's place, for what keeps it).</summary>
    public static TagRule Value(string word, Func<string, SourceLocation, TagReading> read) => new(word, read);

    /// <summary>
    /// A <c>word=value</c> tag read by a <c>TryParse</c> of the settings' own (<see cref="SettingValues"/>); <paramref name="problem"/> names a bad
    /// value.
    /// </summary>
    public static TagRule Value<T>(string word, TryParse<T> parse, Func<string, string> problem) where T : notnull =>
        new(word, (value, _) => parse(value, out var parsed) ? TagReading.Good(parsed) : TagReading.Bad(problem(value)));

    /// <summary>The block's value for this tag: true for a flag, else the value text read.</summary>
    public TagReading Read(string? value, SourceLocation where) => _read is null ? TagReading.Good(true) : _read(value ?? "", where);
}
