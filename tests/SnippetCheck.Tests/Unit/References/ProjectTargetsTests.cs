using SnippetCheck.References;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Unit.References;

/// <summary>The one reading of a project's <c>TargetFrameworks</c>: the project build's <c>-f</c> and a library's matrix.</summary>
public sealed class ProjectTargetsTests
{
    [Theory]
    [InlineData("<TargetFrameworks>net8.0;netstandard2.0; net10.0 ;net6.0</TargetFrameworks>", true, "net8.0,net10.0")]
    [InlineData("<targetframeworks>net9.0</targetframeworks>", true, "net9.0")]
    [InlineData("<TargetFramework>net10.0</TargetFramework>", false, "")]
    [InlineData("", false, "")]
    public void A_listed_framework_makes_a_project_multi_targeted_and_the_supported_ones_its_matrix(string property, bool multiTargeted, string supported)
    {
        using var folder = new TempFolder();
        folder.Write("Lib.csproj", $"<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup>{property}</PropertyGroup></Project>");
        var project = Path.Combine(folder.Path, "Lib.csproj");

        Assert.Equal(multiTargeted, ProjectTargets.IsMultiTargeted(project));
        Assert.Equal(supported, string.Join(",", ProjectTargets.Supported(project).Select(f => f.Moniker)));
    }

    [Fact]
    public void A_project_that_cannot_be_read_lists_nothing()
    {
        var missing = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "Lib.csproj");
        Assert.False(ProjectTargets.IsMultiTargeted(missing));
        Assert.Empty(ProjectTargets.Supported(missing));
    }
}
