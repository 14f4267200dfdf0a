namespace SnippetCheck.Caching.Store;

/// <summary>
/// An exclusive lock on a file, across processes and within one: two snippetcheck runs (or an IDE build and a CI step)
/// never make the same entry at once. Held by an open handle, so it is released when the process dies, however it dies.
/// </summary>
internal sealed class StoreLock : IDisposable
{
    private readonly FileStream _stream;

    private StoreLock(FileStream stream) => _stream = stream;

    public static async Task<StoreLock> AcquireAsync(string path, TimeSpan timeout, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                return new StoreLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken).ConfigureAwait(false);
            }
            catch (IOException e)
            {
                throw new IOException($"another process has held '{path}' for more than {timeout.TotalMinutes:0} minutes; is a restore stuck?", e);
            }
        }
    }

    public void Dispose() => _stream.Dispose();
}
