namespace SnippetCheck.Compilation;

/// <summary>
/// What the compiler knew about one identifier of a post, at its place in the document: how to colour it, and what
/// its hover card says. Places are the document's (1-based line and column), so a note found in a merged chunk, a
/// session or a lone program lands on the same token.
/// </summary>
/// <param name="Class">The token's class: <c>class</c>, <c>method</c>, <c>local</c>, ... (<see cref="SymbolCards.ClassOf"/>).</param>
/// <param name="Signature">The symbol as Roslyn displays it, with its kind in brackets for locals, fields and such.</param>
/// <param name="Summary">The XML documentation's <c>&lt;summary&gt;</c> as plain text; null without one.</param>
/// <param name="DocsUrl">The symbol's API page, where one is known (the framework's, on learn.microsoft.com).</param>
public sealed record SymbolNote(string File, int Line, int Column, int Length, string Class, string? Signature, string? Summary, string? DocsUrl);
