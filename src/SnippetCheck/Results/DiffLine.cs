namespace SnippetCheck.Results;

internal readonly record struct DiffLine(DiffLineKind Kind, string Text)
{
    public override string ToString() => Kind switch
    {
        DiffLineKind.Expected => "- " + Text,
        DiffLineKind.Actual => "+ " + Text,
        _ => "  " + Text,
    };
}
