using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Hygiene;

/// <summary>What a stage hands the next: data, not the objects that made it (review3 items 6 and 8).</summary>
public sealed partial class ArchitectureTests
{
    /// <summary>
    /// <c>Driver/</c> is the façade: a run's machinery (a pass's plan, its <c>VerificationRun</c>, the compiler's warm-up) is
    /// the engine's, so adopt's trials go through <c>Engine/Scheduling/TrialRun</c> as a verify goes through <c>MatrixRun</c>.
    /// </summary>
    [Fact]
    public void The_facade_builds_no_pass_of_a_run_itself()
    {
        string[] machinery =
        [
            "SnippetCheck.Engine.Scheduling.VerificationRun", "SnippetCheck.Engine.Scheduling.RunPlan", "SnippetCheck.Compilation.CompilerWarmUp",
        ];

        var (seen, wrong) = NamesOf("SnippetCheck.Driver", full => machinery.Contains(full));

        Assert.True(seen > 50, $"only {seen} names in Driver/ were seen: is the source being bound?");
        Assert.True(wrong.Count == 0, "the façade (Driver/) carries out a run's pass itself:\n" + string.Join('\n', wrong));
    }

    /// <summary>
    /// A block's proposal is decided from data (<c>Decisions/TrialResults</c>, keyed by the block's place), never from the
    /// passes that found it (<c>CompileTrials</c>, <c>RunTrials</c>, <c>FallbackTrials</c>): so a decision is tested by building
    /// that data (Unit/Adoption/Decisions), without running the passes through the seam.
    /// </summary>
    [Fact]
    public void The_decisions_read_the_trials_results_not_the_passes()
    {
        var (seen, wrong) = NamesOf(
            "SnippetCheck.Adoption.Decisions", full => full.StartsWith("SnippetCheck.Adoption.Trials.", StringComparison.Ordinal));

        Assert.True(seen > 50, $"only {seen} names in Decisions/ were seen: is the source being bound?");
        Assert.True(wrong.Count == 0, "the decisions read adopt's passes instead of their results:\n" + string.Join('\n', wrong));
    }

    /// <summary>How many type names the files of namespace <paramref name="ns"/> use, and where one is <paramref name="wrong"/>.</summary>
    private static (int Seen, SortedSet<string> Wrong) NamesOf(string ns, Func<string, bool> wrong)
    {
        var compilation = Core.Value;
        var seen = 0;
        var found = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var tree in compilation.SyntaxTrees)
        {
            var declared = ((CompilationUnitSyntax)tree.GetRoot()).DescendantNodes().OfType<BaseNamespaceDeclarationSyntax>().FirstOrDefault()
                ?.Name.ToString();
            if (declared != ns) continue;
            var model = compilation.GetSemanticModel(tree);
            foreach (var name in tree.GetRoot().DescendantNodes().OfType<SimpleNameSyntax>())
            {
                var symbol = model.GetSymbolInfo(name).Symbol;
                if ((symbol as INamedTypeSymbol ?? symbol?.ContainingType) is not { } type) continue;
                seen++;
                if (!wrong(type.OriginalDefinition.ToDisplayString())) continue;
                var line = name.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
                found.Add($"{Path.GetRelativePath(RepositoryRoot.PathOf("src"), tree.FilePath)}:{line}: {type.ToDisplayString()}");
            }
        }
        return (seen, found);
    }
}
