namespace SnippetCheck.Extraction;

/// <summary>Where a fence's body lies in the file, so <c>--accept</c> can replace exactly that and nothing else.</summary>
/// <param name="BodyStart">Offset of the first character of the first body line (including its container prefix).</param>
/// <param name="BodyEnd">Offset just past the last body line's line ending; equals BodyStart when the body is empty.</param>
/// <param name="LinePrefix">What stands before the fence on its line (list indent, <c>&gt; </c>), repeated on each body line.</param>
/// <param name="FenceChar">The fence character, <c>`</c> or <c>~</c>.</param>
/// <param name="FenceLength">The opening fence's length.</param>
/// <param name="IsClosed">False when the fence runs to the end of its container.</param>
internal sealed record FenceGeometry(int BodyStart, int BodyEnd, string LinePrefix, char FenceChar, int FenceLength, bool IsClosed)
{
    /// <summary>
    /// A doc comment's <c>&lt;code&gt;</c> element, not a fence: its text is XML-escaped, and it has no fence to lengthen.
    /// <see cref="IsClosed"/> false means its tags do not stand on lines of their own, so it cannot be rewritten.
    /// </summary>
    public bool XmlEscaped { get; init; }

    /// <summary>
    /// For hidden output (<c>&lt;!-- snippetcheck: output</c> … <c>--&gt;</c>), the marker that closes its comment
    /// (<c>--&gt;</c> or <c>*/}</c>); null for a fence. Its body lies between the opening line and a closing line of
    /// its own; <see cref="IsClosed"/> false means the marker ends a line of output, so it cannot be rewritten.
    /// </summary>
    public string? Hidden { get; init; }

    /// <summary>A one-line hidden output comment: the (empty) body sits just before the closing marker.</summary>
    public bool OpensInline { get; init; }
}
