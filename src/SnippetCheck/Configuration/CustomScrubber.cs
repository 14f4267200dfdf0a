namespace SnippetCheck.Configuration;

/// <summary>A scrubber of the project's own: every match of <paramref name="Pattern"/> becomes <paramref name="Replacement"/>.</summary>
internal sealed record CustomScrubber(string Name, string Pattern, string Replacement);
