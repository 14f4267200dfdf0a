namespace SnippetCheck.Extraction.Markdown;

/// <summary>Helpers for writing fences around text that may itself contain fence characters.</summary>
internal static class Fences
{
    /// <summary>The longest run of <paramref name="c"/> in <paramref name="text"/>: a fence must be longer to enclose it.</summary>
    public static int LongestRun(string text, char c)
    {
        int longest = 0, current = 0;
        foreach (var ch in text)
        {
            current = ch == c ? current + 1 : 0;
            longest = Math.Max(longest, current);
        }
        return longest;
    }
}
