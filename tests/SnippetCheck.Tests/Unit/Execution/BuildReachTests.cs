using SnippetCheck.Execution;
using SnippetCheck.References;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Unit.Execution;

/// <summary>
/// What a confined restore and build may read beyond the project (SECURITY.md): a pull request writes the nuget.config
/// and the repository, so neither may name its way into the machine's secrets.
/// </summary>
public sealed class BuildReachTests
{
    [Fact]
    public void A_nuget_config_opens_folders_that_hold_packages_but_never_the_home_folder_or_the_root()
    {
        using var folder = new TempFolder();
        var feed = folder.Write("feed/Some.Package.1.0.0.nupkg", "not really a package");
        var fallback = folder.Write("fallback/some.package/1.0.0/.nupkg.metadata", "{}");
        var empty = Directory.CreateDirectory(Path.Combine(folder.Path, "plain")).FullName;
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var config = $"""
            <configuration>
              <packageSources><add key="feed" value="{Path.GetDirectoryName(feed)}" /><add key="home" value="{home}" /><add key="root" value="/" /></packageSources>
              <fallbackPackageFolders><add key="fb" value="{Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(fallback)))}" /><add key="plain" value="{empty}" /></fallbackPackageFolders>
            </configuration>
            """;

        var granted = BuildSandbox.LocalFeeds(config).ToList();

        Assert.Equal([Path.GetDirectoryName(feed)!, Path.Combine(folder.Path, "fallback")], granted);
    }

    [Fact]
    public void A_build_in_a_repository_reads_all_of_it_but_its_git_folder_and_no_link_out_of_it()
    {
        using var folder = new TempFolder();
        folder.Write(".git/config", "[http] extraheader = AUTHORIZATION: basic secret");
        folder.Write(".editorconfig", "root = true");
        folder.Write("eng/Versions.props", "<Project />");
        var project = folder.Write("src/Lib/Lib.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />");
        File.CreateSymbolicLink(Path.Combine(folder.Path, "keys"), Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));

        var reach = ProjectReach.Of(project, Path.Combine(folder.Path, "out"));

        Assert.Contains(Path.Combine(folder.Path, ".editorconfig"), reach.Read);
        Assert.Contains(Path.Combine(folder.Path, "eng"), reach.Read);
        Assert.DoesNotContain(reach.Read, path => path.StartsWith(Path.Combine(folder.Path, ".git"), StringComparison.Ordinal));
        Assert.DoesNotContain(Path.Combine(folder.Path, "keys"), reach.Read);
        Assert.DoesNotContain(folder.Path, reach.Read);
    }
}
