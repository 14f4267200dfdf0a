using System.Text.RegularExpressions;
using SnippetCheck.MSBuild.Tests.Infrastructure;

namespace SnippetCheck.MSBuild.Tests;

/// <summary>
/// Issue 56 through the build: a library whose TargetFrameworks lack the newest .NET (tests/OlderTargetsLibrary,
/// <c>netstandard2.0;net9.0</c>) checks its doc-comment examples against the build its snippet framework consumes
/// (<c>SnippetCheckSnippetFramework</c>, the SDK's .NET by default), and a rotten example fails the build.
/// </summary>
[Trait("Category", "EndToEnd")]
[TakesSeconds(73)]
public sealed class OlderTargetsBuildTests
{
    [Fact]
    public void A_netstandard_and_net9_library_checks_its_examples_against_net9_or_the_build_the_snippet_framework_property_consumes()
    {
        using var project = PackedPackage.Instance.CreateProject("older-targets",
            "<TargetFrameworks>netstandard2.0;net9.0</TargetFrameworks><LangVersion>latest</LangVersion><ImplicitUsings>enable</ImplicitUsings>"
            + "<Nullable>enable</Nullable><SnippetCheckDocComments>true</SnippetCheckDocComments>");
        var totals = File.ReadAllText(Path.Combine(Dotnet.RepositoryRoot, "tests", "OlderTargetsLibrary", "Totals.cs"));
        project.Write("Totals.cs", totals);

        // The examples run on net10.0 against the net9.0 build: the one that prints the build says so.
        var built = project.Build();
        Assert.True(built.ExitCode == 0, built.ToString());
        Assert.Contains("3 passed, 0 failed", built.Output);

        // Examples said to run on net8.0 get the build a net8.0 program consumes: netstandard2.0.
        var older = project.Build("-p:SnippetCheckSnippetFramework=net8.0");
        Assert.NotEqual(0, older.ExitCode);
        Assert.True(Regex.IsMatch(older.Output, @"Totals\.cs\(12,9\): error SC2001: output differs"), older.Output);
        Assert.Contains("+ netstandard2.0", older.Output);

        // A rotten claim fails the plain build at its output block.
        project.Write("Totals.cs", totals.Replace("/// 1, 3, 6, 10", "/// 1, 3, 6, 11", StringComparison.Ordinal));
        var rotten = project.Build();
        Assert.NotEqual(0, rotten.ExitCode);
        Assert.True(Regex.IsMatch(rotten.Output, @"Totals\.cs\(38,9\): error SC2001: output differs"), rotten.Output);
        Assert.Contains("+ 1, 3, 6, 10", rotten.Output);
    }
}
