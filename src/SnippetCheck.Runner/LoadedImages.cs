using System.Reflection;
using SnippetCheck.Execution;

namespace SnippetCheck.Runner;

/// <summary>
/// The load context each run's program lives in. A lone program or a session gets a collectible context of its own,
/// unloaded when it returns. The members of a merged chunk share one image, each in a namespace of its own whose
/// types no other member can name (MergePolicy keeps alone whatever could reveal the others: reflection over the
/// assembly, module initializers); consecutive members on this runner run in the one context the first loaded, and
/// it is unloaded when a different image comes. Creating and unloading a context per member cost each snippet its
/// own loader heaps: mappings, protections and unmaps, about half of a runner's system time.
/// A chunk with package or project dependencies never shares: a library's static state would outlive the member.
/// </summary>
internal static class LoadedImages
{
    private static (long ImageId, SnippetLoadContext Context, Assembly Assembly)? _kept;
    private static SnippetLoadContext? _current;

    public static Assembly Load(RunRequest request, RunCapture capture)
    {
        var shareable = request.EntryType.Length > 0 && request.DependencyPaths.Length == 0;
        if (shareable && _kept is { } kept && kept.ImageId == request.ImageId)
        {
            capture.Own(kept.Context, OwnNamespace(request.EntryType));
            return kept.Assembly;
        }
        UnloadKept();
        var context = new SnippetLoadContext(request.DependencyPaths);
        capture.Own(context, shareable ? OwnNamespace(request.EntryType) : null);
        var assembly = context.LoadFromStream(new MemoryStream(request.Image, writable: false));
        if (shareable) _kept = (request.ImageId, context, assembly);
        else _current = context;
        return assembly;
    }

    /// <summary>A context of its own is unloaded as its run ends; a shared one stays for the chunk's next member.</summary>
    public static void RunEnded()
    {
        if (_current is not { } context) return;
        _current = null;
        context.Unload();
    }

    private static void UnloadKept()
    {
        if (_kept is not { } kept) return;
        _kept = null;
        kept.Context.Unload();
    }

    /// <summary>The member's own namespace, which wraps all of its code: <c>__Snippet3</c> of <c>__Snippet3.Demo.Program</c>.</summary>
    private static string OwnNamespace(string entryType) => entryType.IndexOf('.') is var dot and > 0 ? entryType[..dot] : entryType;
}
