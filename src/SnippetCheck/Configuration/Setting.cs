using SnippetCheck.Model;

namespace SnippetCheck.Configuration;

/// <summary>
/// One setting, described once: its config and front-matter key, its tag, its command-line option, where it may be
/// given, how its config value is read (with the error that names the key), its default, how layers merge, and where it
/// enters the cache key. <see cref="Settings.All"/> is the table; the readers and overlays are derived from it.
/// </summary>
public abstract class Setting
{
    /// <summary>Only the settings table makes settings (<see cref="Settings.All"/>): a host reads them.</summary>
    private protected Setting(string key, SettingScope scope) => (Key, Scope) = (key, scope);

    /// <summary>The key in <c>snippetcheck.json</c> and in front matter's <c>snippetcheck:</c> map.</summary>
    public string Key { get; }

    internal SettingScope Scope { get; }

    /// <summary>
    /// The tag that sets it on one block (<c>timeout=2s</c>, <c>network</c>), read by <c>Extraction.Snippets.TagParser</c>; null when no tag does.
    /// </summary>
    internal TagRule? Tag { get; init; }

    /// <summary>The <c>verify</c> option that sets it for a run, over config and front matter; null when none does.</summary>
    public SettingOption? Option { get; init; }

    /// <summary>
    /// How layers merge: config, then front matter, then the command line, the nearer set value winning; where a
    /// block's tag joins, what it does to the file's value.
    /// </summary>
    internal SettingMerge Merge { get; init; } = SettingMerge.Nearest;

    /// <summary>Whether the value can change a verdict, and so is in every program's cache key (<see cref="Settings.AddKeyed"/>).</summary>
    internal KeyPlace CacheKey { get; init; }

    /// <summary>True when front matter may not set it: it applies to a whole run.</summary>
    public bool RunOnly => !Scope.HasFlag(SettingScope.File);

    /// <summary>
    /// What the value in a config grants snippets beyond the sandbox (<c>"opens the network"</c>), or null when it grants
    /// nothing: <c>--untrusted</c> refuses every such value from the checkout, naming the setting and its place.
    /// </summary>
    internal Func<SnippetCheckConfig, string?>? Widens { get; init; }

    /// <summary>The sandbox grant <paramref name="config"/>'s value of this setting makes (<see cref="Widens"/>), or null.</summary>
    internal string? WideningIn(SnippetCheckConfig config) => Widens?.Invoke(config);

    /// <summary>
    /// The value <paramref name="input"/> gives, set on <paramref name="config"/>; a <see cref="ConfigException"/> naming the key when it is bad.
    /// </summary>
    internal abstract SnippetCheckConfig Read(SnippetCheckConfig config, SettingInput input);

    /// <summary><paramref name="under"/> with this setting's value from <paramref name="over"/>, when <paramref name="over"/> sets it.</summary>
    internal abstract SnippetCheckConfig Overlay(SnippetCheckConfig under, SnippetCheckConfig over);

    /// <summary>The value in <paramref name="config"/> as key text (null when not set), for the cache key.</summary>
    internal abstract string? KeyText(SnippetCheckConfig config);

    /// <summary>
    /// The sandbox grant a block's tag value of this setting makes (<see cref="Widens"/>), or null; only for a setting whose
    /// tag value is of the setting's own type (<c>network</c>'s flag).
    /// </summary>
    internal abstract string? WideningOfTag(object value);

    /// <summary>
    /// <paramref name="layer"/> with this setting's switch value set, as its switch given on the command line sets it
    /// (<c>--no-sandbox</c>); only for a setting whose option is a switch.
    /// </summary>
    public SnippetCheckConfig Switched(SnippetCheckConfig layer) => Option is { IsSwitch: true } option
        ? WithValue(layer, option.SwitchValue!)
        : throw new InvalidOperationException($"The '{Key}' setting has no switch.");

    /// <summary><paramref name="config"/> with <paramref name="value"/>, of the setting's type, set.</summary>
    private protected abstract SnippetCheckConfig WithValue(SnippetCheckConfig config, object value);

    /// <summary>Calls <paramref name="visitor"/> with this setting typed (a host builds an option of the setting's type).</summary>
    public abstract TResult Accept<TResult>(ISettingVisitor<TResult> visitor);
}

/// <summary>A setting of type <typeparamref name="T"/> (nullable: null is "not set here"), kept in <see cref="SnippetCheckConfig"/>.</summary>
public sealed class Setting<T> : Setting
{
    private readonly Func<SnippetCheckConfig, T> _get;
    private readonly Func<SnippetCheckConfig, T, SnippetCheckConfig> _set;
    private readonly Func<SettingInput, T> _parse;

    internal Setting(
        string key, SettingScope scope,
        Func<SnippetCheckConfig, T> get, Func<SnippetCheckConfig, T, SnippetCheckConfig> set, Func<SettingInput, T> parse)
        : base(key, scope) => (_get, _set, _parse) = (get, set, parse);

    /// <summary>The value <paramref name="config"/> holds; null when it does not set it.</summary>
    public T Get(SnippetCheckConfig config) => _get(config);

    /// <summary><paramref name="config"/> with <paramref name="value"/> set (the command line's layer is written so).</summary>
    public SnippetCheckConfig With(SnippetCheckConfig config, T value) => _set(config, value);

    /// <summary>
    /// The value when no layer sets it, for the framework of a pass (the SDK gives net8.0 C# 12, net10.0 C# 14); null when
    /// "not set" is itself the meaning (no coverage bar). Readers get it through <see cref="SettingDefaults"/>.
    /// </summary>
    internal Func<TargetFramework, T>? DefaultFor { get; init; }

    /// <summary>The default, the same on every framework (<see cref="DefaultFor"/>).</summary>
    internal T Default { get => DefaultFor is { } of ? of(TargetFramework.Tool) : default!; init => DefaultFor = _ => value; }

    internal override SnippetCheckConfig Read(SnippetCheckConfig config, SettingInput input) => _set(config, _parse(input));

    internal override SnippetCheckConfig Overlay(SnippetCheckConfig under, SnippetCheckConfig over) =>
        _get(over) is { } value ? _set(under, Merge.Layers(_get(under), value)) : under;

    internal override string? KeyText(SnippetCheckConfig config) => _get(config) is { } value ? SettingValues.KeyText(value) : null;

    private protected override SnippetCheckConfig WithValue(SnippetCheckConfig config, object value) => _set(config, (T)value);

    internal override string? WideningOfTag(object value) => Widens is null || value is not T typed ? null
        : WideningIn(_set(new SnippetCheckConfig(), typed));

    /// <inheritdoc/>
    public override TResult Accept<TResult>(ISettingVisitor<TResult> visitor) => visitor.Visit(this);
}
