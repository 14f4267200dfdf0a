using System.Runtime.CompilerServices;
using SnippetCheck.Configuration;
using SnippetCheck.Programs;
using SnippetCheck.Extraction.Snippets;

namespace SnippetCheck.Results;

/// <summary>
/// A block's scrubbers: config and front matter, then its own <c>scrub=</c> and its output block's
/// (<see cref="Scrubbing.For"/>). The file's custom scrubbers are made once per file's settings.
/// </summary>
internal static class BlockScrubbing
{
    private static readonly ConditionalWeakTable<SnippetCheckConfig, IReadOnlyList<Scrubber>> CustomScrubbers = new();

    /// <summary>The scrubbers of the program's block at index <paramref name="block"/>.</summary>
    internal static Scrubbing For(SnippetProgram program, int block) => For(program.Config, program.Blocks[block]);

    /// <summary>The scrubbers of <paramref name="snippet"/> under its file's merged settings.</summary>
    public static Scrubbing For(SnippetCheckConfig file, Snippet snippet) =>
        Scrubbing.For([.. file.Scrub ?? [], .. snippet.Tags.Scrub ?? [], .. snippet.Output?.Scrub ?? []],
            CustomScrubbers.GetValue(file, config => [.. (config.Scrubbers ?? []).Select(c => Scrubber.Custom(c.Name, c.Pattern, c.Replacement))]));
}
