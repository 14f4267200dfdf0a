using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace SnippetCheck.MSBuild;

/// <summary>
/// Reads one JSON object whose values are strings, integers, booleans or null: all a CLI line holds. The task
/// targets netstandard2.0, where System.Text.Json is not in the box, and it ships nothing but itself.
/// </summary>
internal static class FlatJson
{
    /// <summary>The object's members (a string, an int, a bool or null each); null when <paramref name="text"/> is not such an object.</summary>
    public static Dictionary<string, object?>? TryRead(string text)
    {
        var position = 0;
        var members = new Dictionary<string, object?>();
        SkipSpace(text, ref position);
        if (!Take(text, ref position, '{')) return null;
        SkipSpace(text, ref position);
        if (Take(text, ref position, '}')) return AtEnd(text, position) ? members : null;
        while (true)
        {
            SkipSpace(text, ref position);
            if (ReadString(text, ref position) is not { } name) return null;
            SkipSpace(text, ref position);
            if (!Take(text, ref position, ':')) return null;
            SkipSpace(text, ref position);
            if (!TryReadValue(text, ref position, out var value)) return null;
            members[name] = value;
            SkipSpace(text, ref position);
            if (Take(text, ref position, ',')) continue;
            return Take(text, ref position, '}') && AtEnd(text, position) ? members : null;
        }
    }

    private static bool TryReadValue(string text, ref int position, out object? value)
    {
        value = null;
        if (position >= text.Length) return false;
        if (text[position] == '"') return (value = ReadString(text, ref position)) is not null;
        foreach (var (word, meaning) in new[] { ("true", (object?)true), ("false", false), ("null", null) })
        {
            if (string.CompareOrdinal(text, position, word, 0, word.Length) != 0) continue;
            position += word.Length;
            value = meaning;
            return true;
        }
        var start = position;
        if (position < text.Length && text[position] == '-') position++;
        while (position < text.Length && char.IsDigit(text[position])) position++;
        if (!int.TryParse(text.Substring(start, position - start), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture,
            out var number)) return false;
        value = number;
        return true;
    }

    private static string? ReadString(string text, ref int position)
    {
        if (!Take(text, ref position, '"')) return null;
        var value = new StringBuilder();
        while (position < text.Length)
        {
            var c = text[position++];
            if (c == '"') return value.ToString();
            if (c != '\\')
            {
                value.Append(c);
                continue;
            }
            if (position >= text.Length) return null;
            var escaped = text[position++];
            switch (escaped)
            {
                case '"' or '\\' or '/': value.Append(escaped); break;
                case 'b': value.Append('\b'); break;
                case 'f': value.Append('\f'); break;
                case 'n': value.Append('\n'); break;
                case 'r': value.Append('\r'); break;
                case 't': value.Append('\t'); break;
                case 'u' when position + 4 <= text.Length
                    && int.TryParse(text.Substring(position, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var unit):
                    value.Append((char)unit);
                    position += 4;
                    break;
                default: return null;
            }
        }
        return null;
    }

    private static bool Take(string text, ref int position, char expected)
    {
        if (position >= text.Length || text[position] != expected) return false;
        position++;
        return true;
    }

    private static void SkipSpace(string text, ref int position)
    {
        while (position < text.Length && char.IsWhiteSpace(text[position])) position++;
    }

    private static bool AtEnd(string text, int position)
    {
        SkipSpace(text, ref position);
        return position == text.Length;
    }
}
