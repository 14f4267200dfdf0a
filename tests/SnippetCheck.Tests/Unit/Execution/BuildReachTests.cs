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

        var granted = LocalFeeds.Granted(config, folder.Path, checkout: null).ToList();

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

        var reach = ProjectReach.Of(project, Path.Combine(folder.Path, "out"), Checkout.Of(folder.Path, untrusted: false));

        Assert.Contains(Path.Combine(folder.Path, ".editorconfig"), reach.Read);
        Assert.Contains(Path.Combine(folder.Path, "eng"), reach.Read);
        Assert.DoesNotContain(reach.Read, path => path.StartsWith(Path.Combine(folder.Path, ".git"), StringComparison.Ordinal));
        Assert.DoesNotContain(Path.Combine(folder.Path, "keys"), reach.Read);
        Assert.DoesNotContain(folder.Path, reach.Read);
    }

    [Fact]
    public void A_project_at_the_repository_root_is_granted_its_entries_but_git()
    {
        using var folder = new TempFolder();
        folder.Write(".git/config", "[http] extraheader = AUTHORIZATION: basic secret");
        var project = folder.Write("Lib.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />");

        var reach = ProjectReach.Of(project, Path.Combine(folder.Path, "out"), Checkout.Of(folder.Path, untrusted: false));

        Assert.Contains(project, reach.Read);
        Assert.DoesNotContain(folder.Path, reach.Read);
        Assert.DoesNotContain(reach.Read, path => path.StartsWith(Path.Combine(folder.Path, ".git"), StringComparison.Ordinal));
    }

    [Fact]
    public void The_system_home_git_and_above_the_checkout_are_refused_and_a_sibling_only_under_untrusted()
    {
        using var folder = new TempFolder();
        folder.Write("repo/.git/config", "");
        var repo = Path.Combine(folder.Path, "repo");
        var trusted = Checkout.Of(repo, untrusted: false);
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        File.CreateSymbolicLink(Path.Combine(repo, "keys"), Path.Combine(home, ".ssh"));

        Assert.Null(trusted.Refusal(Path.Combine(repo, "src")));
        Assert.Null(trusted.Refusal(Path.Combine(folder.Path, "sibling")));
        Assert.NotNull(Checkout.Of(repo, untrusted: true).Refusal(Path.Combine(folder.Path, "sibling")));
        Assert.Contains(".git", trusted.Refusal(Path.Combine(repo, ".git", "hooks")));
        Assert.Contains("hidden folder of $HOME", trusted.Refusal(Path.Combine(repo, "keys")));
        Assert.Contains("$HOME or a folder above it", trusted.Refusal(home));
        Assert.Contains("system folder /etc", trusted.Refusal("/etc/ssl/private"));
        Assert.Contains("above the checkout", trusted.Refusal(folder.Path));
        Assert.Contains("root", trusted.Refusal("/"));
    }
}
