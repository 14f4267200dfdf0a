using System.Reflection;

namespace SnippetCheck.Runner;

/// <summary>Handlers on the process-wide events a snippet can subscribe to and never leave.</summary>
internal static class ProcessWideHandlers
{
    private static readonly FieldInfo?[] Events =
    [
        typeof(AppContext).GetField("UnhandledException", BindingFlags.Static | BindingFlags.NonPublic),
        typeof(AppContext).GetField("FirstChanceException", BindingFlags.Static | BindingFlags.NonPublic),
        typeof(TaskScheduler).GetField("UnobservedTaskException", BindingFlags.Static | BindingFlags.NonPublic),
        typeof(Console).GetField("s_cancelCallbacks", BindingFlags.Static | BindingFlags.NonPublic),
#if NET10_0_OR_GREATER
        // .NET 10's ExceptionHandling.SetUnhandledExceptionHandler: once set, it would swallow a later snippet's crash.
        typeof(System.Runtime.ExceptionServices.ExceptionHandling).GetField("s_handler", BindingFlags.Static | BindingFlags.NonPublic),
#endif
    ];

    /// <summary>How many there are (the runtime's private fields; one it no longer has counts as none).</summary>
    public static int Count() => Events.Sum(field => (field?.GetValue(null) as Delegate)?.GetInvocationList().Length ?? 0);
}
