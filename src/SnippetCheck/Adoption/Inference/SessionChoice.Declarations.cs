using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SnippetCheck.Extraction.Snippets;

namespace SnippetCheck.Adoption.Inference;

/// <summary>
/// Declarations anywhere on the page: C# lets a type be used above the block that declares it, and docs do
/// (Polly's proactive-strategy.md shows its strategy class, then the options class it uses, then the extension method
/// that adds both). A block that still fails on unknown names after the earlier-block chains gets, as a session, the
/// blocks of its page that declare what it uses (and what those use), wherever they stand: a session is one program
/// whose types may appear in any block, so it compiles as <c>dotnet run</c> of the block's text and those declarations.
/// A block with statements is taken along only from above the block (a page's <c>Point</c>, shown at work at the
/// top, used 40 blocks later; its top-level locals and local functions count as what it declares), and never two that
/// declare a name of one program twice: of those, the nearest above the block, which is the one the page means.
/// </summary>
internal static partial class SessionChoice
{
    private static readonly CSharpParseOptions Syntax = new(LanguageVersion.Preview);

    /// <summary>
    /// The orders in which the blocks of <paramref name="target"/>'s page that declare anything (and pass alone or fail
    /// on unknown names) are offered to it, each tried in turn (<see cref="Grown"/>) until one passes.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<Block>> DeclaringWays(IReadOnlyList<Block> blocks, Block target, Func<Block, Names> namesOf)
    {
        var line = target.Snippet.Location.Line;
        var page = blocks.Where(b => b.Document == target.Document && b != target && (b.Passes || b.NeedsEarlier)
            && namesOf(b).Declared.Count > 0).ToList();
        // A block with statements runs before the target only when it stands above it. Of two blocks declaring one name
        // (a page that shows a type, then shows it again changed), the one nearest above the target is the one it means,
        // one that compiles alone before one that does not (Humanizer's second EnumUnderTest needs a resource class).
        // Failing that, the first on the page, of those with nothing to execute (the C# standard's many 'delegate void
        // D();': the one the prose sets out for the examples stands below them): the first way that passes is taken.
        return
        [
            [.. page.Where(b => !b.Runs || b.Snippet.Location.Line < line).OrderBy(b => b.Snippet.Location.Line < line ? 0 : 1)
                .ThenBy(b => b.Passes ? 0 : 1).ThenBy(b => Math.Abs(b.Snippet.Location.Line - line))],
            [.. page.Where(b => !b.Runs)],
        ];
    }

    /// <summary>
    /// The target and the blocks of <paramref name="declaring"/>, taken in its order, that declare what the members use and
    /// none declares, until none adds to it; null when none does. A block already in a chain brings the whole chain along.
    /// </summary>
    public static List<Block>? Grown(
        Block target, IReadOnlyList<Block> declaring, IReadOnlyList<Block> blocks, IReadOnlyList<Chain> accepted, Func<Block, Names> namesOf)
    {
        var members = new List<Block> { target };
        for (var grown = true; grown;)
        {
            grown = false;
            var types = members.SelectMany(m => namesOf(m).Types).ToHashSet(StringComparer.Ordinal);
            var declared = members.SelectMany(m => namesOf(m).Declared).ToHashSet(StringComparer.Ordinal);
            var lacking = members.SelectMany(m => namesOf(m).Used).Where(n => !declared.Contains(n)).ToHashSet(StringComparer.Ordinal);
            var lackingBare = members.SelectMany(m => namesOf(m).Bare).Where(n => !declared.Contains(n)).ToHashSet(StringComparer.Ordinal);
            foreach (var block in declaring.Where(b => !members.Contains(b)))
            {
                var own = namesOf(block);
                // A top-level local or local function is read by its bare name ('accumulator.Add' is no call of a local 'Add').
                var wanted = own.Declared.Except(own.TopLevel).Any(lacking.Contains) || own.TopLevel.Overlaps(lackingBare);
                if (!wanted || own.Types.Overlaps(types)) continue;
                var chain = accepted.FirstOrDefault(c => c.Document == target.Document && c.Holds(block.Snippet));
                members.AddRange(chain is null ? [block] : blocks.Where(b => chain.Holds(b.Snippet) && !members.Contains(b)));
                grown = true;
                break;
            }
        }
        return members.Count == 1 ? null : [.. members.OrderBy(m => m.Snippet.Location.Line)];
    }

    /// <summary>
    /// The types, top-level locals and local functions a block declares; those and the methods of its static classes
    /// (extension methods are called by their own name); every simple name it uses; and the namespaces it declares and
    /// imports. The one reader of a block's names for the session passes (this one and <see cref="PageSessions"/>).
    /// </summary>
    public static Names Read(Snippet snippet)
    {
        var root = CSharpSyntaxTree.ParseText(string.Join('\n', snippet.Code.Select(l => l.Text)), Syntax).GetCompilationUnitRoot();
        // A top-level local or local function is one program's too: a later block's statements read it, and two of one name clash.
        var topLevel = root.Members.OfType<GlobalStatementSyntax>().Select(g => g.Statement).SelectMany(s => s switch
        {
            LocalDeclarationStatementSyntax local => local.Declaration.Variables.Select(v => v.Identifier.ValueText),
            LocalFunctionStatementSyntax function => [function.Identifier.ValueText],
            _ => [],
        }).ToHashSet(StringComparer.Ordinal);
        var typeNames = root.DescendantNodes().OfType<BaseTypeDeclarationSyntax>().Select(t => t.Identifier.ValueText)
            .Concat(root.DescendantNodes().OfType<DelegateDeclarationSyntax>().Select(d => d.Identifier.ValueText)).ToList();
        var types = typeNames.Concat(topLevel).ToHashSet(StringComparer.Ordinal);
        var namespaces = root.DescendantNodes().OfType<BaseNamespaceDeclarationSyntax>().Select(n => n.Name.ToString()).ToList();
        var provides = typeNames.Concat(namespaces.SelectMany(n => n.Split('.'))).ToHashSet(StringComparer.Ordinal);
        var declared = root.DescendantNodes().OfType<MethodDeclarationSyntax>()
            .Where(m => m.Parent is ClassDeclarationSyntax c && c.Modifiers.Any(SyntaxKind.StaticKeyword))
            .Select(m => m.Identifier.ValueText).Concat(types).ToHashSet(StringComparer.Ordinal);
        var simple = root.DescendantNodes().OfType<SimpleNameSyntax>().ToList();
        var used = simple.Select(n => n.Identifier.ValueText).ToHashSet(StringComparer.Ordinal);
        var bare = simple
            .Where(n => !(n.Parent is MemberAccessExpressionSyntax access && access.Name == n) && n.Parent is not MemberBindingExpressionSyntax)
            .Select(n => n.Identifier.ValueText).ToHashSet(StringComparer.Ordinal);
        return new Names(types, declared, topLevel, used, bare, provides, namespaces, BlockUsings.Of(root));
    }

    /// <summary>What a block declares and uses, by simple name.</summary>
    /// <param name="Types">Names one program holds once: its types, top-level locals and local functions.</param>
    /// <param name="Declared">Those and the methods of its static classes.</param>
    /// <param name="TopLevel">Its top-level locals and local functions, which other blocks read by their bare name.</param>
    /// <param name="Used">Every simple name it uses.</param>
    /// <param name="Bare">Those not written after a dot.</param>
    /// <param name="Provides">
    /// Its types (not its top-level locals) and each part of its namespaces' names, as a <c>using</c> names them: what a
    /// page session takes it along for.
    /// </param>
    /// <param name="Namespaces">The namespaces it declares.</param>
    /// <param name="Imported">The namespaces it imports.</param>
    public sealed record Names(
        IReadOnlySet<string> Types, IReadOnlySet<string> Declared, IReadOnlySet<string> TopLevel, IReadOnlySet<string> Used,
        IReadOnlySet<string> Bare, IReadOnlySet<string> Provides, IReadOnlyList<string> Namespaces, IReadOnlyList<string> Imported);
}
