using NuGet.Frameworks;
using SnippetCheck.References;

namespace SnippetCheck.Tests.Unit.References;

/// <summary>
/// Issue 56: the framework a library is built for, for snippets on a given .NET, is the one NuGet would give a project
/// reference from that .NET (<see cref="FrameworkReducer.GetNearest"/>); the tool and the MSBuild task share the rule.
/// </summary>
public sealed class NearestFrameworkTests
{
    [Theory]
    [InlineData("net10.0", "netstandard2.0;netstandard2.1;net8.0;net9.0", "net9.0")]
    [InlineData("net10.0", "netstandard2.0;net9.0", "net9.0")]
    [InlineData("net10.0", "netstandard2.0", "netstandard2.0")]
    [InlineData("net10.0", "netstandard2.0;netstandard2.1", "netstandard2.1")]
    [InlineData("net10.0", "netcoreapp3.1;netstandard2.1", "netcoreapp3.1")]
    [InlineData("net10.0", "net48;netstandard2.0", "netstandard2.0")]
    [InlineData("net10.0", "net8.0;net10.0-windows", "net8.0")]
    [InlineData("net10.0", "net10.0;net11.0", "net10.0")]
    [InlineData("net8.0", "netstandard2.0;net9.0", "netstandard2.0")]
    [InlineData("net9.0", "net8.0;net9.0;net10.0", "net9.0")]
    [InlineData("net10.0", "net48", null)]
    [InlineData("net10.0", "net9.0-windows;net472", null)]
    [InlineData("net8.0", "net9.0;net10.0", null)]
    [InlineData("net10.0", "netstandard3.0;portable-net45+win8", null)]
    public void Picks_what_NuGet_picks(string consumer, string listed, string? expected)
    {
        var frameworks = listed.Split(';');

        Assert.Equal(expected, NearestFramework.For(consumer, frameworks));
        Assert.Equal(expected, NuGets(consumer, frameworks));
    }

    [Fact]
    public void Agrees_with_NuGet_on_every_pair_of_common_frameworks()
    {
        string[] common = ["net10.0", "net9.0", "net8.0", "net6.0", "net5.0", "netcoreapp3.1", "netcoreapp2.1", "netstandard2.1", "netstandard2.0",
            "netstandard1.6", "net48", "net462", "net9.0-windows", "net8.0-android"];
        foreach (var consumer in new[] { "net8.0", "net9.0", "net10.0" })
        {
            foreach (var first in common)
            {
                foreach (var second in common)
                {
                    string[] listed = [first, second];
                    Assert.True(NuGets(consumer, listed) == NearestFramework.For(consumer, listed), $"{consumer} consuming {first};{second}");
                }
            }
        }
    }

    [Fact]
    public void Without_a_consumer_the_newest_dotnet_is_taken()
    {
        Assert.Equal("net11.0", NearestFramework.For(null, ["netstandard2.0", "net11.0", "net9.0"]));
        Assert.Null(NearestFramework.For(null, ["net48"]));
    }

    /// <summary>NuGet's own answer: the nearest of the listed frameworks a project on <paramref name="consumer"/> may reference.</summary>
    private static string? NuGets(string consumer, IEnumerable<string> listed)
    {
        var byParsed = listed.Select(name => (Name: name, Parsed: NuGetFramework.Parse(name))).ToList();
        var nearest = new FrameworkReducer().GetNearest(NuGetFramework.Parse(consumer), byParsed.Select(f => f.Parsed));
        return nearest is null ? null : byParsed.First(f => f.Parsed.Equals(nearest)).Name;
    }
}
