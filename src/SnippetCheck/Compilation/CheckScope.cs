namespace SnippetCheck.Compilation;

/// <summary>
/// What compiling a block at the <c>check</c> level asks of the compiler: which part is the block, and the names the
/// post's other blocks declare (a name the post declares is never an unknown name: it wants a session).
/// </summary>
/// <param name="Holes">The block's <c>...</c> placeholders the tool filled (<see cref="Compilation.Holes"/>).</param>
internal sealed record CheckScope(int PartId, IReadOnlySet<string> PostNames, IReadOnlyList<Hole>? Holes = null);
