using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Hygiene;

/// <summary>
/// The fast tier is <c>Unit/</c> (README): a test there runs in process, so it starts no CLI and no whole <c>adopt</c>,
/// which compile and run every candidate for seconds to minutes. Such a test belongs in <c>Cli/</c> (a CLI run) or
/// <c>EndToEnd/</c> (a whole in-process run), which the whole suite and CI run; an adoption rule is tested against
/// canned trial results (Unit/Adoption/CannedTrials). A check of the tests' syntax.
/// </summary>
[Trait("Category", "Fast")]
public sealed class UnitTierTests
{
    /// <summary>Names whose use starts the CLI, a whole adopt or a process: the CLI runner, the adopt-and-verify harnesses, a process.</summary>
    private static readonly string[] Starts = ["CliRunner", "AdoptInProcess", "ProcessStartInfo"];

    /// <summary>Calls that run a whole adopt or a process, as <c>Type.Member</c>.</summary>
    private static readonly string[] Runs = ["Adopter.RunAsync", "AdoptReport.RunAsync", "Process.Start"];

    /// <summary>The slow tiers' namespaces, whose helpers run the CLI or a whole adopt.</summary>
    private static readonly string[] SlowTiers = ["SnippetCheck.Tests.Cli", "SnippetCheck.Tests.EndToEnd"];

    [Fact]
    public void No_unit_test_runs_the_cli_or_a_whole_adopt()
    {
        var unit = RepositoryRoot.PathOf("tests/SnippetCheck.Tests/Unit");
        var found = new List<string>();
        foreach (var file in Directory.GetFiles(unit, "*.cs", SearchOption.AllDirectories))
        {
            var root = CSharpSyntaxTree.ParseText(File.ReadAllText(file)).GetRoot();
            var at = Path.GetRelativePath(unit, file).Replace(Path.DirectorySeparatorChar, '/');
            foreach (var node in root.DescendantNodes())
            {
                var what = node switch
                {
                    IdentifierNameSyntax name when Starts.Contains(name.Identifier.ValueText) => name.Identifier.ValueText,
                    MemberAccessExpressionSyntax member when Runs.Contains($"{Last(member.Expression)}.{member.Name.Identifier.ValueText}") =>
                        member.ToString(),
                    QualifiedNameSyntax qualified when SlowTiers.Any(
                        t => qualified.ToString() == t || qualified.ToString().StartsWith(t + ".", StringComparison.Ordinal)) => qualified.ToString(),
                    _ => null,
                };
                if (what is not null) found.Add($"Unit/{at}:{node.GetLocation().GetLineSpan().StartLinePosition.Line + 1}: {what}");
            }
        }

        var files = found.Select(f => f[..f.IndexOf(':', StringComparison.Ordinal)]).Distinct().Count();
        Assert.True(found.Count == 0, $"{found.Count} uses in {files} Unit/ files run the CLI or a whole adopt " +
            "(move the test to Cli/ or EndToEnd/, or test the rule against canned results):\n" + string.Join('\n', found));
    }

    /// <summary>The last name of <c>a.b.Adopter</c>, so a qualified call is found too.</summary>
    private static string Last(ExpressionSyntax expression) => expression switch
    {
        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
        SimpleNameSyntax name => name.Identifier.ValueText,
        _ => "",
    };
}
