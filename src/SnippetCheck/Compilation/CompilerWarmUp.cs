using SnippetCheck.Configuration;

namespace SnippetCheck.Compilation;

/// <summary>
/// Roslyn's first compilation, started in the background once per process as soon as a run knows it will compile
/// (a cold cache, or its first cache miss), so that it overlaps the reading of documents and the cache lookups
/// instead of following them (bench/README.md, "Start-up").
/// </summary>
internal static class CompilerWarmUp
{
    private static int _started;

    public static void Start(SnippetCheckConfig config)
    {
        if (Interlocked.Exchange(ref _started, 1) != 0) return;
        _ = Task.Run(() =>
        {
            try
            {
                SnippetCompiler.WarmUp(new CompileSettings { References = ReferenceAssemblies.Default }.Overlay(config));
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // Only a head start: whatever went wrong here, the run itself meets and reports.
            }
        }, CancellationToken.None);
    }
}
