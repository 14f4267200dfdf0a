namespace SnippetCheck.Configuration;

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
