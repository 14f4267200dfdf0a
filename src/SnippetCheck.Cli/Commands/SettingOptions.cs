using System.CommandLine;
using SnippetCheck.Configuration;
using SnippetCheck.Driver;

namespace SnippetCheck.Cli.Commands;

/// <summary>
/// The options of the settings that have one (<see cref="Setting.Option"/>), built from the settings table, and the
/// command-line layer they give (<c>VerifyOptions.CommandLine</c>, over config and front matter). A command takes the
/// ones it accepts (<c>render</c> takes <c>--all</c>, <c>--frameworks</c> and <c>--no-cache</c>); the layer reads those given.
/// </summary>
internal static class SettingOptions
{
    private static readonly IReadOnlyList<(Setting Setting, Option Option)> Options =
        [.. Settings.All.Where(s => s.Option is not null).Select(s => (s, s.Accept(new OptionBuilder())))];

    /// <summary>The switch of <paramref name="setting"/> (<c>--no-cache</c>).</summary>
    public static Option<bool> Switch(Setting setting) => (Option<bool>)For(setting);

    /// <summary>The option of <paramref name="setting"/> that takes a value of its type (<c>--timeout 2s</c>).</summary>
    public static Option<T> Value<T>(Setting<T> setting) => (Option<T>)For(setting);

    private static Option For(Setting setting) => Options.Single(o => o.Setting == setting).Option;

    /// <summary><paramref name="options"/> with the settings the command line gives laid over its command-line layer.</summary>
    public static VerifyOptions LayOver(VerifyOptions options, ParseResult result) =>
        options with { CommandLine =
            Options.Aggregate(options.CommandLine, (layer, o) => o.Setting.Accept(new LayerReader(result, o.Option, layer))) };

    private sealed class OptionBuilder : ISettingVisitor<Option>
    {
        public Option Visit<T>(Setting<T> setting)
        {
            var described = setting.Option!;
            if (described.IsSwitch) return new Option<bool>(described.Name) { Description = described.Description };
            var option = new Option<T>(described.Name) { Description = described.Description, HelpName = described.HelpName };
            if (described.Parse is { } parse)
            {
                option.CustomParser = result =>
                {
                    var (value, problem) = parse(string.Join(',', result.Tokens.Select(t => t.Value)));
                    if (problem is not null) result.AddError(problem);
                    return value is T typed ? typed : default!;
                };
            }
            if (described.Validate is { } validate)
            {
                option.Validators.Add(result =>
                {
                    if (result.GetValueOrDefault<T>() is { } value && validate(value) is { } problem) result.AddError(problem);
                });
            }
            return option;
        }
    }

    /// <summary>The layer with the setting's value when its option was given: a switch sets its one value.</summary>
    private sealed class LayerReader(ParseResult result, Option option, SnippetCheckConfig layer) : ISettingVisitor<SnippetCheckConfig>
    {
        public SnippetCheckConfig Visit<T>(Setting<T> setting)
        {
            if (result.GetResult(option) is null) return layer;
            if (setting.Option!.IsSwitch) return result.GetValue((Option<bool>)option) ? setting.Switched(layer) : layer;
            return result.GetValue((Option<T>)option) is { } value ? setting.With(layer, value) : layer;
        }
    }
}
