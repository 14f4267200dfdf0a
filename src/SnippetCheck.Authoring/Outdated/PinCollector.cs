using SnippetCheck.Driver;
using SnippetCheck.Programs;
using SnippetCheck.Extraction.Snippets;

namespace SnippetCheck.Outdated;

/// <summary>A pin and the blocks whose programs it is part of.</summary>
internal sealed record PinUse(PackagePin Pin, IReadOnlyList<Snippet> Blocks);

/// <summary>Every package pin the posts use, with the blocks it reaches (<see cref="PackageService.PinsOf"/>), by package and place.</summary>
internal static class PinCollector
{
    public static IReadOnlyList<PinUse> Collect(IReadOnlyList<PreparedDocument> documents, PackageService packages)
    {
        var uses = new Dictionary<PackagePin, List<Snippet>>();
        foreach (var document in documents.Where(d => !d.Skip))
        {
            foreach (var block in document.Blocks.Where(s => s.Kind != SnippetKind.Ignore))
            {
                foreach (var pin in packages.PinsOf(document, block))
                {
                    if (!uses.TryGetValue(pin, out var blocks)) uses[pin] = blocks = [];
                    blocks.Add(block);
                }
            }
        }
        return [.. uses.Select(u => new PinUse(u.Key, u.Value))
            .OrderBy(u => u.Pin.Id, StringComparer.OrdinalIgnoreCase).ThenBy(u => u.Pin.Location.File, StringComparer.Ordinal).ThenBy(
                u => u.Pin.Location.Line)];
    }
}
