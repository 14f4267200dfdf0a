using System.Text;

namespace SnippetCheck.Runner;

/// <summary>
/// What earlier snippets on this runner left as garbage. A faulted task nobody awaited raises
/// <c>TaskScheduler.UnobservedTaskException</c> from its finalizer, whenever the garbage collector gets to it: on a
/// reused runner, possibly while a later snippet listens to that event and prints what it hears. With
/// <c>dotnet run</c> that snippet's process holds no one else's tasks. So before a snippet that names the event,
/// the earlier runs' contexts are unloaded for good and their finalizers run, while no run is listening.
/// Other snippets skip it: a full collection per snippet would cost more than the rest of a run.
/// </summary>
internal static class EarlierRuns
{
    private static readonly byte[] EventNameUtf8 = Encoding.UTF8.GetBytes("UnobservedTaskException");
    private static readonly byte[] EventNameUtf16 = Encoding.Unicode.GetBytes("UnobservedTaskException");
    private static readonly List<WeakReference> Contexts = [];

    public static void Unloaded(System.Runtime.Loader.AssemblyLoadContext context)
    {
        Contexts.Add(new WeakReference(context));
        if (Contexts.Count > 256) Contexts.RemoveAll(c => !c.IsAlive);
    }

    public static void SettleBefore(byte[] image)
    {
        if (Contexts.Count == 0 || !NamesTheEvent(image)) return;
        // A collectible context goes in steps (its loader allocator first, then what its statics held), so a
        // few rounds; each waits for the finalizers the last one queued.
        for (var round = 0; round < 10 && Contexts.Exists(c => c.IsAlive); round++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
        GC.Collect();
        GC.WaitForPendingFinalizers();
        Contexts.Clear();
    }

    /// <summary>The name in the image's metadata (a member reference) or in a string literal (reflection).</summary>
    private static bool NamesTheEvent(ReadOnlySpan<byte> image) =>
        image.IndexOf(EventNameUtf8) >= 0 || image.IndexOf(EventNameUtf16) >= 0;
}
