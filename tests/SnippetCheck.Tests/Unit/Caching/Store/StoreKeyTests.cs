using System.Text;
using SnippetCheck.Caching.Store;

namespace SnippetCheck.Tests.Unit.Caching.Store;

public sealed class StoreKeyTests
{
    [Fact]
    public void Parts_that_read_alike_when_joined_make_different_keys()
    {
        Assert.NotEqual(new StoreKey().Add("part", "ab").Add("part", "c").Hash(), new StoreKey().Add("part", "a").Add("part", "bc").Hash());
        // Where the label ends and the value starts.
        Assert.NotEqual(new StoreKey().Add("ab", "c").Hash(), new StoreKey().Add("a", "bc").Hash());
        // A separator inside a value does not split it.
        Assert.NotEqual(new StoreKey().Add("a", "x|b=y").Hash(), new StoreKey().Add("a", "x").Add("b", "y").Hash());
        Assert.NotEqual(new StoreKey().Add("a", "1:x\n").Add("b", "").Hash(), new StoreKey().Add("a", "1:x\n2:b=0:").Hash());
        Assert.NotEqual(new StoreKey().Add("a", (string?)null).Hash(), new StoreKey().Add("a", "").Hash());
        Assert.NotEqual(new StoreKey().Add("a", "xy").Hash(), new StoreKey().Add("a", "xy"u8).Hash());
    }

    [Fact]
    public void The_same_parts_make_the_same_key_however_long_they_are()
    {
        var large = new string('é', 100_000);
        string Key() => new StoreKey().Add("large", large).Add("file", Encoding.UTF8.GetBytes(large)).Add("after", "end").Hash();

        Assert.Equal(Key(), Key());
        Assert.Equal(64, Key().Length);
        // Hashed in pieces as it grew, yet the hash of the whole text: a piece never ends inside a character.
        Assert.Equal(ContentHash.Of($"5:large=100000:{large}\n"), new StoreKey().Add("large", large).Hash());
        Assert.NotEqual(Key(), new StoreKey().Add("large", large).Add("file", Encoding.UTF8.GetBytes(large + "!")).Add("after", "end").Hash());
    }

    [Fact]
    public void A_folder_name_is_the_start_of_the_key()
    {
        var key = new StoreKey().Add("a", "b").Hash();
        Assert.Equal(key[..16], StoreKey.FolderName(key));
    }
}
