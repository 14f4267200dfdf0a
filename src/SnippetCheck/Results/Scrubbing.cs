using System.Text;
using System.Text.RegularExpressions;

namespace SnippetCheck.Results;

/// <summary>
/// The scrubbers in force for one output block, in the order they apply. Both sides of a comparison go through the
/// same instance, each with numbering of its own, so a relation (the same id printed twice) still has to hold.
/// </summary>
internal sealed class Scrubbing
{
    internal static readonly Scrubbing Off = new([], "none");

    /// <summary>The default scrubbers and no others: what a block with no <c>scrub=</c> anywhere gets.</summary>
    public static readonly Scrubbing Default = new(Scrubbers.OnByDefault, string.Join(',', Scrubbers.OnByDefault.Select(s => s.Name).Distinct()));

    private Scrubbing(IReadOnlyList<Scrubber> active, string key)
    {
        Active = active;
        Key = key;
    }

    internal IReadOnlyList<Scrubber> Active { get; }

    /// <summary>What the cache key records: the names in force and each custom scrubber's pattern and replacement.</summary>
    internal string Key { get; }

    internal bool IsOff => Active.Count == 0;

    /// <summary>True when the scrubber of this name (any of the two folder ones for <c>paths</c>) is in force.</summary>
    internal bool Has(string name) => Active.Any(s => s.Name == name);

    /// <summary>
    /// The scrubbers for a block: <c>none</c> anywhere turns them all off; otherwise the default ones, the custom
    /// ones (on by default: declaring one in config is the opt-in), then the opt-in ones named.
    /// Unknown names are reported before this (SC1016) and ignored here.
    /// </summary>
    internal static Scrubbing For(IEnumerable<string> names, IReadOnlyList<Scrubber> custom)
    {
        var named = names.Select(n => n.Trim().ToLowerInvariant()).Where(n => n.Length > 0).ToHashSet(StringComparer.Ordinal);
        if (named.Contains(Scrubbers.None)) return Off;
        var optIn = Scrubbers.OptIn.Where(s => named.Contains(s.Name)).ToList();
        if (custom.Count == 0 && optIn.Count == 0) return Default;
        // Custom scrubbers run first: they are the author's own, more specific patterns.
        IReadOnlyList<Scrubber> active = [.. custom, .. Scrubbers.OnByDefault, .. optIn];
        var key = new StringBuilder();
        foreach (var scrubber in active)
        {
            key.Append(scrubber.Name);
            if (scrubber.Replacement is not null) key.Append('=').Append(scrubber.Pattern).Append("=>").Append(scrubber.Replacement);
            key.Append(';');
        }
        return new Scrubbing(active, key.ToString());
    }

    /// <summary>This scrubbing with one more opt-in scrubber (what a <c>scrub=NAME</c> hint tries).</summary>
    internal Scrubbing With(Scrubber extra) =>
        For([.. Active.Where(s => s.Replacement is null).Select(s => s.Name), extra.Name], [.. Active.Where(s => s.Replacement is not null)]);

    /// <summary>Scrubbed text with the numbers of its placeholders masked (<c>Guid_2</c> → <c>Guid_#</c>).</summary>
    internal static string Masked(string scrubbed) => Scrubbers.PlaceholderNumber().Replace(scrubbed, "_#");

    /// <summary>The text with every match replaced; numbering starts afresh on each call.</summary>
    internal string Apply(string text)
    {
        if (Active.Count == 0) return text;
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var scrubber in Active)
        {
            try
            {
                text = scrubber.Apply(text, seen);
            }
            catch (RegexMatchTimeoutException)
            {
                // A custom pattern that backtracks for ever scrubs nothing; the comparison stays strict, never looser.
            }
        }
        return text;
    }
}
