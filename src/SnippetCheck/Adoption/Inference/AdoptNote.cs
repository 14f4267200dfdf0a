using SnippetCheck.Model;

namespace SnippetCheck.Adoption.Inference;

/// <summary>Something <c>adopt</c> says about one block besides the table (a block that passes but cannot be tagged).</summary>
internal sealed record AdoptNote(SourceLocation Location, string Message)
{
    /// <summary>The block a note at another place is about (suspected rot stands at the prose's line); null when at the block.</summary>
    public SourceLocation? Block { get; init; }

    /// <summary><c>path(line,col): message</c>, the form every console line of the tool has.</summary>
    public override string ToString() => $"{Location}: {Message}";
}
