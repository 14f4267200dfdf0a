namespace SnippetCheck.Model;

/// <summary>
/// A near miss: <paramref name="Word"/> as the document has it (<c>rnu</c>, <c>timout=2s</c>), and the word it likely meant (<c>run</c>,
/// <c>timeout</c>).
/// </summary>
/// <param name="Word">The word as written in the document.</param>
/// <param name="Meant">The word it likely meant, which a quick fix puts in its place.</param>
public sealed record Suggestion(string Word, string Meant);
