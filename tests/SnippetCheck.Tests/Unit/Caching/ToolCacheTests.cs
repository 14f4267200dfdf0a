using System.Text;
using SnippetCheck.Caching;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Unit.Caching;

/// <summary>The tool cache, the one store type the authoring tools see: entries by key, their age, and the link-refusing write.</summary>
public sealed class ToolCacheTests
{
    [Fact]
    public void An_entry_is_read_back_by_its_key_and_is_a_miss_once_older_than_the_maximum_age()
    {
        using var folder = new TempFolder();
        var cache = new ToolCache(folder.Path);
        var key = ToolCache.Key([("id", "Newtonsoft.Json"), ("pinned", "12.0.1")]);
        cache.Set("newest", key, Encoding.UTF8.GetBytes("13.0.3"));

        Assert.Equal("13.0.3", cache.TryGet("newest", key, Encoding.UTF8.GetString, TimeSpan.FromDays(1)));
        Assert.Null(cache.TryGet("newest", key, Encoding.UTF8.GetString, TimeSpan.Zero));
        // Parts that read alike joined are different keys.
        Assert.NotEqual(key, ToolCache.Key([("id", "Newtonsoft.Json1"), ("pinned", "2.0.1")]));
    }

    [Fact]
    public void A_key_takes_flags_and_numbers_as_the_store_writes_them_and_refuses_another_kind_of_value()
    {
        Assert.Equal(ToolCache.Key([("line", "12"), ("tagged", "true")]), ToolCache.Key([("line", 12), ("tagged", true)]));
        Assert.NotEqual(ToolCache.Key([("line", 12)]), ToolCache.Key([("line", 13)]));
        Assert.Throws<ArgumentException>(() => ToolCache.Key([("when", DateTime.UnixEpoch)]));
    }

    [Fact]
    public void A_write_below_a_folder_refuses_a_link_there_and_says_why()
    {
        using var folder = new TempFolder();
        var outside = folder.Write("outside/target.html", "mine");
        Directory.CreateDirectory(Path.Combine(folder.Path, "out"));
        File.CreateSymbolicLink(Path.Combine(folder.Path, "out", "a.html"), outside);

        var refused = ToolCache.WriteBelow(Path.Combine(folder.Path, "out"), "a.html", Encoding.UTF8.GetBytes("<p>"));

        Assert.Contains("symbolic link", refused);
        Assert.Equal("mine", File.ReadAllText(outside));
        Assert.Null(ToolCache.WriteBelow(Path.Combine(folder.Path, "out"), "b.html", Encoding.UTF8.GetBytes("<p>")));
    }
}
