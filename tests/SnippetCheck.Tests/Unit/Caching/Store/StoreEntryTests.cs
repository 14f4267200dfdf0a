using System.Text;
using SnippetCheck.Caching.Store;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Unit.Caching.Store;

public sealed class StoreEntryTests
{
    [Fact]
    public async Task Two_callers_asking_for_a_missing_entry_at_once_make_it_once()
    {
        using var folder = new TempFolder();
        var entry = Path.Combine(folder.Path, "entry", "value.txt");
        var made = 0;
        using var start = new Barrier(2);

        Task<(string Value, bool Found)> Ask() => Task.Run(() =>
        {
            start.SignalAndWait();
            return StoreEntry.GetOrCreateAsync(Path.Combine(folder.Path, "entry", ".lock"), TimeSpan.FromMinutes(1),
                () => StoreFile.TryRead(entry, Encoding.UTF8.GetString),
                async () =>
                {
                    Interlocked.Increment(ref made);
                    // Long enough that the other caller looks while this one is still making.
                    await Task.Delay(500);
                    StoreFile.Write(entry, "made"u8);
                    return "made";
                },
                CancellationToken.None);
        });
        var answers = await Task.WhenAll(Ask(), Ask());

        Assert.Equal(1, made);
        Assert.All(answers, a => Assert.Equal("made", a.Value));
        Assert.Equal([false, true], answers.Select(a => a.Found).Order());
    }

    [Fact]
    public async Task An_entry_that_is_there_is_found_without_being_made()
    {
        using var folder = new TempFolder();
        var entry = Path.Combine(folder.Path, "value.txt");
        StoreFile.Write(entry, "kept"u8);

        var (value, found) = await StoreEntry.GetOrCreateAsync(Path.Combine(folder.Path, ".lock"), TimeSpan.FromMinutes(1),
            () => StoreFile.TryRead(entry, Encoding.UTF8.GetString), () => throw new InvalidOperationException("made again"), CancellationToken.None);

        Assert.Equal(("kept", true), (value, found));
    }

    [Fact]
    public async Task A_lock_held_elsewhere_makes_the_next_caller_wait_for_it()
    {
        using var folder = new TempFolder();
        var lockPath = Path.Combine(folder.Path, ".lock");
        var held = await StoreLock.AcquireAsync(lockPath, TimeSpan.FromSeconds(5), CancellationToken.None);
        var waiting = StoreLock.AcquireAsync(lockPath, TimeSpan.FromSeconds(5), CancellationToken.None);
        await Task.Delay(500);
        Assert.False(waiting.IsCompleted, "a second lock was taken while the first was held");

        held.Dispose();
        (await waiting).Dispose();
    }
}
