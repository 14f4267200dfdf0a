using SnippetCheck.Model;
using SnippetCheck.Snippets;
using SnippetCheck.Verification;

namespace SnippetCheck.Outdated;

/// <summary>A pin and the blocks whose programs it is part of.</summary>
internal sealed record PinUse(PackagePin Pin, IReadOnlyList<Snippet> Blocks);

/// <summary>
/// Every package pin the posts use, with the blocks it reaches: a block's own pins reach its session's blocks too (one
/// program), a prelude's reach the programs it is part of, and the config's reach every program that does not pin the
/// package itself (a block's own version wins, docs/packages.md).
/// </summary>
internal static class PinCollector
{
    public static IReadOnlyList<PinUse> Collect(IReadOnlyList<PreparedDocument> documents, IReadOnlyList<PackageRequest> configPackages)
    {
        var uses = new Dictionary<PackagePin, List<Snippet>>();
        void Add(PackagePin pin, Snippet block)
        {
            if (!uses.TryGetValue(pin, out var blocks)) uses[pin] = blocks = [];
            if (!blocks.Contains(block)) blocks.Add(block);
        }

        foreach (var document in documents.Where(d => !d.Skip))
        {
            foreach (var block in document.Snippets.Snippets.Where(s => s.Kind != SnippetKind.Ignore))
            {
                var program = block.Tags.Session is { } session
                    ? document.Snippets.Snippets.Where(s => s.Tags.Session == session && s.Kind != SnippetKind.Ignore).ToList()
                    : [block];
                var own = program.SelectMany(Pins)
                    .Concat(document.Snippets.Preludes.Where(p => p.Session is null || p.Session == block.Tags.Session)
                        .SelectMany(p => p.Directives.Packages.Select(r => Pin(r, PinPlace.Directive))))
                    .ToList();
                foreach (var pin in own) Add(pin, block);
                foreach (var request in configPackages.Where(c => !own.Any(p => p.Id.Equals(c.Id, StringComparison.OrdinalIgnoreCase))))
                    Add(Pin(request, PinPlace.Config), block);
            }
        }
        return [.. uses.Select(u => new PinUse(u.Key, u.Value))
            .OrderBy(u => u.Pin.Id, StringComparer.OrdinalIgnoreCase).ThenBy(u => u.Pin.Location.File, StringComparer.Ordinal).ThenBy(u => u.Pin.Location.Line)];
    }

    private static IEnumerable<PackagePin> Pins(Snippet block) =>
        block.BlockDirectives.Packages.Select(r => Pin(r, PinPlace.Directive)).Concat(block.Tags.Packages.Select(r => Pin(r, PinPlace.Tag)));

    private static PackagePin Pin(PackageRequest request, PinPlace place) => new(request.Id, request.Version, place, request.Location);
}
