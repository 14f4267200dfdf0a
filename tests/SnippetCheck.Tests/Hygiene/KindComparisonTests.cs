using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Hygiene;

/// <summary>
/// A tag kind's meaning is one row of <c>KindRules</c> (src/SnippetCheck/Extraction/Snippets/KindRules.cs): the stages that
/// plan, merge, run and judge a block read its columns and never ask which kind it is, so a new kind is a row plus its
/// judge case. A check of the source's syntax (the rows themselves are Unit/Extraction/Snippets/KindRulesTests').
/// </summary>
[Trait("Category", "Fast")]
public sealed class KindComparisonTests
{
    /// <summary>
    /// The files of the planner, the strategies, the stale policy, the judge, the result and the program, which once each
    /// asked "is it run? compile-fail? check?" of a kind.
    /// </summary>
    private static readonly string[] Stages =
    [
        "RunPlanner.cs", "MergePolicy.cs", "MergedStrategy.cs", "AloneStrategy.cs", "SessionStrategy.cs", "StalePolicy.cs",
        "Judge.cs", "Judge.CompileFail.cs", "ResultAssembler.cs", "SnippetResult.cs", "FailureHints.cs", "SnippetProgram.cs",
        "ProgramPins.cs",
    ];

    [Fact]
    public void The_stages_that_plan_and_judge_a_block_compare_no_kind_they_read_its_row()
    {
        var files = Directory.GetFiles(RepositoryRoot.PathOf("src/SnippetCheck"), "*.cs", SearchOption.AllDirectories)
            .Where(f => Stages.Contains(Path.GetFileName(f))).ToList();
        var compared = new List<string>();
        foreach (var file in files)
        {
            var root = CSharpSyntaxTree.ParseText(File.ReadAllText(file)).GetRoot();
            // 'kind == SnippetKind.Run', 'kind is SnippetKind.Run or …', 'case SnippetKind.Run:': a test of which kind it is.
            // Choosing a kind ('Kind = SnippetKind.Run', an argument) is no test and is left alone.
            foreach (var kind in root.DescendantNodes().OfType<MemberAccessExpressionSyntax>()
                .Where(m => m.Expression is IdentifierNameSyntax { Identifier.ValueText: "SnippetKind" }))
            {
                var parent = kind.Parent;
                var tests = parent is BinaryExpressionSyntax binary && binary.Kind() is SyntaxKind.EqualsExpression or SyntaxKind.NotEqualsExpression
                    || parent is ConstantPatternSyntax or CaseSwitchLabelSyntax;
                if (tests) compared.Add($"{Path.GetFileName(file)}:{kind.GetLocation().GetLineSpan().StartLinePosition.Line + 1}: {parent}");
            }
        }

        Assert.True(files.Count >= Stages.Length, $"only {files.Count} of the stages' files were found");
        Assert.True(compared.Count == 0, "kinds compared where a column of KindRules says it:\n" + string.Join('\n', compared));
    }
}
