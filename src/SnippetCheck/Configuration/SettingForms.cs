using SnippetCheck.Model;

namespace SnippetCheck.Configuration;

/// <summary>A tag's value read: the value it gives a block, or what is wrong with it (the message names the tag).</summary>
internal readonly record struct TagReading(object? Value, string? Problem)
{
    public static TagReading Good(object value) => new(value, null);

    public static TagReading Bad(string problem) => new(null, problem);
}

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

/// <summary>A <c>TryParse</c> of the settings' text forms (<see cref="SettingValues"/>).</summary>
internal delegate bool TryParse<T>(string text, out T value);

/// <summary>
/// A setting's <c>verify</c> option, as data the CLI builds its <c>System.CommandLine</c> option from: a switch that sets
/// one value (<c>--no-cache</c> is <c>cache: false</c>), or an option with a value of the setting's type. The CLI's
/// command-line layer (<c>VerifyOptions.CommandLine</c>) is what the options give, laid over config and front matter.
/// </summary>
public sealed record SettingOption(string Name, string Description)
{
    /// <summary>What a switch sets when given; null for an option that takes a value.</summary>
    public object? SwitchValue { get; init; }

    /// <summary>The value's name in help (<c>PERCENT</c>); null for the default.</summary>
    public string? HelpName { get; init; }

    /// <summary>
    /// How the value's text is read, with the error that names the option; null when the option's type reads it
    /// (a number). Repeated values (<c>--frameworks a b</c>) are joined with commas first.
    /// </summary>
    public Func<string, (object? Value, string? Problem)>? Parse { get; init; }

    /// <summary>The value is good (<c>--parallel 0</c> is not); null: every value the type reads is.</summary>
    public Func<object, string?>? Validate { get; init; }

    /// <summary>True for an option given without a value (<c>--no-cache</c>).</summary>
    public bool IsSwitch => SwitchValue is not null;
}

/// <summary>
/// Where a setting enters a program's cache key (<c>Caching/CacheKey.cs</c>). A setting that can change a verdict is
/// keyed: its value, merged for the file, is in every program's key (<see cref="Settings.AddKeyed"/>), besides what the
/// tags and compile settings add. Only a setting that cannot change any program's verdict is left out, with the reason.
/// </summary>
internal readonly record struct KeyPlace(bool Keyed, string Where)
{
    /// <summary>It can change a verdict: in every program's key (and <paramref name="where"/> says what else carries it).</summary>
    public static KeyPlace In(string where) => new(true, where);

    /// <summary>
    /// It changes verdicts only through a value worked out for each program, keyed there (<paramref name="where"/>): the
    /// file's value itself is not the program's (a matrix is not the framework of one pass).
    /// </summary>
    public static KeyPlace Through(string where) => new(false, where);

    /// <summary>It changes no program's verdict: <paramref name="why"/>.</summary>
    public static KeyPlace None(string why) => new(false, "none: " + why);

    /// <summary>What <see cref="Where"/> says.</summary>
    public override string ToString() => Where;
}
