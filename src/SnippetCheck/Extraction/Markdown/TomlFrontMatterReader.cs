using Tomlyn.Parsing;
using Tomlyn.Syntax;
using SnippetCheck.Configuration;

namespace SnippetCheck.Extraction.Markdown;

/// <summary>
/// Reads the <c>snippetcheck</c> key of Hugo's TOML front matter (<c>+++</c>) as <see cref="FrontMatterReader"/> reads
/// YAML: <c>snippetcheck = "skip"</c>, a <c>[snippetcheck]</c> table, or an inline table of settings.
/// </summary>
internal static class TomlFrontMatterReader
{
    /// <param name="lineOffset">The line of the opening <c>+++</c>; the TOML starts on the line after it.</param>
    /// <param name="untrusted">See <see cref="FrontMatterReader.Read"/>.</param>
    public static FrontMatterSettings Read(string file, string toml, int lineOffset, bool untrusted = false)
    {
        var document = SyntaxParser.Parse(toml, "front matter", validate: true);
        if (document.HasErrors)
        {
            var error = document.Diagnostics.First(d => d.Kind == DiagnosticMessageKind.Error);
            throw new ConfigException(file, lineOffset + error.Span.Start.Line + 1, $"front matter is not valid TOML: {error.Message}");
        }

        foreach (var entry in document.KeyValues)
        {
            if (KeyName(entry.Key) != FrontMatterReader.Key) continue;
            var line = LineOf(entry, lineOffset);
            return entry.Value switch
            {
                StringValueSyntax { Value: "skip" } => new FrontMatterSettings(null, true),
                InlineTableSyntax table => Settings(file, table.Items.Select(i => i.KeyValue).OfType<KeyValueSyntax>(), lineOffset, untrusted),
                _ => throw new ConfigException(file, line, "'snippetcheck' in front matter must be \"skip\" or a table of settings"),
            };
        }
        foreach (var table in document.Tables)
        {
            if (table is TableSyntax { Name: { } name } && KeyName(name) == FrontMatterReader.Key)
                return Settings(file, table.Items.OfType<KeyValueSyntax>(), lineOffset, untrusted);
        }
        return new FrontMatterSettings(null, false);
    }

    private static FrontMatterSettings Settings(string file, IEnumerable<KeyValueSyntax> entries, int lineOffset, bool untrusted)
    {
        var values = new Dictionary<string, RawValue>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            values[KeyName(entry.Key)] = new RawValue(ToRaw(entry.Value), LineOf(entry, lineOffset));
        }
        return new FrontMatterSettings(ConfigReader.Read(file, values, isFrontMatter: true, untrusted), false);
    }

    private static int LineOf(SyntaxNode node, int lineOffset) => lineOffset + node.Span.Start.Line + 1;

    /// <summary>A key as written, without quotes; a dotted key keeps its dots.</summary>
    private static string KeyName(KeySyntax? key) =>
        key is null ? "" : string.Join('.', new[] { key.Key }.Concat(key.DotKeys.Select(d => d.Key)).Select(Simple));

    private static string Simple(BareKeyOrStringValueSyntax? key) => key switch
    {
        BareKeySyntax bare => bare.Key?.Text ?? "",
        StringValueSyntax text => text.Value ?? "",
        _ => "",
    };

    private static object ToRaw(ValueSyntax? value) => value switch
    {
        StringValueSyntax text => text.Value ?? "",
        BooleanValueSyntax boolean => boolean.Value,
        IntegerValueSyntax integer => (double)integer.Value,
        FloatValueSyntax number => number.Value,
        ArraySyntax array =>
            (IReadOnlyList<string>)[.. array.Items.Select(i => i.Value is StringValueSyntax s ? s.Value ?? "" : i.Value?.ToString()?.Trim() ?? "")],
        _ => value?.ToString()?.Trim() ?? "",
    };
}
