namespace SnippetCheck.Model;

/// <summary>
/// The words a document uses to address SnippetCheck, the same in every format it reads (Markdown, MDX, doc
/// comments): defined once so that the readers cannot drift apart.
/// </summary>
internal static class DocumentWords
{
    /// <summary>Opens a comment addressed to the tool: <c>&lt;!-- snippetcheck: run --&gt;</c>.</summary>
    public const string CommentMarker = "snippetcheck:";

    /// <summary>The info-string languages of a C# block, compared without case.</summary>
    private static readonly string[] CSharpLanguages = ["csharp", "cs", "c#"];

    /// <remarks>
    /// A word after a colon is a title, not another language: Qiita and Zenn write a file name (<c>csharp:Program.cs</c>),
    /// and the reader sees the block's C#. An include of DocFX-style engines (<c>csharp:xmldocid</c>) holds doc IDs, not
    /// code: the code the reader sees is in source files, which the tool does not read, so it is no C# block here.
    /// </remarks>
    public static bool IsCSharpLanguage(string language) =>
        language.Split(':', 2) is var parts && CSharpLanguages.Contains(parts[0], StringComparer.OrdinalIgnoreCase)
        && (parts.Length == 1 || !parts[1].StartsWith("xmldocid", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Whether a comment's text (after its opening marker and spaces) starts with a word that looks addressed to the
    /// tool but misspells the marker (<c>snipetcheck:</c>, <c>snippetcheck</c> without the colon), which would
    /// otherwise be silently ignored.
    /// </summary>
    public static bool MisspellsMarker(string commentText)
    {
        var firstWord = new string(commentText.TakeWhile(char.IsLetter).ToArray());
        return firstWord.Length >= 8 && EditDistance.Between(firstWord.ToLowerInvariant(), "snippetcheck") <= 2;
    }

    /// <summary>
    /// Every name <c>scrub=</c> accepts besides custom scrubbers': the config reader checks names with these, and
    /// Results/Scrubbers builds a scrubber for each (the default ones may be named too, to no effect).
    /// </summary>
    public static readonly IReadOnlyList<string> BuiltInScrubberNames =
        ["guid", "date", "paths", "duration", "hex", "hashcode", "number", NoScrubbing];

    /// <summary><c>scrub=none</c>: compare output exactly, with no scrubber at all.</summary>
    public const string NoScrubbing = "none";
}
