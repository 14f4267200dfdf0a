using SnippetCheck.Caching.Store;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Unit.Caching.Store;

public sealed class StoreFileTests
{
    [Fact]
    public async Task A_reader_sees_the_old_file_or_the_new_one_never_part_of_either()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "entry.bin");
        const int Size = 1024 * 1024;
        byte[] Filled(byte b) => Enumerable.Repeat(b, Size).ToArray();
        byte[][] contents = [Filled((byte)'a'), Filled((byte)'b')];
        StoreFile.Write(path, contents[0]);

        using var stop = new CancellationTokenSource();
        var writer = Task.Run(() =>
        {
            for (var i = 1; !stop.IsCancellationRequested; i++) StoreFile.Write(path, contents[i % 2]);
        });
        var reads = 0;
        var torn = new List<string>();
        for (var deadline = DateTime.UtcNow.AddSeconds(2); DateTime.UtcNow < deadline; reads++)
        {
            var read = File.ReadAllBytes(path);
            if (read.Length != Size || read.AsSpan().IndexOfAnyExcept(read[0]) >= 0) torn.Add($"{read.Length} bytes");
        }
        await stop.CancelAsync();
        await writer;

        Assert.True(reads > 10, $"only {reads} reads");
        Assert.Empty(torn);
        Assert.Equal(["entry.bin"], Directory.GetFiles(folder.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void A_write_that_fails_leaves_the_old_file_and_no_temporary_one()
    {
        using var folder = new TempFolder();
        // A folder where the file should go: the rename fails.
        var path = Path.Combine(folder.Path, "entry");
        Directory.CreateDirectory(path);
        File.WriteAllText(Path.Combine(path, "inside"), "old");

        Assert.ThrowsAny<IOException>(() => StoreFile.Write(path, "new"u8));

        Assert.Equal(["entry"], Directory.GetFileSystemEntries(folder.Path).Select(Path.GetFileName));
        Assert.Equal("old", File.ReadAllText(Path.Combine(path, "inside")));
    }

    [Fact]
    public async Task A_folder_whose_filling_fails_is_not_there_at_all()
    {
        using var folder = new TempFolder();
        var target = Path.Combine(folder.Path, "runner");

        await Assert.ThrowsAsync<InvalidOperationException>(() => StoreFile.ReplaceFolderAsync(target, async building =>
        {
            await File.WriteAllTextAsync(Path.Combine(building, "half"), "written");
            throw new InvalidOperationException("the build failed");
        }));
        Assert.Empty(Directory.GetFileSystemEntries(folder.Path));

        await StoreFile.ReplaceFolderAsync(target, building => File.WriteAllTextAsync(Path.Combine(building, "whole"), "written"));
        Assert.Equal(["whole"], Directory.GetFiles(target).Select(Path.GetFileName));
    }

    [Fact]
    public void A_missing_or_unreadable_entry_is_a_miss()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "entry.json");
        Assert.Null(StoreFile.TryRead(path, bytes => System.Text.Json.JsonSerializer.Deserialize<string[]>(bytes)));

        File.WriteAllText(path, "[\"torn");
        Assert.Null(StoreFile.TryRead(path, bytes => System.Text.Json.JsonSerializer.Deserialize<string[]>(bytes)));
    }
}
