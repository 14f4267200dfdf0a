namespace SnippetCheck.Execution;

/// <summary>A compiled assembly for a runner, and where to enter it.</summary>
/// <param name="EntryType">The type whose static <c>Main</c> runs (one snippet of a merged assembly); empty for the
/// assembly's own entry point.</param>
internal sealed record ProgramImage(byte[] Bytes, string EntryType = "")
{
    /// <summary>The classes whose test methods the runner runs after the entry point (or, in a library, instead of one).</summary>
    public string[] TestTypes { get; init; } = [];

    private static long _lastId;

    /// <summary>
    /// Names the bytes for the runners, which keep the last image they were sent. A copy made with
    /// <c>with { EntryType = ... }</c> keeps the id, as it keeps the bytes.
    /// </summary>
    public long Id { get; } = Interlocked.Increment(ref _lastId);
}
