namespace SnippetCheck.Caching.Store;

/// <summary>
/// A test seam, and nothing else reads its variable: with <c>SNIPPETCHECK_TEST_HOLD_REPLACE=POINT:N:FILE</c>, the Nth
/// replace of a user's file in this process (a post <c>--accept</c> or <c>adopt --write</c> rewrites) stops at POINT
/// (<see cref="MidWrite"/>: half of the new bytes are in the temporary file, on the disk; <see cref="BeforeRename"/>: all
/// of them, not yet renamed into place), creates FILE to say it is there, and waits to be killed. AcceptKillTests kills
/// the tool at exactly that moment, so a rewrite is proved atomic on a fast machine as on a slow one; a kill at a random
/// moment lands before or after the short write window on most machines.
/// </summary>
internal sealed class ReplaceHold
{
    /// <summary>Half of the new bytes are written to the temporary file.</summary>
    public const string MidWrite = "mid-write";

    /// <summary>The temporary file is whole and on the disk; the rename has not happened.</summary>
    public const string BeforeRename = "before-rename";

    private static readonly string[]? Asked = Environment.GetEnvironmentVariable("SNIPPETCHECK_TEST_HOLD_REPLACE")?.Split(':', 3);
    private static int _replaces;

    private readonly string _point, _signal;

    private ReplaceHold(string point, string signal) => (_point, _signal) = (point, signal);

    /// <summary>The hold for the replace about to start, when the variable asks for this one; else null.</summary>
    public static ReplaceHold? ForNext() =>
        Asked is [var point, var nth, var signal]
        && Interlocked.Increment(ref _replaces) == int.Parse(nth, System.Globalization.CultureInfo.InvariantCulture)
            ? new ReplaceHold(point, signal)
            : null;

    /// <summary>At <paramref name="point"/>, if it is the one asked for: says so and never returns.</summary>
    /// <param name="written">The temporary file being written, flushed to the disk first, as a crash there would find it.</param>
    public void At(string point, FileStream? written)
    {
        if (point != _point) return;
        written?.Flush(flushToDisk: true);
        File.WriteAllText(_signal, point);
        Thread.Sleep(Timeout.Infinite);
    }
}
