using SnippetCheck.Model;

namespace SnippetCheck.Extraction.Snippets;

/// <summary>An output block and how it is matched; made only by the snippet reader.</summary>
internal sealed record ExpectedOutput
{
    /// <param name="block">The output block (a fence, or hidden output in a comment).</param>
    /// <param name="mode">How the program's output is compared with it.</param>
    internal ExpectedOutput(FencedBlock block, OutputMatchMode mode)
    {
        Block = block;
        Mode = mode;
    }

    /// <summary>The output block (a fence, or hidden output in a comment).</summary>
    public FencedBlock Block { get; init; }

    /// <summary>How the program's output is compared with it.</summary>
    internal OutputMatchMode Mode { get; init; }

    /// <summary>Info strings of blocks that show a terminal session: a leading prompt line there is the command, not output.</summary>
    private static readonly string[] SessionLanguages = ["console", "shell-session", "shellsession", "sh-session", "bash-session"];

    /// <summary>The output to match: the block's body without its <see cref="Prompt"/> line.</summary>
    public string Text => Prompt is null ? Block.Content
        : string.Join('\n', Block.Lines.SkipWhile(l => l.Text.Trim().Length == 0).Skip(1).Select(l => l.Text));

    /// <summary>
    /// In a <c>console</c> (or <c>shell-session</c>) block, a first line that is a <c>$ </c> or <c>&gt; </c> prompt
    /// (<c>$ dotnet run</c>, as trycmd reads it): shown to readers, skipped when matching, kept by <c>--accept</c>. Null otherwise.
    /// </summary>
    public string? Prompt
    {
        get
        {
            if (!SessionLanguages.Contains(Block.Info.Trim(), StringComparer.OrdinalIgnoreCase)) return null;
            var first = Block.Lines.FirstOrDefault(l => l.Text.Trim().Length > 0).Text;
            return first is not null
                && (first.StartsWith("$ ", StringComparison.Ordinal) || first.StartsWith("> ", StringComparison.Ordinal)
                    || first.TrimEnd() is "$" or ">")
                ? first : null;
        }
    }

    /// <summary>
    /// The body lines that <see cref="Text"/> compares, from the first one that is not blank (leading blank lines take
    /// no part in matching, README.md "Output and standard input"): where each compared line stands in the file.
    /// </summary>
    internal IReadOnlyList<CodeLine> ComparedLines =>
        [.. (Prompt is null ? Block.Lines : Block.Lines.SkipWhile(l => l.Text.Trim().Length == 0).Skip(1)).SkipWhile(
            l => l.Text.TrimEnd().Length == 0)];

    /// <summary>Scrubbers named on the output block itself (<c>```output scrub=duration</c>); null when not given.</summary>
    public IReadOnlyList<string>? Scrub { get; init; }

    /// <summary>
    /// <c>```output frameworks=net8.0</c>: the frameworks of a matrix this output is expected on, for output that
    /// legitimately differs between them; null: every framework no other output block of the snippet names.
    /// </summary>
    internal FrameworkSet? Frameworks { get; init; }
}
