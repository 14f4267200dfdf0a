namespace SnippetCheck.Extraction.Snippets;

/// <summary>A block's code with its directive lines blanked, and what those directives asked for.</summary>
/// <param name="Code">The same lines as the block, one for one, so <c>#line</c> mapping still points at the right Markdown line.</param>
internal sealed record DirectiveReading(IReadOnlyList<CodeLine> Code, SnippetDirectives Directives);
