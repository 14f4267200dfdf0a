using System.Text;

namespace SnippetCheck.Extraction.Snippets;

// Splitting a run of tags into words, and a word into key and value: quotes keep a value's spaces (args="a b").
internal static partial class TagParser
{
    /// <summary>
    /// Splits on white space, keeping double-quoted values (<c>args="a b"</c>) whole, and keeping a command-line
    /// style option with its value (<c>--region output</c>, as Try .NET writes) as one word, never read as tags.
    /// </summary>
    public static IEnumerable<string> Tokenize(string text)
    {
        string? option = null;
        foreach (var word in SplitWords(text))
        {
            if (option is not null)
            {
                yield return word.StartsWith('-') ? option : option + " " + word;
                option = word.StartsWith("--", StringComparison.Ordinal) ? word : null;
                if (option is null && word.StartsWith('-')) yield return word;
                continue;
            }
            if (word.StartsWith("--", StringComparison.Ordinal) && !word.Contains('=')) option = word;
            else yield return word;
        }
        if (option is not null) yield return option;
    }

    private static IEnumerable<string> SplitWords(string text)
    {
        var current = new StringBuilder();
        var inQuotes = false;
        foreach (var c in text)
        {
            if (c == '"') inQuotes = !inQuotes;
            if (!inQuotes && char.IsWhiteSpace(c))
            {
                if (current.Length > 0) yield return current.ToString();
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }
        if (current.Length > 0) yield return current.ToString();
    }

    private static (string Key, string? Value) SplitWord(string word)
    {
        var equals = word.IndexOf('=');
        if (equals <= 0) return (word, null);
        var value = word[(equals + 1)..];
        if (value.Length >= 2 && value[0] == '"' && value[^1] == '"') value = value[1..^1];
        return (word[..equals], value);
    }
}
