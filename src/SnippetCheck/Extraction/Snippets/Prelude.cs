using SnippetCheck.Model;

namespace SnippetCheck.Extraction.Snippets;

/// <summary>Hidden code from a <c>snippetcheck: prelude</c> comment, for a whole file or one session.</summary>
internal sealed record Prelude(DirectiveComment Comment, string? Session)
{
    /// <summary>The prelude's code, with directive lines blanked.</summary>
    internal IReadOnlyList<CodeLine> Lines { get; init; } = Comment.Body;

    /// <summary>What the prelude's directives ask for, for every program it is part of.</summary>
    internal SnippetDirectives Directives { get; init; } = SnippetDirectives.None;

    /// <summary>For a config prelude, the C# file it was read from, where its lines are; null for the document's own.</summary>
    internal string? File { get; init; }

    /// <summary>
    /// A config prelude's code, <paramref name="lines"/> of the C# file shown as <paramref name="displayPath"/> (or one adopt proposes).
    /// </summary>
    public static Prelude OfFile(string displayPath, IReadOnlyList<string> lines) =>
        OfLines(displayPath, [.. lines.Select((text, i) => new CodeLine(text, i + 1, 1))]);

    /// <summary>
    /// Hidden code whose <paramref name="lines"/> stand where they say in <paramref name="displayPath"/> (config <c>hiddenCode</c>).
    /// </summary>
    internal static Prelude OfLines(string displayPath, IReadOnlyList<CodeLine> lines) =>
        SnippetReader.PreludeOf(new DirectiveComment(new SourceLocation(displayPath, lines.Count > 0 ? lines[0].Line : 1, 1), "prelude", lines))
            with { File = displayPath };
}
