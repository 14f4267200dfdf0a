using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SnippetCheck.Extraction.Snippets;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Hygiene;

/// <summary>
/// A tag kind's meaning is one row of <c>KindRules</c> (src/SnippetCheck/Extraction/Snippets/SnippetKind.cs): the code that
/// plans, merges, runs and judges a block reads its columns and never asks which kind it is, so a new kind is a row plus
/// its judge case. A check of the source's syntax over all of src/ (the rows themselves are Unit/Extraction/Snippets/KindRulesTests').
/// </summary>
[Trait("Category", "Fast")]
public sealed class KindComparisonTests
{
    /// <summary>
    /// The places that may still ask which kind (or which judge case) a block has, each with how many such tests it holds
    /// (null: any number) and why. A place is a folder (ending in '/') or a file and member ("Results/Judge.cs:Lone"),
    /// under src/. The count is exact: a new comparison in an allowed place fails as one anywhere else; lower it when
    /// you take one away.
    /// </summary>
    private static readonly (string Place, int? Count, string Why)[] Allowed =
    [
        ("SnippetCheck/Results/Judge.cs:Lone", null,
            "the judge's one switch on the judging column: a new way of passing is a case here (docs/architecture.md, \"A tag kind\")"),
        ("SnippetCheck/Results/Judge.cs:Run", 1, "the judge's run path, shared by Run and Throws: a throws block's end is its exception"),
        ("SnippetCheck/Results/Judge.CompileFail.cs:BindsPastSyntax", 1,
            "the judge's compile-fail case asks the compiler for the errors past syntax errors it is judged on"),
        ("SnippetCheck/Adoption/", 8,
            "adopt's output is kinds: it counts its proposals per kind for its report (AdoptFile), chooses a plain run proposal to " +
            "drop and an output fence for a run, and reads check proposals for rot; whether a proposal verifies is the row's " +
            "(AdoptProposal.Verifies, LeftOut)"),
        ("SnippetCheck.Authoring/", 4,
            "the authoring tools see only the core's public surface, where a kind is its enum (the rules table is internal): render " +
            "shows a run's output, outdated skips an ignored block's pins, the editor offers run or compile"),
    ];

    [Fact]
    public void No_code_in_src_compares_kinds_but_the_named_places_it_reads_the_row()
    {
        var compared = Comparisons(RepositoryRoot.PathOf("src"));

        var unexplained = compared.Where(c => Place(c.Where) is null).Select(c => $"{c.Where} (line {c.Line}): {c.Text}").ToList();
        var miscounted = Allowed.Where(a => a.Count is { } count && compared.Count(c => Place(c.Where) == a.Place) != count)
            .Select(a => $"{a.Place}: {compared.Count(c => Place(c.Where) == a.Place)} comparisons, {a.Count} allowed " +
                $"({string.Join("; ", compared.Where(c => Place(c.Where) == a.Place).Select(c => $"{c.Where} line {c.Line}"))})")
            .ToList();
        Assert.True(compared.Count(c => Place(c.Where) == Allowed[0].Place) > 0, "the judge's switch was not found: is the scan blind?");
        Assert.True(unexplained.Count + miscounted.Count == 0,
            (unexplained.Count == 0 ? "" : "kinds compared where a column of KindRules says it:\n" + string.Join('\n', unexplained) + "\n") +
            (miscounted.Count == 0 ? "" : "an allowed place holds another number of kind comparisons than it says:\n" +
                string.Join('\n', miscounted)));
    }

    [Fact]
    public void A_kind_s_word_is_written_only_in_its_row()
    {
        // A const naming a kind's word is a second home of it: a new kind would write its word twice, and a renamed word
        // could be left behind in one of them. Code that needs the word asks the row (kind.ToTag()).
        var words = KindRules.Words;
        var consts = new List<string>();
        var root = RepositoryRoot.PathOf("src");
        foreach (var file in Directory.GetFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            consts.AddRange(CSharpSyntaxTree.ParseText(File.ReadAllText(file)).GetRoot().DescendantNodes().OfType<FieldDeclarationSyntax>()
                .Where(f => f.Modifiers.Any(SyntaxKind.ConstKeyword))
                .SelectMany(f => f.Declaration.Variables)
                .Where(v => v.Initializer?.Value is LiteralExpressionSyntax literal && words.Contains(literal.Token.ValueText))
                .Select(v => $"{Path.GetRelativePath(root, file)} line {v.GetLocation().GetLineSpan().StartLinePosition.Line + 1}: {v}"));
        }
        Assert.True(consts.Count == 0, "a kind's word is a const outside its row:\n" + string.Join('\n', consts));
    }

    /// <summary>The first allowed place <paramref name="where"/> (path under src/ and member) lies in.</summary>
    private static string? Place(string where) =>
        Allowed.Select(a => a.Place).FirstOrDefault(p => p.EndsWith('/') ? where.StartsWith(p, StringComparison.Ordinal) : where == p);

    /// <summary>
    /// Every test of which kind a value is in the C# files under <paramref name="root"/>: 'kind == SnippetKind.Run',
    /// 'judged != KindJudging.Check', 'kind is SnippetKind.Run or …', '{ Judged: KindJudging.Check }', 'case SnippetKind.Run:'
    /// and a switch arm. Choosing a kind ('Kind = SnippetKind.Run', an argument, 'runs ? SnippetKind.Run : …') is no test.
    /// </summary>
    internal static List<(string Where, int Line, string Text)> Comparisons(string root)
    {
        var found = new List<(string, int, string)>();
        foreach (var file in Directory.GetFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            var path = Path.GetRelativePath(root, file).Replace('\\', '/');
            var syntax = CSharpSyntaxTree.ParseText(File.ReadAllText(file)).GetRoot();
            foreach (var kind in syntax.DescendantNodes().Where(IsKindMember))
            {
                var parent = kind.Parent!;
                var tests = parent is BinaryExpressionSyntax binary
                        && binary.Kind() is SyntaxKind.EqualsExpression or SyntaxKind.NotEqualsExpression or SyntaxKind.IsExpression
                    || parent is ConstantPatternSyntax or TypePatternSyntax or CaseSwitchLabelSyntax;
                if (!tests) continue;
                var member = kind.Ancestors().Select(a => a switch
                {
                    MethodDeclarationSyntax m => m.Identifier.ValueText,
                    PropertyDeclarationSyntax p => p.Identifier.ValueText,
                    ConstructorDeclarationSyntax c => c.Identifier.ValueText,
                    _ => null,
                }).FirstOrDefault(n => n is not null) ?? "";
                found.Add(($"{path}:{member}", kind.GetLocation().GetLineSpan().StartLinePosition.Line + 1, parent.ToString()));
            }
        }
        return found;
    }

    /// <summary>'SnippetKind.X' or 'KindJudging.X', as an expression or (after 'is') as a name.</summary>
    private static bool IsKindMember(SyntaxNode node) => node switch
    {
        MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "SnippetKind" or "KindJudging" } } => true,
        QualifiedNameSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: "SnippetKind" or "KindJudging" } } => true,
        _ => false,
    };
}
