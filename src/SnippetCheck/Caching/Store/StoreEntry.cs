namespace SnippetCheck.Caching.Store;

/// <summary>
/// The recipe of every entry that is slow to make (a restore, a build): look for it; when it is not there, take its lock
/// and look again, since another run may have made it while this one waited; only then make it. Each entry is made once,
/// however many runs (or threads) ask for it at the same time.
/// </summary>
internal static class StoreEntry
{
    /// <param name="lockPath">The entry's lock file (<see cref="StoreLock"/>).</param>
    /// <param name="find">The entry when it is there and whole (<see cref="StoreFile.TryRead"/>), else null.</param>
    /// <param name="make">Makes the entry and writes it (<see cref="StoreFile.Write"/>), or returns a failure it does not keep.</param>
    /// <returns>The entry, and whether it was found rather than made.</returns>
    public static async Task<(T Value, bool Found)> GetOrCreateAsync<T>(string lockPath, TimeSpan lockTimeout, Func<T?> find, Func<Task<T>> make,
        CancellationToken cancellationToken) where T : class
    {
        if (find() is { } kept) return (kept, true);
        using var held = await StoreLock.AcquireAsync(lockPath, lockTimeout, cancellationToken).ConfigureAwait(false);
        if (find() is { } madeMeanwhile) return (madeMeanwhile, true);
        return (await make().ConfigureAwait(false), false);
    }
}
