using SnippetCheck.References;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Unit.References;

/// <summary>
/// How <c>adopt</c> pins a package it infers: the newest stable version on the folder's sources, read from each HTTP
/// source's flat container, as <c>dotnet package search --exact-match</c> reads it, and kept for the next run. The
/// source here is a real HTTP server on the loopback, named by the folder's own NuGet.Config.
/// </summary>
public sealed class PackageSearchTests
{
    [Fact]
    public async Task The_newest_stable_version_comes_from_the_sources_flat_container_and_a_second_search_asks_nothing()
    {
        using var feed = new LoopbackFeed(new Dictionary<string, string[]> { ["bogus"] = ["34.0.2", "35.6.5", "35.10.0-rc.1"] });
        using var folder = FolderOn(feed);
        var cache = Path.Combine(folder.Path, "cache");

        var search = new PackageSearch(cache);
        Assert.Equal("35.6.5", await search.LatestStableAsync("Bogus", folder.Path, CancellationToken.None));
        Assert.Null(await search.LatestStableAsync("Nothing.Like.It", folder.Path, CancellationToken.None));
        Assert.Contains("/flat/bogus/index.json", feed.Requests);
        Assert.Contains("/flat/nothing.like.it/index.json", feed.Requests);
        // One service index for both IDs: asked in this process, not by a 'dotnet package search' per ID.
        Assert.Single(feed.Requests, r => r == "/v3/index.json");

        var asked = feed.Requests.Count;
        var again = new PackageSearch(cache);
        Assert.Equal("35.6.5", await again.LatestStableAsync("Bogus", folder.Path, CancellationToken.None));
        Assert.Null(await again.LatestStableAsync("Nothing.Like.It", folder.Path, CancellationToken.None));
        Assert.Equal(asked, feed.Requests.Count);
    }

    [Fact]
    public async Task A_kept_answer_older_than_the_max_age_is_asked_again_and_previews_are_listed_only_when_asked_for()
    {
        using var feed = new LoopbackFeed(new Dictionary<string, string[]> { ["bogus"] = ["34.0.2", "35.6.5", "35.10.0-rc.1"] });
        using var folder = FolderOn(feed);
        var cache = Path.Combine(folder.Path, "cache");
        var day = TimeSpan.FromDays(1);

        var first = new PackageSearch(cache, day);
        Assert.Equal(["35.10.0-rc.1", "35.6.5", "34.0.2"], await first.VersionsAsync("Bogus", folder.Path, prerelease: true, CancellationToken.None));
        Assert.Equal(["35.6.5", "34.0.2"], await first.VersionsAsync("Bogus", folder.Path, prerelease: false, CancellationToken.None));
        Assert.True(first.Requests > 0);

        // Within the day: no request at all.
        var sameDay = new PackageSearch(cache, day);
        Assert.Equal("35.6.5", await sameDay.LatestStableAsync("Bogus", folder.Path, CancellationToken.None));
        Assert.Equal(0, sameDay.Requests);

        // A day later the sources are asked again, and a new release is seen.
        foreach (var kept in Directory.GetFiles(Path.Combine(cache, "search"))) File.SetLastWriteTimeUtc(kept, DateTime.UtcNow.AddDays(-2));
        feed.Versions["bogus"] = ["34.0.2", "35.6.5", "36.0.0"];
        var nextDay = new PackageSearch(cache, day);
        Assert.Equal("36.0.0", await nextDay.LatestStableAsync("Bogus", folder.Path, CancellationToken.None));
        Assert.True(nextDay.Requests > 0);
    }

    [Fact]
    public void The_newest_stable_version_is_the_highest_without_a_prerelease_label()
    {
        Assert.Equal("10.0.0", PackageSearch.NewestStable(["9.0.0", "10.0.0", "10.1.0-preview.1", "not-a-version"]));
        Assert.Null(PackageSearch.NewestStable(["1.0.0-beta"]));
        Assert.Null(PackageSearch.NewestStable([]));
        Assert.Equal(["11.0.0", "10.0.15", "9.0.0"], PackageSearch.StableNewestFirst(["9.0.0", "11.0.0", "10.0.15", "11.0.0", "12.0.0-preview.1"]));
        // A preview sorts just below its release, above the release before.
        Assert.Equal(["10.0.0", "10.0.0-rc.1", "10.0.0-preview.7", "9.0.0"], PackageSearch.NewestFirst(["10.0.0-preview.7", "9.0.0", "10.0.0", "10.0.0-rc.1"]));
    }

    /// <summary>A folder whose NuGet.Config names <paramref name="feed"/> as its only source.</summary>
    private static TempFolder FolderOn(LoopbackFeed feed)
    {
        var folder = new TempFolder();
        feed.WriteConfig(folder.Path);
        return folder;
    }
}
