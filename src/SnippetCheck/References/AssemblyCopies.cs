using System.Reflection.PortableExecutable;
using SnippetCheck.Caching.Store;

namespace SnippetCheck.References;

/// <summary>
/// Under <c>--untrusted</c> no runner is granted a folder of the checkout (its <c>.git</c> holds the job's token): an
/// assembly a run references by path is read by the tool, checked to be one, and copied into the tool's cache under its
/// content's hash. The runners load the copy and are granted its folder alone.
/// </summary>
internal static class AssemblyCopies
{
    /// <summary>The copy of <paramref name="assembly"/> below <paramref name="root"/>, made once per content.</summary>
    /// <exception cref="BadImageFormatException">The file is no .NET assembly.</exception>
    public static string Into(string root, string assembly)
    {
        var bytes = File.ReadAllBytes(assembly);
        using (var reader = new PEReader(new MemoryStream(bytes)))
        {
            if (!reader.HasMetadata) throw new BadImageFormatException($"'{assembly}' is no .NET assembly");
        }
        var copy = Path.Combine(root, ContentHash.Of(bytes)[..32], Path.GetFileName(assembly));
        if (!File.Exists(copy)) StoreFile.Write(copy, bytes);
        return copy;
    }
}
