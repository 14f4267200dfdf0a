using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SnippetCheck.Extraction.Snippets;
using SnippetCheck.Programs;

namespace SnippetCheck.Adoption.Inference;

/// <summary>
/// The docs' own types a page's prose names and its code uses without declaring: FluentAssertions' object-graph page says
/// "Consider the class `Order` and its wire-transfer equivalent `OrderDto`" and then writes
/// <c>orderDto.Should().BeEquivalentTo(order)</c> with neither local declared. A reader takes <c>orderDto</c> for an
/// <c>OrderDto</c>: a bare local whose name, capitalised, is such a type (<c>orders</c>: a list of <c>Order</c>) is given of it
/// (<c>Receivers</c>), and the type is stubbed with only the members the block reads (<c>StubTypeNeeds</c>), so the library's
/// calls on it (<c>Should</c>, <c>BeEquivalentTo</c>, the options' <c>Excluding</c>) bind, and a misspelt one fails. Only a
/// name in the prose's inline code counts, and only where nothing the block references declares it (checked by the callers).
/// </summary>
internal static partial class PageTypes
{
    private static readonly ConcurrentDictionary<string, IReadOnlySet<string>> ByText = new(StringComparer.Ordinal);

    /// <summary>
    /// The PascalCase names the prose (not the fences) of <paramref name="document"/> writes as inline code (<c>`Order`</c>,
    /// <c>`OrderDto`s</c>) that its code never calls nor reads a member off (<c>`Should`</c>, <c>`Value`</c> of
    /// <c>Value.ThatMatches&lt;int&gt;(…)</c>: the library's API, which the prose names too).
    /// </summary>
    public static IReadOnlySet<string> Of(SnippetDocument document) => ByPage.GetOrAdd(document.Source.Document.Text, _ =>
    {
        var used = document.Snippets.SelectMany(s => CSharpSyntaxTree.ParseText(string.Join('\n', s.Code.Select(l => l.Text)))
            .GetCompilationUnitRoot().DescendantNodes().OfType<SimpleNameSyntax>())
            .Where(n => n.Parent is InvocationExpressionSyntax || n.Parent is MemberAccessExpressionSyntax access && access.Expression == n
                || n.Parent is MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax } called && called.Name == n)
            .Select(n => n.Identifier.ValueText).ToHashSet(StringComparer.Ordinal);
        return Of(document.Source.Document.Text).Where(n => !used.Contains(n)).ToHashSet(StringComparer.Ordinal);
    });

    private static readonly ConcurrentDictionary<string, IReadOnlySet<string>> ByPage = new(StringComparer.Ordinal);

    /// <summary>The PascalCase names the prose of a page's <paramref name="text"/> writes as inline code.</summary>
    internal static IReadOnlySet<string> Of(string text) => ByText.GetOrAdd(text, t =>
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var inFence = false;
        foreach (var line in t.Split('\n'))
        {
            if (Fence().IsMatch(line)) inFence = !inFence;
            else if (!inFence) names.UnionWith(InlineName().Matches(line).Select(m => m.Groups["name"].Value));
        }
        return names;
    });

    /// <summary>
    /// <paramref name="known"/> with each of the block's unknown locals that no page declares and whose name spells a type its
    /// page's prose names (<c>orderDto</c>, an <c>OrderDto</c>), of that type, when the framework
    /// declares no type of that name (the docs' own type is stubbed later, <c>StubTypeNeeds</c>): <c>Receivers</c> gives it.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Given(
        IReadOnlyDictionary<string, string> known, PreparedDocument document, Snippet block, IReadOnlyList<string> names)
    {
        var types = Of(document.Snippets);
        if (types.Count == 0) return known;
        var references = document.SettingsFor(block).References;
        Dictionary<string, string>? merged = null;
        foreach (var name in names.Where(n => !known.ContainsKey(n)))
        {
            if (TypeFor(name, types) is not { } type
                || Named(type, types).Any(t => UsingInference.NamespacesOf(t, references, []).Count > 0)) continue;
            (merged ??= new(known, StringComparer.Ordinal))[name] = type;
        }
        return merged ?? known;
    }

    /// <summary>
    /// The type a reader takes the bare local <paramref name="local"/> for: the page's type its name, capitalised, spells
    /// (<c>orderDto</c>: <c>OrderDto</c>), or a list of the one its singular spells (<c>orders</c>:
    /// <c>System.Collections.Generic.List&lt;Order&gt;</c>); null when it spells none.
    /// </summary>
    public static string? TypeFor(string local, IReadOnlySet<string> types)
    {
        if (local.Length < 2 || !char.IsLower(local[0])) return null;
        var type = char.ToUpperInvariant(local[0]) + local[1..];
        if (types.Contains(type)) return type;
        return type.Length > 2 && type.EndsWith('s') && types.Contains(type[..^1]) ? $"System.Collections.Generic.List<{type[..^1]}>" : null;
    }

    /// <summary>The page's types a <c>given=</c> type names: itself or its type arguments (<c>List&lt;Order&gt;</c>: <c>Order</c>).</summary>
    public static IEnumerable<string> Named(string givenType, IReadOnlySet<string> types) =>
        givenType.Split('<', ',', '>').Select(p => p.Trim()).Where(types.Contains);

    [GeneratedRegex(@"^\s{0,3}(```|~~~)")]
    private static partial Regex Fence();

    /// <summary>A PascalCase identifier alone in inline code; a plural <c>s</c> may follow the closing backtick.</summary>
    [GeneratedRegex(@"`(?<name>[A-Z][A-Za-z0-9]*)`")]
    private static partial Regex InlineName();
}
