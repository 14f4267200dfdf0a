using SnippetCheck.Markdown;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SnippetCheck.Configuration;

/// <summary>What a post's front matter says to the tool.</summary>
/// <param name="Skip">True for <c>snippetcheck: skip</c>.</param>
public sealed record FrontMatterSettings(SnippetCheckConfig? Config, bool Skip);

/// <summary>Reads the <c>snippetcheck:</c> key of a post's YAML front matter; every other key belongs to the blog.</summary>
public static class FrontMatterReader
{
    public const string Key = "snippetcheck";

    /// <summary>Throws <see cref="ConfigException"/> (with the Markdown line) for a bad <c>snippetcheck:</c> value.</summary>
    public static FrontMatterSettings Read(string file, FrontMatter? frontMatter)
    {
        if (frontMatter is null || !frontMatter.Yaml.Contains(Key, StringComparison.Ordinal)) return new FrontMatterSettings(null, false);
        // The YAML starts on the line after the opening ---.
        var lineOffset = frontMatter.Location.Line;
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(frontMatter.Yaml));
        }
        catch (YamlException e)
        {
            throw new ConfigException(file, lineOffset + (int)e.Start.Line, $"front matter is not valid YAML: {e.Message}");
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root) return new FrontMatterSettings(null, false);

        var entry = root.Children.FirstOrDefault(c => c.Key is YamlScalarNode { Value: Key });
        var line = lineOffset + (int)(entry.Key?.Start.Line ?? 1);
        switch (entry.Value)
        {
            case null:
                return new FrontMatterSettings(null, false);
            case YamlScalarNode { Value: "skip" }:
                return new FrontMatterSettings(null, true);
            case YamlMappingNode map:
                var values = new Dictionary<string, RawValue>(StringComparer.Ordinal);
                foreach (var (key, value) in map.Children)
                {
                    var name = (key as YamlScalarNode)?.Value ?? "";
                    values[name] = new RawValue(ToRaw(value), lineOffset + (int)key.Start.Line);
                }
                return new FrontMatterSettings(ConfigReader.Read(file, values, isFrontMatter: true), false);
            default:
                throw new ConfigException(file, line, "'snippetcheck:' in front matter must be 'skip' or a map of settings");
        }
    }

    private static object ToRaw(YamlNode node) => node switch
    {
        YamlSequenceNode sequence => (IReadOnlyList<string>)[.. sequence.Children.Select(c => (c as YamlScalarNode)?.Value ?? "")],
        YamlScalarNode { Style: ScalarStyle.Plain, Value: "true" } => true,
        YamlScalarNode { Style: ScalarStyle.Plain, Value: "false" } => false,
        YamlScalarNode { Style: ScalarStyle.Plain } scalar when double.TryParse(scalar.Value, System.Globalization.CultureInfo.InvariantCulture, out var number) => number,
        YamlScalarNode scalar => scalar.Value ?? "",
        _ => node.ToString(),
    };
}
