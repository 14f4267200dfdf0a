namespace SnippetCheck.MSBuild.Tests;

/// <summary>Which framework's build a multi-targeted library's doc-comment examples run against (docs/msbuild.md).</summary>
public sealed class SelectTargetFrameworkTests
{
    [Theory]
    [InlineData("netstandard2.0;net10.0;net8.0", "net10.0")]
    [InlineData("net10.0;net9.0-windows", "net10.0")]
    [InlineData("net8.0;net10.0-windows", "net8.0")]
    [InlineData("netcoreapp3.1;netstandard2.1", "netcoreapp3.1")]
    [InlineData("net48;netstandard2.0", "netstandard2.0")]
    [InlineData(" net8.0 ; ;net6.0", "net8.0")]
    public void The_highest_dotnet_wins_over_netcoreapp_over_netstandard_and_nothing_with_an_os_suffix(string frameworks, string expected)
    {
        var task = new SelectTargetFramework { TargetFrameworks = frameworks };

        Assert.True(task.Execute());
        Assert.Equal(expected, task.Selected);
    }

    [Theory]
    [InlineData("netstandard2.0;netstandard2.1;net8.0;net9.0", "net10.0", "net9.0", true)]
    [InlineData("net8.0;net10.0;net11.0", "net10.0", "net10.0", true)]
    [InlineData("netstandard2.0;net11.0", "net10.0", "netstandard2.0", true)]
    [InlineData("net48;net9.0-windows", "net10.0", "net9.0-windows", false)]
    public void The_build_is_the_one_a_program_on_the_snippet_framework_consumes_as_nuget_picks_it(string frameworks, string snippetFramework, string expected, bool fits)
    {
        var task = new SelectTargetFramework { TargetFrameworks = frameworks, SnippetFramework = snippetFramework };

        Assert.True(task.Execute());
        Assert.Equal((expected, fits), (task.Selected, task.Fits));
    }

    [Theory]
    [InlineData("netstandard2.0;net10.0;net8.0", "net10.0;net8.0")]
    [InlineData("net8.0;net10.0-windows", "")]
    [InlineData("net6.0;net8.0", "")]
    [InlineData("net10.0", "")]
    public void A_matrix_is_the_dotnet_8_and_later_frameworks_when_there_are_two_or_more(string frameworks, string expected)
    {
        var task = new SelectTargetFramework { TargetFrameworks = frameworks };

        Assert.True(task.Execute());
        Assert.Equal(expected, task.Matrix);
    }
}
