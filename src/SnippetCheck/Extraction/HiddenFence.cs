using SnippetCheck.Model;

namespace SnippetCheck.Extraction;

/// <summary>One fenced block inside an HTML comment: the first word of its info string, where it opens, and its lines.</summary>
internal sealed record HiddenFence(string Info, SourceLocation Location, IReadOnlyList<CodeLine> Body);
