using SnippetCheck.Model;

namespace SnippetCheck.Extraction;

/// <summary>
/// An HTML comment not addressed to the tool that holds fenced blocks: the docs' own hidden code (a
/// <c>```requiredcode</c> fence that their generator reads). Config <c>hiddenFences</c> names the info strings whose
/// fences are hidden code for SnippetCheck too.
/// </summary>
internal sealed record HiddenFences(SourceLocation Location, IReadOnlyList<HiddenFence> Fences) : DocumentItem;
