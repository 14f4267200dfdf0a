namespace SnippetCheck.Results;

/// <summary>
/// The repair that makes a typo's block compile (its proof): one token inserted or taken out at the parser's error, or the
/// same one at each such error of the block, as edits of the post's text.
/// </summary>
/// <param name="Description">What it does, as the report says it: <c>one ',' after 'LoadFromDb()' (and 4 more like it)</c>.</param>
/// <param name="Edits">
/// Where in the post, in order; empty where the block's text is not the post's character for character (a doc comment's <c>&amp;lt;</c>).
/// </param>
/// <param name="Code">The block's code once repaired, its lines joined with <c>\n</c>: what compiled.</param>
internal sealed record TypoRepair(string Description, IReadOnlyList<RepairEdit> Edits, string Code);

/// <summary>
/// One edit of a repair: at <paramref name="Line"/> and <paramref name="Column"/> (1-based) of the post, <paramref name="OldText"/>
/// becomes <paramref name="NewText"/>.
/// </summary>
internal sealed record RepairEdit(int Line, int Column, string OldText, string NewText);
