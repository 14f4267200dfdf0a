using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SnippetCheck.Driver;
using SnippetCheck.Extraction.Snippets;
using SnippetCheck.Model;

namespace SnippetCheck.Adoption.Inference;

/// <summary>
/// Declarations anywhere on the page (issue 54): C# lets a type be used above the block that declares it, and docs do
/// (Polly's proactive-strategy.md shows its strategy class, then the options class it uses, then the extension method
/// that adds both). A block that still fails on unknown names after the earlier-block chains gets, as a session, the
/// blocks of its page that declare what it uses (and what those use), wherever they stand: a session is one program
/// whose types may appear in any block, so it compiles as <c>dotnet run</c> of the block's text and those declarations.
/// A block with statements is taken along only from above the block (issue 77: a page's <c>Point</c>, shown at work at the
/// top, used 40 blocks later; its top-level locals and local functions count as what it declares), and never two that
/// declare a name of one program twice: of those, the nearest above the block, which is the one the page means.
/// </summary>
internal static partial class SessionInference
{
    private static readonly CSharpParseOptions Syntax = new(LanguageVersion.Preview);

    /// <summary>Rounds: a block whose declarations a chain of this pass took brings that chain along in the next.</summary>
    private const int DeclarationRounds = 2;

    private static async Task WithDeclarationsAnywhereAsync(
        Verifier verifier, IReadOnlyList<Block> blocks, List<Block> pending, List<Chain> accepted, CancellationToken cancellationToken)
    {
        var names = new Dictionary<SourceLocation, (IReadOnlySet<string> Types, IReadOnlySet<string> Declared, IReadOnlySet<string> Used)>();
        (IReadOnlySet<string> Types, IReadOnlySet<string> Declared, IReadOnlySet<string> Used) NamesOf(Block block) =>
            names.TryGetValue(block.Snippet.Location, out var known) ? known : names[block.Snippet.Location] = Read(block.Snippet);
        for (var round = 0; round < DeclarationRounds && pending.Count > 0; round++)
        {
            var candidates = new List<(Block Target, IReadOnlyList<Block> Members)>();
            foreach (var target in pending)
            {
                // A block with statements runs before the target only when it stands above it. Of two blocks declaring one name
                // (a page that shows a type, then shows it again changed), the one nearest above the target is the one it means.
                var line = target.Snippet.Location.Line;
                var declaring = blocks.Where(b => b.Document == target.Document && b != target && (!b.Runs || b.Snippet.Location.Line < line)
                        && (b.Passes || b.NeedsEarlier) && NamesOf(b).Declared.Count > 0)
                    .OrderBy(b => b.Snippet.Location.Line < line ? 0 : 1).ThenBy(b => Math.Abs(b.Snippet.Location.Line - line)).ToList();
                var members = new List<Block> { target };
                // What the members use and none declares, until no declaring block adds to it.
                for (var grown = true; grown;)
                {
                    grown = false;
                    var types = members.SelectMany(m => NamesOf(m).Types).ToHashSet(StringComparer.Ordinal);
                    var lacking = members.SelectMany(m => NamesOf(m).Used)
                        .Except(members.SelectMany(m => NamesOf(m).Declared), StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal);
                    foreach (var block in declaring.Where(b => !members.Contains(b)))
                    {
                        if (!NamesOf(block).Declared.Overlaps(lacking) || NamesOf(block).Types.Overlaps(types)) continue;
                        // A block already in a chain brings the whole chain along.
                        var chain = accepted.FirstOrDefault(c => c.Document == target.Document && c.Holds(block.Snippet));
                        members.AddRange(chain is null ? [block] : blocks.Where(b => chain.Holds(b.Snippet) && !members.Contains(b)));
                        grown = true;
                        break;
                    }
                }
                if (members.Count == 1) continue;
                var ordered = members.OrderBy(m => m.Snippet.Location.Line).ToList();
                // Two blocks needing the same declarations: one session holds both, tried once.
                if (candidates.Any(c => c.Members.SequenceEqual(ordered))) continue;
                candidates.Add((target, ordered));
            }
            if (candidates.Count == 0) return;
            await AcceptAsync(verifier, candidates, accepted, cancellationToken).ConfigureAwait(false);
            pending.RemoveAll(p => accepted.Any(c => c.Holds(p.Snippet)));
        }
    }

    /// <summary>
    /// The types, top-level locals and local functions a block declares; those and the methods of its static classes
    /// (extension methods are called by their own name); and every simple name it uses.
    /// </summary>
    private static (IReadOnlySet<string> Types, IReadOnlySet<string> Declared, IReadOnlySet<string> Used) Read(Snippet snippet)
    {
        var root = CSharpSyntaxTree.ParseText(string.Join('\n', snippet.Code.Select(l => l.Text)), Syntax).GetCompilationUnitRoot();
        // A top-level local or local function is one program's too: a later block's statements read it, and two of one name clash.
        var topLevel = root.Members.OfType<GlobalStatementSyntax>().Select(g => g.Statement).SelectMany(s => s switch
        {
            LocalDeclarationStatementSyntax local => local.Declaration.Variables.Select(v => v.Identifier.ValueText),
            LocalFunctionStatementSyntax function => [function.Identifier.ValueText],
            _ => [],
        });
        var types = root.DescendantNodes().OfType<BaseTypeDeclarationSyntax>().Select(t => t.Identifier.ValueText)
            .Concat(root.DescendantNodes().OfType<DelegateDeclarationSyntax>().Select(d => d.Identifier.ValueText))
            .Concat(topLevel).ToHashSet(StringComparer.Ordinal);
        var declared = root.DescendantNodes().OfType<MethodDeclarationSyntax>()
            .Where(m => m.Parent is ClassDeclarationSyntax c && c.Modifiers.Any(SyntaxKind.StaticKeyword))
            .Select(m => m.Identifier.ValueText).Concat(types).ToHashSet(StringComparer.Ordinal);
        var used = root.DescendantNodes().OfType<SimpleNameSyntax>().Select(n => n.Identifier.ValueText).ToHashSet(StringComparer.Ordinal);
        return (types, declared, used);
    }
}
