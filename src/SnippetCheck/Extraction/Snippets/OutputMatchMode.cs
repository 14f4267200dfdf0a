namespace SnippetCheck.Extraction.Snippets;

/// <summary>How a snippet's output is compared with its output block.</summary>
internal enum OutputMatchMode
{
    /// <summary>Line by line, as printed (after scrubbing and trailing-whitespace trimming).</summary>
    Exact,

    /// <summary>An <c>...</c> line in the output block stands for any number of printed lines.</summary>
    Ellipsis,

    /// <summary>The same lines, in any order.</summary>
    Unordered,
}
