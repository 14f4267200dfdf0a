using SnippetCheck.Model;

namespace SnippetCheck.Compilation;

/// <summary>Where a <c>...</c> placeholder stands in a block, read as C#.</summary>
internal enum HoleKind
{
    /// <summary>A statement left out (<c>...</c> or <c>...;</c> on its own), a method's whole body among them.</summary>
    Statement,
    /// <summary>A whole argument list (<c>AddDbContext(...)</c>).</summary>
    Arguments,
    /// <summary>
    /// A value (<c>var options = ...;</c>, <c>x = ...</c>, <c>=&gt; ...</c>) or an initializer's content (<c>new Order { ... }</c>).
    /// </summary>
    Initializer,
}

/// <summary>A <c>...</c> placeholder the tool filled, where its first dot stands (the file is set once the program knows it).</summary>
internal sealed record Hole(HoleKind Kind, int Line, int Column, string File = "")
{
    /// <summary>Where the hole stands in the document.</summary>
    public SourceLocation Location => new(File, Line, Column);
}
