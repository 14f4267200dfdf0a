namespace SnippetCheck.Extraction.Markdown;

/// <summary>The text Markdig reads for an MDX file, and the MDX comments taken out of it.</summary>
/// <param name="MaskedText">The file's text, of the same length and with the same line breaks, with everything that is not Markdown blanked.</param>
/// <param name="FenceOpenings">The offset and info string of each line that opens a fence, as MDX reads it.</param>
internal sealed record MdxReading(string MaskedText, IReadOnlyList<MdxComment> Comments, IReadOnlyList<(int Offset, string Info)> FenceOpenings);
