using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using SnippetCheck.Configuration;

namespace SnippetCheck.Extraction.Markdown;

/// <summary>Reads the <c>snippetcheck:</c> key of a post's YAML front matter; every other key belongs to the blog.</summary>
internal static class FrontMatterReader
{
    /// <summary>The front-matter key the tool's settings sit under.</summary>
    public const string Key = "snippetcheck";

    /// <summary>
    /// The page's settings: its front matter's, else its hidden <c>snippetcheck: page</c> comment's (<see cref="PageSettingsComment"/>).
    /// Both is a <see cref="ConfigException"/>: one place says a page's settings.
    /// </summary>
    public static FrontMatterSettings ReadPage(string file, ExtractedDocument extracted, bool untrusted = false)
    {
        var front = Read(file, extracted.FrontMatter, untrusted);
        if (extracted.PageSettings is not { } page) return front;
        if (front.Config is not null || front.Skip)
            throw new ConfigException(file, page.Location.Line + 1,
                $"the page's settings are in its front matter and in a '{PageSettingsComment.Word}' comment: keep one");
        return Read(file, page, untrusted);
    }

    /// <summary>Throws <see cref="ConfigException"/> (with the Markdown line) for a bad <c>snippetcheck:</c> value.</summary>
    /// <param name="untrusted"><c>--untrusted</c>: a value that widens the sandbox, such as <c>network: true</c>, is refused
    /// (<see cref="Untrusted"/>).</param>
    public static FrontMatterSettings Read(string file, FrontMatter? frontMatter, bool untrusted = false)
    {
        if (frontMatter is null || !frontMatter.Text.Contains(Key, StringComparison.Ordinal)) return new FrontMatterSettings(null, false);
        // The YAML starts on the line after the opening ---.
        var lineOffset = frontMatter.Location.Line;
        if (frontMatter.IsToml) return TomlFrontMatterReader.Read(file, frontMatter.Text, lineOffset, untrusted);
        if (NestingDepth(frontMatter.Text) is var (depth, depthLine) && depth > MaxNesting)
        {
            // YamlDotNet recurses once per level; a hostile post could overflow the stack, which no catch survives.
            throw new ConfigException(file, lineOffset + depthLine, $"front matter nests more than {MaxNesting} levels deep; not read");
        }
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(frontMatter.Text));
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
                return new FrontMatterSettings(ConfigReader.Read(file, values, isFrontMatter: true, untrusted), false);
            default:
                throw new ConfigException(file, line, "'snippetcheck:' in front matter must be 'skip' or a map of settings");
        }
    }

    /// <summary>Far more than any config needs, far less than would endanger the stack.</summary>
    private const int MaxNesting = 64;

    /// <summary>
    /// An upper bound on how deep the YAML nests: indentation levels, <c>- </c> and <c>? </c> entries opened on one
    /// line, and flow brackets. Overcounting (a bracket inside a quoted string) only makes the guard stricter.
    /// </summary>
    private static (int Depth, int Line) NestingDepth(string yaml)
    {
        var indents = new Stack<int>();
        var brackets = 0;
        var (deepest, deepestLine) = (0, 1);
        var lines = yaml.Split('\n');
        for (var number = 0; number < lines.Length; number++)
        {
            var line = lines[number];
            var indent = 0;
            while (indent < line.Length && line[indent] == ' ') indent++;
            if (indent < line.Length && line[indent] != '#')
            {
                while (indents.Count > 0 && indents.Peek() >= indent) indents.Pop();
                indents.Push(indent);
            }
            var entries = 0;
            for (var i = indent; i + 1 < line.Length && line[i] is '-' or '?' && line[i + 1] == ' '; i += 2)
            {
                entries++;
                while (i + 2 < line.Length && line[i + 2] == ' ') i++;
            }
            var lineMax = brackets;
            foreach (var c in line)
            {
                if (c is '[' or '{') lineMax = Math.Max(lineMax, ++brackets);
                else if (c is ']' or '}') brackets = Math.Max(0, brackets - 1);
            }
            var depth = indents.Count + entries + lineMax;
            if (depth > deepest) (deepest, deepestLine) = (depth, number + 1);
        }
        return (deepest, deepestLine);
    }

    private static object ToRaw(YamlNode node) => node switch
    {
        YamlSequenceNode sequence => (IReadOnlyList<string>)[.. sequence.Children.Select(c => (c as YamlScalarNode)?.Value ?? "")],
        YamlScalarNode { Style: ScalarStyle.Plain, Value: "true" } => true,
        YamlScalarNode { Style: ScalarStyle.Plain, Value: "false" } => false,
        YamlScalarNode { Style: ScalarStyle.Plain } scalar when double.TryParse(
            scalar.Value, System.Globalization.CultureInfo.InvariantCulture, out var number) => number,
        YamlScalarNode scalar => scalar.Value ?? "",
        _ => node.ToString(),
    };
}
